package httpapi

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

const flinkSQL = "INSERT INTO sink SELECT id, amount FROM demo_db.orders"

// flinkDetail reads a job's status and status_desc through the SDK's response model
// (is_success is a string there).
func (env *testEnv) flinkDetail(id int64) model.FlinkJob {
	env.t.Helper()
	var out model.ShowFlinkJobResponse
	env.must("GET", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, id), nil, nil, &out)
	if out.IsSuccess == nil || *out.IsSuccess != "true" || out.JobDetail == nil {
		env.t.Fatalf("detail of job %d: %+v", id, out)
	}
	return *out.JobDetail
}

func (env *testEnv) flinkStatus(id int64) string {
	env.t.Helper()
	d := env.flinkDetail(id)
	return *d.Status
}

func (env *testEnv) createFlinkJob(body map[string]any) int64 {
	env.t.Helper()
	var out model.CreateFlinkSqlJobResponse
	env.must("POST", testPrefix+"/streaming/sql-jobs", nil, body, &out)
	if out.IsSuccess == nil || *out.IsSuccess != "true" || out.Job == nil || *out.Job.StatusName != "job_init" {
		env.t.Fatalf("create response %+v", out)
	}
	return *out.Job.JobId
}

// flinkBatch sends a batch run or stop and returns the per-job results (a JSON array).
func (env *testEnv) flinkBatch(action string, body map[string]any) []model.FlinkSuccessResponse {
	env.t.Helper()
	status, data := env.do("POST", testPrefix+"/streaming/jobs/"+action, nil, body)
	var out []model.FlinkSuccessResponse
	if status != 200 || json.Unmarshal(data, &out) != nil {
		env.t.Fatalf("%s: %d %s", action, status, data)
	}
	return out
}

func (env *testEnv) readyGeneralQueue(name string, cu int) {
	env.t.Helper()
	env.createQueue(name, cu, "general")
	env.emu.Advance(queueProvisionTime)
}

