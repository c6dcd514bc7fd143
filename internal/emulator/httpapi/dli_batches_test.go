package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

const batchPrefix = "/v2.0/" + DemoProjectID + "/batches"

// batchEnv is an emulator with a provisioned general queue "spark_q" and a SQL queue "sql_q".
func batchEnv(t *testing.T) *testEnv {
	t.Helper()
	env := newEnv(t, Options{})
	env.createQueue("spark_q", 16, "general")
	env.createQueue("sql_q", 16, "sql")
	env.emu.Advance(queueProvisionTime)
	return env
}

func minimalBatch(extra map[string]any) map[string]any {
	b := map[string]any{"file": "obs://bucket/app.jar", "class_name": "com.example.Main", "queue": "spark_q"}
	for k, v := range extra {
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
	}
	return b
}

func (env *testEnv) createBatch(body map[string]any) batchView {
	env.t.Helper()
	var v batchView
	env.must("POST", batchPrefix, nil, body, &v)
	return v
}

func (env *testEnv) showBatch(id string) batchView {
	env.t.Helper()
	var v batchView
	env.must("GET", batchPrefix+"/"+id, nil, nil, &v)
	return v
}

func TestCreateBatchValidation(t *testing.T) {
	env := batchEnv(t)
	cases := []struct {
		name   string
		body   map[string]any
		code   string
		inMsg  string
		status int
	}{
		{"no file", minimalBatch(map[string]any{"file": nil}), "DLI.0001", "file is required", 400},
		{"no class_name", minimalBatch(map[string]any{"class_name": nil}), "DLI.0001", "class_name is required", 400},
		{"bad obs path", minimalBatch(map[string]any{"file": "obs://bucket"}), "DLI.0001", "file", 400},
		{"queue and cluster_name", minimalBatch(map[string]any{"cluster_name": "spark_q"}), "DLI.0001", "queue and cluster_name", 400},
		{"no queue", minimalBatch(map[string]any{"queue": nil}), "DLI.0001", "queue is required", 400},
		{"unknown queue", minimalBatch(map[string]any{"queue": "nope"}), "DLI.0002", "nope", 400},
		{"sql queue", minimalBatch(map[string]any{"queue": "sql_q"}), "DLI.0001", "general-purpose", 400},
		{"sc_type", minimalBatch(map[string]any{"sc_type": "D"}), "DLI.0001", "sc_type", 400},
		{"name too long", minimalBatch(map[string]any{"name": strings.Repeat("n", 129)}), "DLI.0001", "name", 400},
		{"driver_memory without unit", minimalBatch(map[string]any{"driver_memory": "2048"}), "DLI.0001", "driver_memory", 400},
		{"executorMemory without unit", minimalBatch(map[string]any{"executorMemory": "2"}), "DLI.0001", "executor_memory", 400},
		{"driver_cores 0", minimalBatch(map[string]any{"driver_cores": 0}), "DLI.0001", "driver_cores", 400},
		{"num_executors type", minimalBatch(map[string]any{"num_executors": "2"}), "DLI.0001", "num_executors", 400},
		{"max_retry_times 101", minimalBatch(map[string]any{"max_retry_times": 101}), "DLI.0001", "max_retry_times", 400},
		{"catalog_name", minimalBatch(map[string]any{"catalog_name": "hive"}), "DLI.0001", "catalog_name", 400},
		{"module", minimalBatch(map[string]any{"modules": []string{"hbase"}}), "DLI.0001", "modules[0]", 400},
		{"resource type", minimalBatch(map[string]any{"resources": []map[string]string{{"name": "a.jar", "type": "zip"}}}), "DLI.0001", "resources[0].type", 400},
		{"group name", minimalBatch(map[string]any{"groups": []map[string]any{{"resources": []any{}}}}), "DLI.0001", "groups[0].name", 400},
		{"conf not an object", minimalBatch(map[string]any{"conf": []string{"a=b"}}), "DLI.0001", "conf", 400},
		{"feature", minimalBatch(map[string]any{"feature": "gpu"}), "DLI.0001", "feature", 400},
		{"custom without image", minimalBatch(map[string]any{"feature": "custom"}), "DLI.0001", "image is required", 400},
		{"image without custom", minimalBatch(map[string]any{"image": "org/spark:1"}), "DLI.0001", "image is only allowed", 400},
		{"agency on old spark", minimalBatch(map[string]any{"execution_agency_urn": "agency", "spark_version": "2.4.5"}), "DLI.0001", "execution_agency_urn", 400},
		{"both spellings", minimalBatch(map[string]any{"className": "com.example.Main"}), "DLI.0001", "className", 400},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := env.wantError("POST", batchPrefix, nil, tc.body, tc.status, tc.code)
			if !strings.Contains(e.Msg, tc.inMsg) {
				t.Errorf("message %q does not mention %q", e.Msg, tc.inMsg)
			}
		})
	}
}

