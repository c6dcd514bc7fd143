package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// badBodies are 2xx bodies no operation can use.
var badBodies = map[string]string{
	"empty":     "",
	"object {}": "{}",
	"null":      "null",
	"HTML":      "<html><body>502 Bad Gateway</body></html>",
	"truncated": `{"is_success": true, "queues": [{"queue_name": "q1"`,
}

// Every kind of operation treats an unusable 2xx as a malformed response: retried like a
// 5xx (max_retries), then an error naming the operation, method, path, HTTP status and
// request id, which is never a not-found.
func TestStrictDecodingPerOperationKind(t *testing.T) {
	ops := []struct {
		name, op, path string
		call           func(context.Context, *Client) error
	}{
		{"show", "ShowQueue", "/queues/q1", func(ctx context.Context, c *Client) error {
			_, err := c.ShowQueue(ctx, "q1")
			return err
		}},
		{"list", "ListDatabases", "/databases", func(ctx context.Context, c *Client) error {
			_, err := c.ListDatabases(ctx)
			return err
		}},
		{"list by name", "ListGlobalVariables", "/variables", func(ctx context.Context, c *Client) error {
			_, err := c.GetGlobalVariable(ctx, "v1")
			return err
		}},
		{"describe", "ShowTable", "/databases/db1/tables/t1", func(ctx context.Context, c *Client) error {
			_, err := c.ShowTable(ctx, "db1", "t1")
			return err
		}},
		{"status", "ShowSparkJobStatus", "/batches/b1/state", func(ctx context.Context, c *Client) error {
			_, err := c.BatchJobState(ctx, "b1")
			return err
		}},
		{"flink show", "ShowFlinkJob", "/streaming/jobs/5", func(ctx context.Context, c *Client) error {
			_, err := c.ShowFlinkJob(ctx, 5)
			return err
		}},
		{"update", "UpdateGlobalVariable", "/variables/v1", func(ctx context.Context, c *Client) error {
			return c.UpdateGlobalVariable(ctx, "v1", "x")
		}},
		{"sql status", "ShowSqlJobStatus", "/jobs/j1/status", func(ctx context.Context, c *Client) error {
			_, err := c.ShowSQLJobStatus(ctx, "j1")
			return err
		}},
	}
	for _, op := range ops {
		for bodyName, body := range badBodies {
			t.Run(op.name+"/"+bodyName, func(t *testing.T) {
				ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
					w.Header().Set("X-Request-Id", fmt.Sprintf("rid-%d", n))
					w.WriteHeader(http.StatusOK)
					fmt.Fprint(w, body)
				})
				c := newTestClient(t, ts.URL)
				err := op.call(testCtx(t), c)
				var me *MalformedResponseError
				if !errors.As(err, &me) {
					t.Fatalf("err = %v (%T), want a MalformedResponseError", err, err)
				}
				if IsNotFound(err) {
					t.Errorf("a malformed answer reads as not found: %v", err)
				}
				last := fmt.Sprintf("rid-%d", ts.count())
				for _, want := range []string{op.op, "malformed response", "HTTP 200", last, "/v", op.path} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
				if got, want := ts.count(), c.cfg.MaxRetries+1; got != want {
					t.Errorf("attempts = %d, want %d (retried like a 5xx)", got, want)
				}
			})
		}
	}
}

// A malformed answer followed by a good one is just a retry.
func TestStrictDecodingRetriesThenSucceeds(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			fmt.Fprint(w, "{}")
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
	})
	q, err := newTestClient(t, ts.URL).ShowQueue(testCtx(t), "q1")
	if err != nil || *q.CuCount != 16 || ts.count() != 2 {
		t.Fatalf("ShowQueue = %v, %v after %d requests", q, err, ts.count())
	}
}

