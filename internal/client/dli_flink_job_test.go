package client

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const streamingPath = "/v1.0/" + testProjectID + "/streaming"

func TestCreateFlinkSQLJobReconcilesAfter408(t *testing.T) {
	var mu sync.Mutex
	committed := false
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPost && r.URL.Path == streamingPath+"/sql-jobs":
			committed = true
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
		case r.Method == http.MethodGet && r.URL.Path == streamingPath+"/jobs":
			jobs := []map[string]any{{"job_id": 3, "name": "j1"}, {"job_id": 4, "name": "j10"}}
			if committed {
				jobs = append(jobs, map[string]any{"job_id": 7, "name": "j1"})
			}
			if r.URL.Query().Get("name") != "j1" {
				t.Errorf("list query %s", r.URL.RawQuery)
			}
			writeJSON(w, 200, map[string]any{"is_success": "true", "job_list": map[string]any{"total_count": len(jobs), "jobs": jobs}})
		default:
			writeDLIError(w, 404, "", "no route")
		}
	})
	c := newTestClient(t, ts.URL)
	id, err := c.CreateFlinkSQLJob(testCtx(t), &model.CreateFlinkSqlJobRequestBody{Name: "j1", SqlBody: ptr.Of("INSERT INTO a SELECT 1")})
	if err != nil || id != 7 {
		t.Fatalf("CreateFlinkSQLJob = %d, %v; want the job created by the lost attempt (7)", id, err)
	}
	if got := ts.countWhere(http.MethodPost, streamingPath+"/sql-jobs"); got != 1 {
		t.Errorf("POSTs = %d, want exactly 1", got)
	}
}

func TestCreateFlinkSQLJobDecodesStringEnvelope(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodGet {
			writeJSON(w, 200, map[string]any{"is_success": "true", "job_list": map[string]any{"total_count": 0, "jobs": []any{}}})
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": "true", "message": "ok", "job": map[string]any{"job_id": 148, "status_name": "job_init"}})
	})
	c := newTestClient(t, ts.URL)
	if id, err := c.CreateFlinkSQLJob(testCtx(t), &model.CreateFlinkSqlJobRequestBody{Name: "x"}); err != nil || id != 148 {
		t.Fatalf("CreateFlinkSQLJob = %d, %v", id, err)
	}
}

func TestFlinkBatchResponses(t *testing.T) {
	tests := map[string]struct {
		body    any
		wantErr string
	}{
		"array of successes":     {[]map[string]any{{"is_success": "true", "message": "issued"}}, ""},
		"array with a refusal":   {[]map[string]any{{"is_success": "false", "message": "queue q is being provisioned"}}, "queue q is being provisioned"},
		"single object (§9.10)":  {map[string]any{"is_success": "true", "message": "issued"}, ""},
		"single object, boolean": {map[string]any{"is_success": false, "message": "nope"}, "nope"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, tc.body) })
			c := newTestClient(t, ts.URL)
			err := c.StopFlinkJob(testCtx(t), 42, true)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("StopFlinkJob error = %v, want %q", err, tc.wantErr)
			}
			var sent map[string]any
			_ = json.Unmarshal(ts.requests()[0].Body, &sent)
			ids, _ := sent["job_ids"].([]any) // not a list: nil, so the length check fails
			if sent["trigger_savepoint"] != true || len(ids) != 1 {
				t.Errorf("stop body = %s", ts.requests()[0].Body)
			}
		})
	}
}

func TestRunFlinkJobReconcilesAfter408(t *testing.T) {
	var mu sync.Mutex
	status := "job_cancel_success"
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		if r.Method == http.MethodPost {
			status = "job_submitting"
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": "true", "job_detail": map[string]any{"job_id": 5, "name": "j", "status": status}})
	})
	c := newTestClient(t, ts.URL)
	if err := c.RunFlinkJob(testCtx(t), 5, true); err != nil {
		t.Fatalf("RunFlinkJob: %v", err)
	}
	if got := ts.countWhere(http.MethodPost, streamingPath+"/jobs/run"); got != 1 {
		t.Errorf("run requests = %d, want 1", got)
	}
	var sent map[string]any
	_ = json.Unmarshal(ts.requests()[0].Body, &sent)
	if sent["resume_savepoint"] != true {
		t.Errorf("run body = %s", ts.requests()[0].Body)
	}
}

func TestWaitForFlinkJob(t *testing.T) {
	statuses := []string{"job_submitting", "job_submitting", "job_running"}
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		st := statuses[min(n-1, len(statuses)-1)]
		writeJSON(w, 200, map[string]any{"is_success": "true", "job_detail": map[string]any{
			"job_id": 9, "name": "j", "status": st, "job_config": map[string]any{"checkpoint_mode": "at_least_once", "cu_number": 2},
		}})
	})
	c := newTestClient(t, ts.URL)
	job, err := c.WaitForFlinkJob(testCtx(t), 9, "to run", func(s string) bool { return s == FlinkRunning })
	if err != nil || *job.Status != FlinkRunning || job.JobConfig.CheckpointMode.Value() != "at_least_once" || ts.count() != 3 {
		t.Fatalf("WaitForFlinkJob = %+v, %v after %d polls", job, err, ts.count())
	}
}

func TestWaitForFlinkJobEndsAtOnceOnFailure(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": "true", "job_detail": map[string]any{
			"job_id": 9, "name": "j", "status": "job_submit_fail", "status_desc": "Insufficient resources on queue q"}})
	})
	c := newTestClient(t, ts.URL)
	_, err := c.WaitForFlinkJob(testCtx(t), 9, "to run", func(s string) bool { return s == FlinkRunning })
	if err == nil || !strings.Contains(err.Error(), "job_submit_fail") || !strings.Contains(err.Error(), "Insufficient resources on queue q") {
		t.Fatalf("error = %v", err)
	}
	if ts.count() != 1 {
		t.Errorf("polls = %d, want 1", ts.count())
	}
}

func TestDeleteFlinkJobNotFoundIsSuccess(t *testing.T) {
	for _, code := range []string{"DLI.0002", "DLI.16001"} {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			writeDLIError(w, 400, code, "The job does not exist")
		})
		c := newTestClient(t, ts.URL)
		if err := c.DeleteFlinkJob(testCtx(t), 1); err != nil {
			t.Errorf("%s: DeleteFlinkJob = %v", code, err)
		}
		if err := c.WaitForFlinkJobDeleted(testCtx(t), 1); err != nil {
			t.Errorf("%s: WaitForFlinkJobDeleted = %v", code, err)
		}
	}
}