func TestCreateBatchBothSpellingsAndReqBody(t *testing.T) {
	env := batchEnv(t)
	// The SDK / quick-start camelCase form.
	camel := env.createBatch(map[string]any{
		"file": "spark-examples.jar", "className": "org.apache.spark.examples.SparkPi", "queue": "spark_q",
		"driverMemory": "1G", "driverCores": 1, "executorMemory": "1G", "executorCores": 1, "numExecutors": 1,
		"pyFiles": []string{"obs://b/x.py"}, "maxRetryTimes": 5, "minRecoveryDelayTime": 10000, "sc_type": "A",
	})
	if camel.State != batchStarting || camel.AppID != nil || camel.ScType != "CUSTOMIZED" || camel.ReqBody != "" {
		t.Errorf("create response = %+v", camel)
	}
	// The documented snake_case form, with a cluster_name instead of queue.
	snake := env.createBatch(map[string]any{
		"file": "obs://b/main.py", "cluster_name": "spark_q", "name": "py_job", "args": []string{"--in", "a b", "x"},
		"conf": map[string]any{"spark.sql.shuffle.partitions": "8", "n": 3}, "sc_type": "B",
		"resources": []map[string]string{{"name": "groupTest/testJar.jar", "type": "jar"}},
		"groups":    []map[string]any{{"name": "g", "resources": []map[string]string{{"name": "a.jar", "type": "jar"}}}},
		"modules":   []string{"sys.datasource.rds"}, "feature": "custom", "image": "org/spark:3.3.1", "spark_version": "3.3.1",
		"execution_agency_urn": "agency", "catalog_name": "dli", "obs_bucket": "logs", "auto_recovery": true,
	})
	d := env.showBatch(snake.ID)
	if d.ScType != "B" || d.Queue != "spark_q" || d.ClusterName != "spark_q" || d.Name != "py_job" || d.Feature != "custom" || d.SparkVersion != "3.3.1" || d.Image != "org/spark:3.3.1" {
		t.Errorf("detail = %+v", d)
	}
	var req map[string]any
	if err := json.Unmarshal([]byte(d.ReqBody), &req); err != nil {
		t.Fatalf("req_body %q: %v", d.ReqBody, err)
	}
	if fmt.Sprint(req["args"]) != "[--in a b x]" || req["className"] != "" || req["autoRecovery"] != true ||
		req["maxRetryTimes"] != float64(20) || req["catalog_name"] != "dli" || req["execution_agency_urn"] != "agency" ||
		fmt.Sprint(req["conf"]) != "map[n:3 spark.sql.shuffle.partitions:8]" || req["driverMemory"] != nil {
		t.Errorf("req_body = %s", d.ReqBody)
	}
	var camelReq map[string]any
	_ = json.Unmarshal([]byte(env.showBatch(camel.ID).ReqBody), &camelReq)
	if camelReq["driverMemory"] != "1G" || camelReq["numExecutors"] != float64(1) || camelReq["maxRetryTimes"] != float64(5) {
		t.Errorf("camel req_body = %v", camelReq)
	}
}