func TestFlinkJobRunStopResume(t *testing.T) {
	env := newEnv(t, Options{})
	env.readyGeneralQueue("flinkq", 16)
	id := env.createFlinkJob(map[string]any{
		"name": "job1", "sql_body": flinkSQL, "run_mode": "exclusive_cluster", "queue_name": "flinkq",
		"cu_number": 4, "parallel_number": 2, "checkpoint_enabled": true, "checkpoint_mode": 2,
		"obs_bucket": "bucket", "idle_state_retention": 7200, "tags": []map[string]string{{"key": "k", "value": "v"}},
	})
	d := env.flinkDetail(id)
	cfg := d.JobConfig
	if *d.Status != "job_init" || *d.QueueName != "flinkq" || *d.RunMode != "exclusive_cluster" || d.JobType.Value() != "flink_sql_job" ||
		*cfg.CuNumber != 4 || *cfg.ParallelNumber != 2 || *cfg.ManagerCuNumber != 1 || *cfg.TmCus != 1 || *cfg.TmSlotNum != 1 ||
		cfg.CheckpointMode.Value() != "at_least_once" || *cfg.CheckpointInterval != 10 || *cfg.IdleStateRetention != 7200 ||
		*cfg.DirtyDataStrategy != "0" || *cfg.ResumeMaxNum != -1 || d.StartTime != nil {
		t.Fatalf("detail after create: %+v config %+v", d, cfg)
	}

	res := env.flinkBatch("run", map[string]any{"job_ids": []int64{id}})
	if len(res) != 1 || *res[0].IsSuccess != "true" {
		t.Fatalf("run: %+v", res)
	}
	if got := env.flinkStatus(id); got != "job_submitting" {
		t.Fatalf("status after run = %s", got)
	}
	if res := env.flinkBatch("run", map[string]any{"job_ids": []int64{id}}); *res[0].IsSuccess != "false" || !strings.Contains(*res[0].Message, "job_submitting") {
		t.Fatalf("second run while submitting: %+v", res)
	}
	env.emu.Advance(flinkSubmitTime)
	if got := env.flinkStatus(id); got != "job_running" {
		t.Fatalf("status after submit time = %s", got)
	}

	// Stop with a savepoint (the example's spelling): savepointing, canceling, stopped.
	env.flinkBatch("stop", map[string]any{"job_ids": []int64{id}, "trigger_savepoint": true})
	for _, want := range []string{"job_savepointing", "job_canceling", "job_cancel_success"} {
		if got := env.flinkStatus(id); got != want {
			t.Fatalf("status = %s, want %s", got, want)
		}
		env.emu.Advance(flinkSavepointTime)
	}
	d = env.flinkDetail(id)
	if d.SavepointPath == nil || !strings.HasSuffix(*d.SavepointPath, "/savepoint-1") {
		t.Fatalf("savepoint_path after stop: %v", d.SavepointPath)
	}

	// A stop without a savepoint (the table's spelling) takes none.
	env.flinkBatch("run", map[string]any{"job_ids": []int64{id}, "resume_savepoint": true})
	env.emu.Advance(flinkSubmitTime)
	env.flinkBatch("stop", map[string]any{"job_ids": []int64{id}, "trigger_save_point": false})
	env.emu.Advance(flinkCancelTime)
	if got := env.flinkStatus(id); got != "job_cancel_success" {
		t.Fatalf("status after plain stop = %s", got)
	}
	env.flinkBatch("run", map[string]any{"job_ids": []int64{id}, "resume_savepoint": "false"})

	h, found := env.emu.FlinkJob(id)
	if !found || len(h.Savepoints) != 1 || len(h.Stops) != 2 || len(h.Runs) != 3 {
		t.Fatalf("history: %+v", h)
	}
	if h.Runs[0].ResumedFrom != "" || h.Runs[1].ResumedFrom != h.Savepoints[0].Path || h.Runs[2].ResumedFrom != "" || !h.Runs[1].ResumeSavepoint {
		t.Fatalf("runs: %+v (savepoint %s)", h.Runs, h.Savepoints[0].Path)
	}
	if !h.Stops[0].TriggerSavepoint || h.Stops[0].StatusBefore != "job_running" || h.Stops[1].TriggerSavepoint || h.Stops[1].SavepointPath != "" {
		t.Fatalf("stops: %+v", h.Stops)
	}
	var admin FlinkJobHistory
	if code := env.admin("GET", fmt.Sprintf("/_emulator/flink/%d", id), nil, &admin); code != 200 || len(admin.Runs) != 3 {
		t.Fatalf("admin history: %d %+v", code, admin)
	}
}

func TestFlinkJobUpdateKeepsRunningInstance(t *testing.T) {
	env := newEnv(t, Options{})
	id := env.createFlinkJob(map[string]any{"name": "job1", "sql_body": flinkSQL})
	env.flinkBatch("run", map[string]any{"job_ids": []int64{id}})
	env.emu.Advance(flinkSubmitTime)
	var out map[string]any
	newSQL := flinkSQL + " WHERE amount > 0"
	env.must("PUT", fmt.Sprintf("%s/streaming/sql-jobs/%d", testPrefix, id), nil,
		map[string]any{"sql_body": newSQL, "smn_topic": "alarms", "cu_number": 3}, &out)
	job, _ := out["job"].(map[string]any) // not an object: nil, so update_time is missing
	if out["is_success"] != "true" || job["update_time"] == nil {
		t.Fatalf("update response %v", out)
	}
	d := env.flinkDetail(id)
	if *d.Status != "job_running" || *d.SqlBody != newSQL || *d.JobConfig.SmnTopic != "alarms" || *d.JobConfig.CuNumber != 3 {
		t.Fatalf("after update: %+v", d)
	}
	if h, _ := env.emu.FlinkJob(id); h.Runs[0].SQL != flinkSQL {
		t.Fatalf("the running instance's SQL changed: %q", h.Runs[0].SQL)
	}
	for name, body := range map[string]any{
		"tags":             map[string]any{"tags": []map[string]string{{"key": "a", "value": "b"}}},
		"job_type":         map[string]any{"job_type": "flink_sql_job"},
		"parallel too big": map[string]any{"parallel_number": 9},
		"bad sql":          map[string]any{"sql_body": "select 1"},
	} {
		t.Run(name, func(t *testing.T) {
			status, data := env.do("PUT", fmt.Sprintf("%s/streaming/sql-jobs/%d", testPrefix, id), nil, body)
			if status != 400 {
				t.Fatalf("%d %s", status, data)
			}
		})
	}
}