// Fields the provider needs are required even in otherwise well-formed answers.
func TestStrictDecodingRequiredFields(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
		call             func(context.Context, *Client) error
	}{
		{"queue without cuCount", `{"is_success":true,"queueName":"q1","queueType":"sql"}`, "lacks cuCount",
			func(ctx context.Context, c *Client) error { _, err := c.ShowQueue(ctx, "q1"); return err }},
		{"queue list without queues", `{"is_success":true,"message":""}`, "lacks queues",
			func(ctx context.Context, c *Client) error { _, err := c.ListQueues(ctx); return err }},
		{"queue list row without a name", `{"is_success":true,"queues":[{"cu_count":16}]}`, "queues[0] lacks queue_name",
			func(ctx context.Context, c *Client) error { _, err := c.ListQueues(ctx); return err }},
		{"table without columns", `{"is_success":true,"table_type":"MANAGED"}`, "lacks columns",
			func(ctx context.Context, c *Client) error { _, err := c.ShowTable(ctx, "db", "t"); return err }},
		{"table without type", `{"is_success":true,"columns":[]}`, "lacks table_type",
			func(ctx context.Context, c *Client) error { _, err := c.ShowTable(ctx, "db", "t"); return err }},
		{"tables without tables", `{"is_success":true,"table_count":0}`, "lacks tables",
			func(ctx context.Context, c *Client) error { _, err := c.ListTables(ctx, "db"); return err }},
		{"flink job without status", `{"is_success":"true","job_detail":{"job_id":5,"name":"j"}}`, "lacks job_detail.status",
			func(ctx context.Context, c *Client) error { _, err := c.ShowFlinkJob(ctx, 5); return err }},
		{"batch without id", `{"state":"starting"}`, "lacks id",
			func(ctx context.Context, c *Client) error { _, err := c.ShowBatchJob(ctx, "b"); return err }},
		{"scale without result", `{"queue_name":"q1"}`, "lacks result",
			func(ctx context.Context, c *Client) error { return c.ScaleQueue(ctx, "q1", 16, 32) }},
		{"ack without is_success", `{"message":"ok"}`, "lacks is_success",
			func(ctx context.Context, c *Client) error { return c.UpdateDatabaseOwner(ctx, "db", "u") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { fmt.Fprint(w, tc.body) })
			err := tc.call(testCtx(t), newTestClient(t, ts.URL, func(c *Config) { c.MaxRetries = 0 }))
			var me *MalformedResponseError
			if !errors.As(err, &me) || !strings.Contains(err.Error(), tc.want) || IsNotFound(err) {
				t.Fatalf("err = %v, want a malformed response that %s", err, tc.want)
			}
		})
	}
}

// Deletes accept a 204 No Content, which says there is no body.
func TestDeletesAcceptEmptyBodies(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { w.WriteHeader(http.StatusNoContent) })
	c := newTestClient(t, ts.URL)
	ctx := testCtx(t)
	for name, del := range map[string]func() error{
		"queue":      func() error { return c.DeleteQueue(ctx, "q1") },
		"database":   func() error { return c.DeleteDatabase(ctx, "db", false) },
		"table":      func() error { return c.DeleteTable(ctx, "db", "t") },
		"variable":   func() error { return c.DeleteGlobalVariable(ctx, "v") },
		"connection": func() error { return c.DeleteEnhancedConnection(ctx, "id") },
		"flink job":  func() error { return c.DeleteFlinkJob(ctx, 5) },
		"batch job":  func() error { return c.CancelBatchJob(ctx, "b") },
	} {
		if err := del(); err != nil {
			t.Errorf("delete %s with an empty 204: %v", name, err)
		}
	}
}

// A delete answered 200 with a body that is not the documented envelope (empty, HTML, {})
// is malformed, never a success: the object could still exist.
func TestDeletesRejectOddBodies(t *testing.T) {
	for _, body := range []string{"", "{}", "<html><body>Bad Gateway</body></html>"} {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(body))
		})
		c := newTestClient(t, ts.URL)
		err := c.DeleteGlobalVariable(testCtx(t), "v")
		var me *MalformedResponseError
		if !errors.As(err, &me) || IsNotFound(err) {
			t.Errorf("delete answered 200 %q: err = %v, want a malformed response", body, err)
		}
	}
}