func TestBatchLifecycleAndLog(t *testing.T) {
	env := batchEnv(t)
	first := env.createBatch(minimalBatch(map[string]any{"name": "first"}))
	// On a provisioned queue a job starts in 30 s.
	env.emu.Advance(batchStartTime - time.Second)
	if s := env.showBatch(first.ID).State; s != batchStarting {
		t.Fatalf("job after 29s: %s, want starting", s)
	}
	env.emu.Advance(time.Second)
	d := env.showBatch(first.ID)
	if d.State != batchRunning || d.AppID == nil || *d.AppID == "" {
		t.Fatalf("after start: %+v", d)
	}
	second := env.createBatch(minimalBatch(map[string]any{"name": "second"}))
	env.emu.Advance(batchStartTime)
	var st map[string]string
	env.must("GET", batchPrefix+"/"+second.ID+"/state", nil, nil, &st)
	if st["state"] != batchRunning || st["id"] != second.ID {
		t.Fatalf("second state = %v", st)
	}
	env.emu.Advance(batchRunTime)
	d = env.showBatch(first.ID)
	if d.State != batchSuccess || d.Duration != batchRunTime.Milliseconds() || d.UpdateTime <= d.CreateTime {
		t.Fatalf("after run: %+v", d)
	}
	if last := d.Log[len(d.Log)-1]; !strings.Contains(last, "Shutdown hook") {
		t.Errorf("last log line %q", last)
	}
	// The finished job cannot be cancelled (§10.1.2).
	env.wantError("DELETE", batchPrefix+"/"+first.ID, nil, nil, 400, "DLI.0007")

	var lg struct {
		ID    string   `json:"id"`
		From  int      `json:"from"`
		Total int      `json:"total"`
		Log   []string `json:"log"`
	}
	env.must("GET", batchPrefix+"/"+first.ID+"/log", nil, nil, &lg)
	if lg.Total != 7 || len(lg.Log) != 7 || lg.From != 0 || !strings.Contains(lg.Log[0], "submitted to queue spark_q") {
		t.Fatalf("log = %+v", lg)
	}
	full := slices.Clone(lg.Log) // decoding into lg again reuses the slice's array
	env.must("GET", batchPrefix+"/"+first.ID+"/log", map[string]string{"from": "2", "size": "2"}, nil, &lg)
	if lg.From != 2 || !slices.Equal(lg.Log, full[2:4]) || !strings.Contains(lg.Log[0], "Running Spark version") {
		t.Fatalf("log page = %+v, want lines 2 and 3 of %q", lg, full)
	}
	env.wantError("GET", batchPrefix+"/"+first.ID+"/log", map[string]string{"type": "executor"}, nil, 400, "DLI.0001")
	env.wantError("GET", batchPrefix+"/nope", nil, nil, 400, "DLI.0002")
}

func TestBatchCancel(t *testing.T) {
	env := batchEnv(t)
	j := env.createBatch(minimalBatch(nil))
	env.emu.Advance(batchStartTime)
	var out map[string]string
	env.must("DELETE", batchPrefix+"/"+j.ID, nil, nil, &out)
	if out["msg"] != "deleted" {
		t.Fatalf("cancel = %v", out)
	}
	if s := env.showBatch(j.ID).State; s != batchRunning {
		t.Fatalf("right after cancel: %s, want still running", s)
	}
	env.emu.Advance(batchCancelTime)
	d := env.showBatch(j.ID)
	if d.State != batchDead || !strings.Contains(strings.Join(d.Log, "\n"), "cancelled by demo_user") {
		t.Fatalf("after cancel: %+v", d)
	}
	env.emu.Advance(batchRunTime) // the cancelled run never succeeds
	if s := env.showBatch(j.ID).State; s != batchDead {
		t.Fatalf("later: %s", s)
	}
	env.wantError("DELETE", batchPrefix+"/"+j.ID, nil, nil, 400, "DLI.0007")
}

func TestBatchForcedFailureAndRecovery(t *testing.T) {
	env := batchEnv(t)
	env.createBatch(minimalBatch(nil)) // the queue's first job: the others start in 30 s
	env.emu.FailBatchesNamed("doomed", "java.io.IOException: table demo.sales is missing")
	plain := env.createBatch(minimalBatch(map[string]any{"name": "doomed"}))
	recovering := env.createBatch(minimalBatch(map[string]any{"name": "doomed", "auto_recovery": true}))
	byID := env.createBatch(minimalBatch(map[string]any{"name": "other"}))
	if status := env.admin("POST", "/_emulator/batches/"+byID.ID+"/fail", map[string]string{"reason": "OOM"}, nil); status != 200 {
		t.Fatalf("admin fail: %d", status)
	}
	if status := env.admin("POST", "/_emulator/batches/no-such-id/fail", nil, nil); status != 400 {
		t.Fatalf("admin fail of unknown job: %d", status)
	}
	env.emu.Advance(batchStartTime + batchRunTime)
	d := env.showBatch(plain.ID)
	if d.State != batchDead || !strings.Contains(strings.Join(d.Log, "\n"), "ERROR ApplicationMaster: User class threw exception: java.io.IOException: table demo.sales is missing") {
		t.Fatalf("plain: %+v", d)
	}
	if d := env.showBatch(byID.ID); d.State != batchDead || !strings.Contains(strings.Join(d.Log, "\n"), "OOM") {
		t.Fatalf("by id: %+v", d)
	}
	if s := env.showBatch(recovering.ID).State; s != batchRecovering {
		t.Fatalf("auto_recovery job: %s, want recovering", s)
	}
	env.emu.Advance(batchRecoverTime)
	if s := env.showBatch(recovering.ID).State; s != batchRunning {
		t.Fatalf("after recovery: %s", s)
	}
	env.emu.Advance(batchRunTime)
	if s := env.showBatch(recovering.ID).State; s != batchSuccess {
		t.Fatalf("retry: %s", s)
	}
	var lg struct{ Log []string }
	env.must("GET", batchPrefix+"/"+recovering.ID+"/log", map[string]string{"index": "1"}, nil, &lg)
	if len(lg.Log) == 0 || !strings.Contains(lg.Log[0], "Running Spark version") || !strings.Contains(lg.Log[1], "attempt 2") {
		t.Fatalf("driver log of the retry = %v", lg.Log)
	}
	if err := env.emu.FailBatch(plain.ID, ""); err == nil {
		t.Error("FailBatch of a finished job succeeded")
	}
}