func TestFlinkJobCreateValidation(t *testing.T) {
	env := newEnv(t, Options{})
	base := func(extra map[string]any) map[string]any {
		b := map[string]any{"name": "j", "sql_body": flinkSQL}
		for k, v := range extra {
			b[k] = v
		}
		return b
	}
	tests := map[string]struct {
		body map[string]any
		code string
		want string
	}{
		"missing name":            {map[string]any{"sql_body": flinkSQL}, "DLI.0001", "name"},
		"name too long":           {base(map[string]any{"name": strings.Repeat("n", 58)}), "DLI.0001", "name"},
		"desc too long":           {base(map[string]any{"desc": strings.Repeat("d", 513)}), "DLI.0001", "desc"},
		"bad run_mode":            {base(map[string]any{"run_mode": "cluster"}), "DLI.0001", "run_mode"},
		"cu_number 1":             {base(map[string]any{"cu_number": 1}), "DLI.0001", "cu_number"},
		"cu_number 401":           {base(map[string]any{"cu_number": 401}), "DLI.0001", "cu_number"},
		"manager not below cu":    {base(map[string]any{"cu_number": 2, "manager_cu_number": 2}), "DLI.0001", "manager_cu_number"},
		"parallel over 4x":        {base(map[string]any{"cu_number": 3, "parallel_number": 9}), "DLI.0001", "parallel_number"},
		"checkpoint without obs":  {base(map[string]any{"checkpoint_enabled": true}), "DLI.0001", "obs_bucket"},
		"log without obs":         {base(map[string]any{"log_enabled": "true"}), "DLI.0001", "obs_bucket"},
		"bad checkpoint_mode":     {base(map[string]any{"checkpoint_mode": 3}), "DLI.0001", "checkpoint_mode"},
		"bad dirty data":          {base(map[string]any{"dirty_data_strategy": "2"}), "DLI.0001", "dirty_data_strategy"},
		"resume_max_num 0":        {base(map[string]any{"resume_max_num": 0}), "DLI.0001", "resume_max_num"},
		"tag without value":       {base(map[string]any{"tags": []map[string]string{{"key": "k"}}}), "DLI.0001", "tags[0].value"},
		"opensource on shared":    {base(map[string]any{"job_type": "flink_opensource_sql_job"}), "DLI.0001", "shared_cluster"},
		"bad flink_version":       {base(map[string]any{"flink_version": "2.0"}), "DLI.0001", "flink_version"},
		"update-only field":       {base(map[string]any{"operator_config": "{}"}), "DLI.0001", "operator_config"},
		"sql without sink":        {base(map[string]any{"sql_body": "SELECT 1"}), "DLI.0004", "sink"},
		"cu_number wrong type":    {base(map[string]any{"cu_number": "2"}), "DLI.0001", "cu_number"},
		"bad boolean":             {base(map[string]any{"log_enabled": "yes"}), "DLI.0001", "log_enabled"},
		"idle_state_retention 0":  {base(map[string]any{"idle_state_retention": 0}), "DLI.0001", "idle_state_retention"},
		"misspelled idle state 0": {base(map[string]any{"idle_state_retenion": 0}), "DLI.0001", "idle_state_retenion"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			e := env.wantError("POST", testPrefix+"/streaming/sql-jobs", nil, tc.body, 400, tc.code)
			if !strings.Contains(e.Msg, tc.want) {
				t.Errorf("message %q does not mention %q", e.Msg, tc.want)
			}
		})
	}
	// The misspelled create field is accepted, and the string checkpoint modes too.
	id := env.createFlinkJob(base(map[string]any{"idle_state_retenion": 60, "checkpoint_mode": "at_least_once"}))
	if d := env.flinkDetail(id); *d.JobConfig.IdleStateRetention != 60 || d.JobConfig.CheckpointMode.Value() != "at_least_once" {
		t.Fatalf("detail: %+v", d.JobConfig)
	}
}

