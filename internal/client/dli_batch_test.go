package client

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const batchesTestPath = "/v2.0/" + testProjectID + "/batches"

// A create answered 408 after the service committed it is recognised in the queue's list
// (a job that was not there before), not submitted a second time.
func TestCreateBatchJobReconcilesAfter408(t *testing.T) {
	var mu sync.Mutex
	committed := false
	old := map[string]any{"id": "old-run", "name": "nightly", "state": "success", "req_body": `{"file":"obs://b/app.jar"}`}
	created := map[string]any{"id": "new-run", "name": "nightly", "state": "starting", "appId": nil, "req_body": `{"file":"obs://b/app.jar"}`}
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPost:
			committed = true
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
		case r.Method == http.MethodGet && r.URL.Path == batchesTestPath:
			if r.URL.Query().Get("queue_name") != "q" || r.URL.Query().Get("job_name") != "nightly" {
				writeDLIError(w, 400, "DLI.0001", "unexpected filter "+r.URL.RawQuery)
				return
			}
			sessions := []any{old}
			if committed {
				sessions = []any{created, old}
			}
			writeJSON(w, 200, map[string]any{"from": 0, "total": len(sessions), "sessions": sessions})
		default:
			writeDLIError(w, 404, "", "no route")
		}
	})
	c := newTestClient(t, ts.URL)
	name := "nightly"
	job, err := c.CreateBatchJob(testCtx(t), &BatchJobRequest{File: "obs://b/app.jar", ClassName: "Main", Queue: "q", Name: &name})
	if err != nil {
		t.Fatalf("CreateBatchJob: %v", err)
	}
	if job.ID != "new-run" || job.State != BatchStarting {
		t.Errorf("job = %+v, want the new run", job)
	}
	if got := ts.countWhere(http.MethodPost, batchesTestPath); got != 1 {
		t.Errorf("POSTs = %d, want exactly 1", got)
	}
}

func TestCreateBatchJobSendsSnakeCase(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodGet {
			writeJSON(w, 200, map[string]any{"from": 0, "total": 0, "sessions": []any{}})
			return
		}
		writeJSON(w, 200, map[string]any{"id": "b1", "state": "Starting", "appId": ""})
	})
	c := newTestClient(t, ts.URL)
	cores := int32(2)
	job, err := c.CreateBatchJob(testCtx(t), &BatchJobRequest{
		File: "app.jar", ClassName: "Main", Queue: "q", Args: []string{"a", "b c"}, PythonFiles: []string{"x.py"},
		DriverCores: &cores, Conf: map[string]string{"k": "v"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if job.State != BatchStarting {
		t.Errorf("state %q not lowercased", job.State)
	}
	var body map[string]any
	_ = json.Unmarshal(ts.requests()[1].Body, &body)
	if body["class_name"] != "Main" || body["driver_cores"] != float64(2) || body["python_files"] == nil || body["className"] != nil {
		t.Errorf("body = %s", ts.requests()[1].Body)
	}
	if conf, _ := body["conf"].(map[string]any); conf["k"] != "v" {
		t.Errorf("conf is not an object: %s", ts.requests()[1].Body)
	}
}

func TestBatchJobAppIDForms(t *testing.T) {
	for in, want := range map[string]string{`null`: "", `""`: "", `"app_1"`: "app_1", `["app_2"]`: "app_2", `[]`: ""} {
		var j BatchJob
		if err := json.Unmarshal([]byte(`{"id":"x","appId":`+in+`}`), &j); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if string(j.AppID) != want {
			t.Errorf("appId %s -> %q, want %q", in, j.AppID, want)
		}
	}
}

// Cancelling a job that has just finished is refused by the service; that is not an error.
func TestCancelBatchJobFinished(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodDelete:
			writeDLIError(w, 400, "DLI.0007", "The batch job b1 has already finished")
		case strings.HasSuffix(r.URL.Path, "/state"):
			writeJSON(w, 200, map[string]any{"id": "b1", "state": "Success"})
		}
	})
	c := newTestClient(t, ts.URL)
	if err := c.CancelBatchJob(testCtx(t), "b1"); err != nil {
		t.Fatalf("CancelBatchJob: %v", err)
	}
}

func TestWaitForBatchJobDeadCarriesLog(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/state") && n < 3:
			writeJSON(w, 200, map[string]any{"id": "b1", "state": "running"})
		case strings.HasSuffix(r.URL.Path, "/state"):
			writeJSON(w, 200, map[string]any{"id": "b1", "state": "DEAD"})
		case strings.HasSuffix(r.URL.Path, "/log"):
			writeJSON(w, 200, map[string]any{"id": "b1", "from": 0, "total": 2, "log": []string{"boom", "Final app status: FAILED"}})
		}
	})
	c := newTestClient(t, ts.URL)
	state, err := c.WaitForBatchJob(testCtx(t), "b1", "to finish", func(s string) bool { return s == BatchSuccess })
	var dead *BatchJobDeadError
	if !errors.As(err, &dead) || state != BatchDead {
		t.Fatalf("err = %v, state %q", err, state)
	}
	if !strings.Contains(err.Error(), "boom\n  Final app status: FAILED") {
		t.Errorf("error lacks the log: %v", err)
	}
}

// A count that wrapped around into a negative int32 is refused before anything is sent.
func TestCreateBatchJobRefusesNegativeCounts(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {})
	c := newTestClient(t, ts.URL)
	wrapped := int64(2147483664)
	_, err := c.CreateBatchJob(testCtx(t), &BatchJobRequest{File: "f.jar", Queue: "q", NumExecutors: ptr.Of(int32(wrapped))})
	if err == nil || !strings.Contains(err.Error(), "num_executors is -2147483632") || ts.count() != 0 {
		t.Fatalf("err = %v after %d requests", err, ts.count())
	}
}