func TestBatchRunTimeKnob(t *testing.T) {
	env := batchEnv(t)
	if status := env.admin("PUT", "/_emulator/batches/run-time", map[string]any{"seconds": 3600}, nil); status != 200 {
		t.Fatalf("run-time: %d", status)
	}
	j := env.createBatch(minimalBatch(nil))
	env.emu.Advance(batchStartTime + 30*time.Minute)
	if d := env.showBatch(j.ID); d.State != batchRunning || d.Duration < (30*time.Minute).Milliseconds() || d.Duration > (31*time.Minute).Milliseconds() {
		t.Fatalf("long job: %+v", d)
	}
}

func TestListBatches(t *testing.T) {
	env := batchEnv(t)
	env.createQueue("spark_r", 16, "general")
	env.emu.Advance(queueProvisionTime)
	var ids []string
	for i := 0; i < 5; i++ {
		q := "spark_q"
		if i == 4 {
			q = "spark_r"
		}
		ids = append(ids, env.createBatch(minimalBatch(map[string]any{"name": fmt.Sprintf("job_%d", i), "queue": q})).ID)
		env.emu.Advance(time.Second)
	}
	type page struct {
		From     int         `json:"from"`
		Total    int         `json:"total"`
		Sessions []batchView `json:"sessions"`
	}
	var p page
	env.must("GET", batchPrefix, map[string]string{"queue_name": "spark_q", "from": "1", "size": "2"}, nil, &p)
	if p.Total != 4 || p.From != 1 || len(p.Sessions) != 2 || p.Sessions[0].ID != ids[2] || p.Sessions[1].ID != ids[1] {
		t.Fatalf("page = %+v", p)
	}
	if p.Sessions[0].ReqBody == "" {
		t.Error("list items carry no req_body")
	}
	for _, param := range []string{"job_id", "job-id"} {
		env.must("GET", batchPrefix, map[string]string{param: ids[3]}, nil, &p)
		if p.Total != 1 || p.Sessions[0].ID != ids[3] {
			t.Fatalf("%s filter = %+v", param, p)
		}
	}
	env.must("GET", batchPrefix, map[string]string{"cluster_name": "spark_r", "job_name": "job_"}, nil, &p)
	if p.Total != 1 || p.Sessions[0].ID != ids[4] {
		t.Fatalf("cluster_name filter = %+v", p)
	}
	env.must("GET", batchPrefix, map[string]string{"state": "starting", "order": "CREATE_TIME_ASC", "owner": "demo_user"}, nil, &p)
	if p.Total != 5 || p.Sessions[0].ID != ids[0] {
		t.Fatalf("state/order filter = %+v", p)
	}
	env.must("GET", batchPrefix, map[string]string{"state": "success"}, nil, &p)
	if p.Total != 0 || p.Sessions == nil {
		t.Fatalf("empty result = %+v", p)
	}
	env.wantError("GET", batchPrefix, map[string]string{"state": "done"}, nil, http.StatusBadRequest, "DLI.0001")
	env.wantError("GET", batchPrefix, map[string]string{"size": "0"}, nil, http.StatusBadRequest, "DLI.0001")
	env.wantError("GET", batchPrefix, map[string]string{"order": "NAME"}, nil, http.StatusBadRequest, "DLI.0001")
}

func TestBatchesPersist(t *testing.T) {
	file := t.TempDir() + "/state.json"
	env := newEnv(t, Options{StateFile: file})
	env.createQueue("spark_q", 16, "general")
	env.emu.Advance(queueProvisionTime)
	j := env.createBatch(minimalBatch(map[string]any{"args": []string{"a", "b"}}))
	if err := env.emu.Close(); err != nil { // flushes the background writer
		t.Fatal(err)
	}
	again := newEnv(t, Options{StateFile: file})
	var d batchView
	again.must("GET", batchPrefix+"/"+j.ID, nil, nil, &d)
	if !strings.Contains(d.ReqBody, `"args":["a","b"]`) {
		t.Fatalf("reloaded = %+v", d)
	}
}