func TestFlinkJobRunRefusals(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("sqlq", 16, "sql")
	env.createQueue("newq", 16, "general") // still provisioning
	exclusive := func(queue string, cu int) int64 {
		body := map[string]any{"name": "j" + queue, "sql_body": flinkSQL, "run_mode": "exclusive_cluster", "cu_number": cu}
		if queue != "" {
			body["queue_name"] = queue
		}
		return env.createFlinkJob(body)
	}
	tests := map[string]struct {
		id   int64
		want string
	}{
		"no queue":      {exclusive("", 2), "needs a queue"},
		"missing queue": {exclusive("nosuchq", 2), "there is no queue named nosuchq"},
		"unknown job":   {999999, "does not exist"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			res := env.flinkBatch("run", map[string]any{"job_ids": []int64{tc.id}})
			if len(res) != 1 || *res[0].IsSuccess != "false" || !strings.Contains(*res[0].Message, tc.want) {
				t.Fatalf("run: %+v", res)
			}
		})
	}
	env.emu.Advance(queueProvisionTime)
	sqlJob, bigJob, okJob := exclusive("sqlq", 2), exclusive("newq", 32), exclusive("newq", 16)
	res := env.flinkBatch("run", map[string]any{"job_ids": []int64{sqlJob, bigJob, okJob}})
	if *res[0].IsSuccess != "false" || !strings.Contains(*res[0].Message, "general-purpose") ||
		*res[1].IsSuccess != "false" || !strings.Contains(*res[1].Message, "exceeds the 16 CUs") || *res[2].IsSuccess != "true" {
		t.Fatalf("run results in request order: %+v", res)
	}
	// Stopping a job that does not run is refused; job_ids is required.
	if res := env.flinkBatch("stop", map[string]any{"job_ids": []int64{sqlJob}}); *res[0].IsSuccess != "false" {
		t.Fatalf("stop of a job_init job: %+v", res)
	}
	env.wantError("POST", testPrefix+"/streaming/jobs/run", nil, map[string]any{"job_ids": []int64{}}, 400, "DLI.0001")
	env.wantError("POST", testPrefix+"/streaming/jobs/stop", nil, map[string]any{"resume_savepoint": true}, 400, "DLI.0001")
}

func TestFlinkJobForcedFailures(t *testing.T) {
	env := newEnv(t, Options{})
	// Armed by name before the job exists: its first run fails to submit.
	if err := env.emu.FailNextFlinkRun(FlinkFailure{JobName: "doomed", Reason: "no resources"}); err != nil {
		t.Fatal(err)
	}
	id := env.createFlinkJob(map[string]any{"name": "doomed", "sql_body": flinkSQL})
	env.flinkBatch("run", map[string]any{"job_ids": []int64{id}})
	env.emu.Advance(flinkSubmitTime)
	if d := env.flinkDetail(id); *d.Status != "job_submit_fail" || *d.StatusDesc != "no resources" {
		t.Fatalf("after a forced submit failure: %s %s", *d.Status, *d.StatusDesc)
	}
	// The failure is used up: the next run works.
	env.flinkBatch("run", map[string]any{"job_ids": []int64{id}})
	env.emu.Advance(flinkSubmitTime)
	if got := env.flinkStatus(id); got != "job_running" {
		t.Fatalf("rerun: %s", got)
	}
	// Admin endpoints: a stop failure, then a crash of the running job.
	if code := env.admin("POST", "/_emulator/flink/fail-next", map[string]any{"job_id": id, "phase": "stop", "reason": "savepoint failed"}, nil); code != 200 {
		t.Fatalf("fail-next: %d", code)
	}
	env.flinkBatch("stop", map[string]any{"job_ids": []int64{id}, "trigger_savepoint": true})
	env.emu.Advance(flinkSavepointTime + flinkCancelTime)
	if d := env.flinkDetail(id); *d.Status != "job_cancel_fail" || *d.StatusDesc != "savepoint failed" || d.SavepointPath != nil {
		t.Fatalf("after a forced stop failure: %+v", d)
	}
	env.flinkBatch("run", map[string]any{"job_ids": []int64{id}})
	env.emu.Advance(flinkSubmitTime)
	if code := env.admin("POST", fmt.Sprintf("/_emulator/flink/%d/crash", id), map[string]any{"reason": "OOM"}, nil); code != 200 {
		t.Fatalf("crash: %d", code)
	}
	if d := env.flinkDetail(id); *d.Status != "job_running_exception" || *d.StatusDesc != "OOM" {
		t.Fatalf("after a crash: %s", *d.Status)
	}
	if err := env.emu.FailNextFlinkRun(FlinkFailure{JobID: id, Phase: FlinkFailRunning, Reason: "bad udf"}); err != nil {
		t.Fatal(err)
	}
	env.flinkBatch("run", map[string]any{"job_ids": []int64{id}})
	env.emu.Advance(flinkSubmitTime)
	if d := env.flinkDetail(id); *d.Status != "job_running_exception" || *d.StatusDesc != "bad udf" {
		t.Fatalf("after a forced running failure: %s", *d.Status)
	}
	if err := env.emu.FailNextFlinkRun(FlinkFailure{JobID: id, Phase: "later"}); err == nil {
		t.Fatal("an unknown phase was accepted")
	}
	if code := env.admin("POST", "/_emulator/flink/999/crash", nil, nil); code != 400 {
		t.Fatalf("crash of an unknown job: %d", code)
	}
}

