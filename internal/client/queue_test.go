package client

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const queuesPath = "/v1.0/" + testProjectID + "/queues"

func TestCreateQueueReconcilesAfter408(t *testing.T) {
	var mu sync.Mutex
	committed := false
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPost && r.URL.Path == queuesPath:
			committed = true
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
		case r.Method == http.MethodGet && r.URL.Path == queuesPath+"/q1":
			if !committed {
				writeDLIError(w, 400, "DLI.0002", "There is no queue named q1")
				return
			}
			writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
		default:
			writeDLIError(w, 404, "", "no route")
		}
	})
	c := newTestClient(t, ts.URL)
	err := c.CreateQueue(testCtx(t), &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16})
	if err != nil {
		t.Fatalf("CreateQueue: %v", err)
	}
	if got := ts.countWhere(http.MethodPost, queuesPath); got != 1 {
		t.Errorf("POSTs = %d, want exactly 1", got)
	}
	if got := ts.countWhere(http.MethodGet, queuesPath+"/q1"); got != 1 {
		t.Errorf("ShowQueue lookups = %d, want 1", got)
	}
	var body map[string]any
	_ = json.Unmarshal(ts.requests()[0].Body, &body)
	if body["queue_name"] != "q1" || body["cu_count"] != float64(16) {
		t.Errorf("create body = %s", ts.requests()[0].Body)
	}
}

// Without a consistency window, one lookup decides: not found means the create is sent again.
func TestCreateQueueResendsWhenLookupSaysNotFound(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost && n == 1:
			writeDLIError(w, 502, "", "bad gateway") // lost before reaching DLI
		case r.Method == http.MethodPost:
			writeJSON(w, 200, map[string]any{"is_success": true, "queue_name": "q1"})
		case r.Method == http.MethodGet:
			writeDLIError(w, 400, "DLI.0002", "There is no queue named q1")
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = -1 })
	if err := c.CreateQueue(testCtx(t), &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16}); err != nil {
		t.Fatalf("CreateQueue: %v", err)
	}
	if got := ts.countWhere(http.MethodPost, queuesPath); got != 2 {
		t.Errorf("POSTs = %d, want 2", got)
	}
	if got := ts.countWhere(http.MethodGet, queuesPath+"/q1"); got != 1 {
		t.Errorf("lookups = %d, want 1", got)
	}
}

func TestCreateQueueDoesNotReconcileDefiniteFailures(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodPost && n <= 2 {
			writeDLIError(w, 429, "APIGW.0308", "throttled") // rejected: certainly not created
			return
		}
		if r.Method == http.MethodPost {
			writeJSON(w, 200, map[string]any{"is_success": true, "queue_name": "q1"})
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
	})
	c := newTestClient(t, ts.URL)
	if err := c.CreateQueue(testCtx(t), &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16}); err != nil {
		t.Fatal(err)
	}
	if got := ts.countWhere(http.MethodGet, queuesPath+"/q1"); got != 0 {
		t.Errorf("lookups after 429 = %d, want 0", got)
	}
	if got := ts.countWhere(http.MethodPost, queuesPath); got != 3 {
		t.Errorf("POSTs = %d, want 3", got)
	}
}