func TestFlinkJobListAndDelete(t *testing.T) {
	env := newEnv(t, Options{})
	a := env.createFlinkJob(map[string]any{"name": "a", "sql_body": flinkSQL})
	b := env.createFlinkJob(map[string]any{"name": "b", "sql_body": flinkSQL, "tags": []map[string]string{{"key": "team", "value": "x"}}})
	c := env.createFlinkJob(map[string]any{"name": "c", "sql_body": flinkSQL})
	env.flinkBatch("run", map[string]any{"job_ids": []int64{c}})
	env.emu.Advance(flinkSubmitTime)

	var list model.ListFlinkJobsResponse
	env.must("GET", testPrefix+"/streaming/jobs", map[string]string{"order": "asc", "limit": "2"}, nil, &list)
	if *list.JobList.TotalCount != 3 || len(*list.JobList.Jobs) != 2 || (*list.JobList.Jobs)[0].JobId != a {
		t.Fatalf("page: %+v", list.JobList)
	}
	for q, want := range map[string]int64{"name=b": b, "status=job_running": c, "tags=team=x": b} {
		k, v, _ := strings.Cut(q, "=")
		env.must("GET", testPrefix+"/streaming/jobs", map[string]string{k: v, "show_detail": "true"}, nil, &list)
		if jobs := *list.JobList.Jobs; len(jobs) != 1 || jobs[0].JobId != want {
			t.Fatalf("filter %s: %+v", q, jobs)
		}
	}
	env.wantError("GET", testPrefix+"/streaming/jobs", map[string]string{"limit": "101"}, nil, 400, "DLI.0001")

	// Deleting a running job is allowed; the record keeps the unsaved stop.
	var del map[string]any
	env.must("DELETE", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, c), nil, nil, &del)
	if del["is_success"] != "true" {
		t.Fatalf("delete: %v", del)
	}
	env.wantError("GET", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, c), nil, nil, 400, "DLI.16001")
	env.wantError("DELETE", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, c), nil, nil, 400, "DLI.16001")
	if h, _ := env.emu.FlinkJob(c); !h.Deleted || len(h.Stops) != 1 || h.Stops[0].TriggerSavepoint {
		t.Fatalf("history of the deleted job: %+v", h)
	}
	// Batch delete answers one object and deletes all or nothing.
	env.wantError("POST", testPrefix+"/streaming/jobs/delete", nil, map[string]any{"job_ids": []int64{a, c}}, 400, "DLI.16001")
	// One element per job: the SDK's BatchDeleteFlinkJobsResponse decodes an array.
	var dels []model.FlinkSuccessResponse
	env.must("POST", testPrefix+"/streaming/jobs/delete", nil, map[string]any{"job_ids": []int64{a, b}}, &dels)
	if len(dels) != 2 || *dels[0].IsSuccess != "true" || *dels[1].IsSuccess != "true" {
		t.Fatalf("batch delete: %+v", dels)
	}
	env.must("GET", testPrefix+"/streaming/jobs", nil, nil, &list)
	if *list.JobList.TotalCount != 0 {
		t.Fatalf("jobs left: %+v", list.JobList)
	}
}