func TestScaleQueue(t *testing.T) {
	cases := []struct {
		name            string
		current, target int32
		want            string
	}{
		{"out", 16, 32, `{"action":"scale_out","cu_count":16}`},
		{"in", 64, 32, `{"action":"scale_in","cu_count":32}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				writeJSON(w, 200, map[string]any{"is_success": true, "result": true})
			})
			c := newTestClient(t, ts.URL)
			if err := c.ScaleQueue(testCtx(t), "q1", tc.current, tc.target); err != nil {
				t.Fatal(err)
			}
			reqs := ts.requests()
			if len(reqs) != 1 {
				t.Fatalf("requests = %d, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != http.MethodPut || r.Path != queuesPath+"/q1/action" {
				t.Errorf("request = %s %s", r.Method, r.Path)
			}
			var got, want map[string]any
			if err := json.Unmarshal(r.Body, &got); err != nil {
				t.Fatal(err)
			}
			_ = json.Unmarshal([]byte(tc.want), &want)
			if len(got) != len(want) || got["action"] != want["action"] || got["cu_count"] != want["cu_count"] {
				t.Errorf("body = %s, want %s", r.Body, tc.want)
			}
		})
	}

	t.Run("equal", func(t *testing.T) {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {})
		c := newTestClient(t, ts.URL)
		if err := c.ScaleQueue(testCtx(t), "q1", 32, 32); err != nil {
			t.Fatal(err)
		}
		if ts.count() != 0 {
			t.Errorf("requests = %d, want 0", ts.count())
		}
	})

	t.Run("refused", func(t *testing.T) {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			writeJSON(w, 200, map[string]any{"is_success": true, "result": false, "message": "quota exceeded"})
		})
		c := newTestClient(t, ts.URL)
		err := c.ScaleQueue(testCtx(t), "q1", 16, 32)
		if err == nil || !strings.Contains(err.Error(), "quota exceeded") || !strings.Contains(err.Error(), "scale_out") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestWaitForQueueCUs(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case n == 1:
			writeDLIError(w, 400, "DLI.0002", "There is no queue named q1") // not visible yet
		case n <= 3:
			writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 32})
		}
	})
	c := newTestClient(t, ts.URL)
	if err := c.WaitForQueueCUs(testCtx(t), "q1", 32); err != nil {
		t.Fatal(err)
	}
	if got := ts.countWhere(http.MethodGet, queuesPath+"/q1"); got != 4 {
		t.Errorf("ShowQueue polls = %d, want 4", got)
	}
}

// The deadline usually ends during a poll's HTTP call here; the error must still say that
// the wait timed out, and what the queue looked like last.
func TestWaitForQueueCUsTimesOutWithLastState(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n > 1 {
			time.Sleep(20 * time.Millisecond)
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
	})
	c := newTestClient(t, ts.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err := c.WaitForQueueCUs(ctx, "q1", 32)
	if err == nil || !strings.Contains(err.Error(), "timed out waiting for") ||
		!strings.Contains(err.Error(), `queue "q1" to have 32 CUs`) || !strings.Contains(err.Error(), "16 CUs") {
		t.Errorf("err = %v", err)
	}
}

func TestWaitForQueueCUsStopsOnError(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeDLIError(w, 403, "DLI.0003", "forbidden")
	})
	c := newTestClient(t, ts.URL)
	err := c.WaitForQueueCUs(testCtx(t), "q1", 32)
	if err == nil || !strings.Contains(err.Error(), "DLI.0003") {
		t.Errorf("err = %v", err)
	}
	if ts.count() != 1 {
		t.Errorf("polls = %d, want 1", ts.count())
	}
}

func TestWaitForQueueDeleted(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n <= 2 {
			writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
			return
		}
		writeDLIError(w, 400, "DLI.0002", "There is no queue named q1")
	})
	c := newTestClient(t, ts.URL)
	if err := c.WaitForQueueDeleted(testCtx(t), "q1"); err != nil {
		t.Fatal(err)
	}
	if ts.count() != 3 {
		t.Errorf("polls = %d, want 3", ts.count())
	}
}

func TestDeleteQueue(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch n {
		case 1:
			writeJSON(w, 200, map[string]any{"is_success": true})
		case 2:
			writeDLIError(w, 400, "DLI.0008", "There is no queue named q1")
		default:
			writeDLIError(w, 400, "DLI.0001", "queue is in use")
		}
	})
	c := newTestClient(t, ts.URL)
	ctx := testCtx(t)
	if err := c.DeleteQueue(ctx, "q1"); err != nil {
		t.Errorf("delete: %v", err)
	}
	if err := c.DeleteQueue(ctx, "q1"); err != nil {
		t.Errorf("delete of a missing queue: %v", err)
	}
	if err := c.DeleteQueue(ctx, "q1"); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("delete refused: err = %v", err)
	}
	if r := ts.requests()[0]; r.Method != http.MethodDelete || r.Path != queuesPath+"/q1" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
}

func TestShowQueueDecodesCamelCase(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 48})
	})
	c := newTestClient(t, ts.URL)
	q, err := c.ShowQueue(testCtx(t), "q1")
	if err != nil {
		t.Fatal(err)
	}
	if ptr.Deref(q.QueueName) != "q1" || ptr.Deref(q.QueueType) != "sql" || ptr.Deref(q.CuCount) != 48 {
		t.Errorf("queue = %+v", q)
	}
}

// CU counts never wrap around on their way into the API's int32 cu_count.
func TestScaleQueueBounds(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true, "queue_name": "q1", "result": true})
	})
	c := newTestClient(t, ts.URL)
	ctx := testCtx(t)
	for _, tc := range []struct {
		name            string
		current, target int64
		want            string
	}{
		{"target above int32", 16, 2147483664, "target cu_count of queue q1 is 2147483664"},
		{"negative current", -16, 32, "current cu_count of queue q1 is -16"},
		{"zero target", 16, 0, "target cu_count of queue q1 is 0"},
	} {
		if err := c.ScaleQueueCUs(ctx, "q1", tc.current, tc.target); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	// A wrapped int32 (2147483664 → -2147483632) is refused too.
	wrapped := int64(2147483664)
	if err := c.ScaleQueue(ctx, "q1", 16, int32(wrapped)); err == nil || !strings.Contains(err.Error(), "-2147483632") {
		t.Errorf("wrapped target: err = %v", err)
	}
	if err := c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "q1", CuCount: int32(wrapped)}); err == nil {
		t.Error("CreateQueue with a wrapped cu_count: no error")
	}
	if ts.count() != 0 {
		t.Errorf("requests sent = %d, want 0", ts.count())
	}
	// The largest difference that fits is sent as it is.
	if err := c.ScaleQueueCUs(ctx, "q1", 16, 2147483647); err != nil {
		t.Fatal(err)
	}
	if got := string(ts.requests()[0].Body); !strings.Contains(got, `"cu_count":2147483631`) {
		t.Errorf("body = %s", got)
	}
	if _, err := CheckedInt32("x", 1<<31); err == nil {
		t.Error("CheckedInt32(2^31): no error")
	}
	if v, err := CheckedInt32("x", -1<<31); err != nil || v != -1<<31 {
		t.Errorf("CheckedInt32(-2^31) = %d, %v", v, err)
	}
}
