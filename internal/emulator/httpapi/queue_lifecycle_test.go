package httpapi

import (
	"fmt"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// §6.1: "新队列第一次运行作业时，需要一定的时间，通常为5~15分钟" (the first job on a new
// queue takes a while, usually 5–15 minutes) — it is accepted, not refused — and §6.4:
// cuCount is the current CU count. The emulator provisions for queueProvisionTime.
func TestNewQueueAcceptsWorkThatStartsAfterProvisioning(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("fresh_sql", 16, "sql")
	env.createQueue("fresh_gen", 16, "general")
	if cu := showCU(t, env, "fresh_gen"); cu != 16 {
		t.Fatalf("cuCount of a new queue %d, want 16", cu)
	}

	// SQL job: accepted, LAUNCHING until provisioning ends, then runs its usual time.
	var sub model.CreateSqlJobResponse
	env.must("POST", testPrefix+"/jobs/submit-job", nil, map[string]any{"sql": "SELECT 1", "queue_name": "fresh_sql"}, &sub)
	sqlStatus := func() string {
		var st model.ShowSqlJobStatusResponse
		env.must("GET", testPrefix+"/jobs/"+*sub.JobId+"/status", nil, nil, &st)
		return st.Status.Value()
	}
	// Spark batch: accepted, starting until provisioning ends + 30 s.
	b := env.createBatch(minimalBatch(map[string]any{"queue": "fresh_gen"}))
	// Flink run: accepted, submitting until provisioning ends + 60 s.
	fj := env.createFlinkJob(map[string]any{"name": "fresh", "sql_body": flinkSQL, "run_mode": "exclusive_cluster", "queue_name": "fresh_gen", "cu_number": 2})
	if res := env.flinkBatch("run", map[string]any{"job_ids": []int64{fj}}); *res[0].IsSuccess != "true" {
		t.Fatalf("run on a new queue: %+v", res)
	}
	// Connection bind: accepted, CREATING until provisioning ends + 120 s.
	conn := env.createConn(connBody("fresh_conn", "fresh_gen"))

	env.emu.Advance(queueProvisionTime - time.Second)
	if s := sqlStatus(); s != "LAUNCHING" {
		t.Errorf("SQL job before provisioning ends: %s", s)
	}
	if s := env.showBatch(b.ID).State; s != batchStarting {
		t.Errorf("batch before provisioning ends: %s", s)
	}
	if s := env.flinkStatus(fj); s != flinkSubmitting {
		t.Errorf("Flink job before provisioning ends: %s", s)
	}
	if s := queueStatuses(env.showConn(conn))["fresh_gen"]; s != "CREATING" {
		t.Errorf("binding before provisioning ends: %s", s)
	}

	env.emu.Advance(time.Second + sqlJobLaunchTime)
	if s := sqlStatus(); s != "RUNNING" {
		t.Errorf("SQL job after provisioning: %s", s)
	}
	env.emu.Advance(sqlJobQueryRunTime)
	if s := sqlStatus(); s != "FINISHED" {
		t.Errorf("SQL job after its run time: %s", s)
	}
	env.emu.Advance(batchStartTime)
	if s := env.showBatch(b.ID).State; s != batchRunning {
		t.Errorf("batch after provisioning + start: %s", s)
	}
	env.emu.Advance(flinkSubmitTime)
	if s := env.flinkStatus(fj); s != flinkRunning {
		t.Errorf("Flink job after provisioning + submit: %s", s)
	}
	env.emu.Advance(connectionActivateTime)
	if s := queueStatuses(env.showConn(conn))["fresh_gen"]; s != "ACTIVE" {
		t.Errorf("binding after provisioning + activation: %s", s)
	}
}

// §6.5 states no precondition for scaling, so a new queue accepts a scale; its cuCount
// stays the created CUs and moves to the target once provisioning has ended, 16 CUs per
// queueScaleStepTime — "scale, then wait until cuCount == target" terminates.
func TestScaleJustCreatedQueue(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("grow", 16, "general")
	env.must("PUT", testPrefix+"/queues/grow/action", nil, map[string]any{"action": "scale_out", "cu_count": 32}, nil)
	if cu := showCU(t, env, "grow"); cu != 16 {
		t.Fatalf("cuCount right after the scale %d, want 16", cu)
	}
	// Scaling is in progress: a second scale is refused until it completes.
	env.wantError("PUT", testPrefix+"/queues/grow/action", nil, map[string]any{"action": "scale_out", "cu_count": 16}, 400, "DLI.0012")
	env.emu.Advance(queueProvisionTime + queueScaleStepTime)
	if cu := showCU(t, env, "grow"); cu != 32 {
		t.Fatalf("cuCount one step after provisioning %d, want 32", cu)
	}
	env.emu.Advance(queueScaleStepTime)
	if cu := showCU(t, env, "grow"); cu != 48 {
		t.Fatalf("cuCount at the end %d, want 48", cu)
	}
	env.must("PUT", testPrefix+"/queues/grow/action", nil, map[string]any{"action": "scale_in", "cu_count": 32}, nil)
	// §6.5 restart needs an available queue: a new SQL queue is refused, a provisioned one not.
	env.createQueue("restart_me", 16, "sql")
	env.wantError("PUT", testPrefix+"/queues/restart_me/action", nil, map[string]any{"action": "restart"}, 400, "DLI.0012")
	env.emu.Advance(queueProvisionTime)
	env.must("PUT", testPrefix+"/queues/restart_me/action", nil, map[string]any{"action": "restart"}, nil)
}

// The incumbent sends "tm_slot_num": 0 whenever it is unset; §9.2 gives no minimum and
// derives the default (parallel_number*tm_cus)/(cu_number-manager_cu_number).
func TestFlinkTmSlotNumZeroIsDerived(t *testing.T) {
	env := newEnv(t, Options{})
	id := env.createFlinkJob(map[string]any{"name": "slots", "sql_body": flinkSQL, "tm_slot_num": 0,
		"cu_number": 5, "manager_cu_number": 1, "parallel_number": 8, "tm_cus": 1})
	if d := env.flinkDetail(id); *d.JobConfig.TmSlotNum != 2 {
		t.Fatalf("tm_slot_num %d, want the derived 8*1/(5-1) = 2", *d.JobConfig.TmSlotNum)
	}
	env.must("PUT", fmt.Sprintf("%s/streaming/sql-jobs/%d", testPrefix, id), nil, map[string]any{"tm_slot_num": 3}, nil)
	if d := env.flinkDetail(id); *d.JobConfig.TmSlotNum != 3 {
		t.Fatalf("tm_slot_num after update %d, want 3", *d.JobConfig.TmSlotNum)
	}
	env.must("PUT", fmt.Sprintf("%s/streaming/sql-jobs/%d", testPrefix, id), nil, map[string]any{"tm_slot_num": 0}, nil)
	if d := env.flinkDetail(id); *d.JobConfig.TmSlotNum != 2 {
		t.Fatalf("tm_slot_num after update to 0 %d, want derived 2", *d.JobConfig.TmSlotNum)
	}
	env.wantError("POST", testPrefix+"/streaming/sql-jobs", nil, map[string]any{"name": "neg", "sql_body": flinkSQL, "tm_slot_num": -1}, 400, "DLI.0001")
}

// A deleted Flink job answers 400 DLI.16001: the code the incumbent provider maps to
// "gone" (parseDliFlinkErrToError404); §9.11 keeps the record, the seed lists no code.
func TestDeletedFlinkJobIsDLI16001(t *testing.T) {
	env := newEnv(t, Options{})
	id := env.createFlinkJob(map[string]any{"name": "gone", "sql_body": flinkSQL})
	env.must("DELETE", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, id), nil, nil, nil)
	e := env.wantError("GET", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, id), nil, nil, 400, "DLI.16001")
	if e.Msg != fmt.Sprintf("The job %d does not exist.", id) {
		t.Fatalf("message %q", e.Msg)
	}
	env.wantError("GET", testPrefix+"/streaming/jobs/424242", nil, nil, 400, "DLI.16001")
}

// §7.3.8 marks database_name and table_name required. The incumbent submits DESC and
// SELECT with currentdb and expects database_name to be that database.
func TestSQLJobDetailDatabaseFromCurrentDB(t *testing.T) {
	env := newEnv(t, Options{})
	env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "fid_db"}, nil)
	env.must("POST", testPrefix+"/databases/fid_db/tables", nil, catalogTableBody("t_src"), nil)
	for _, tc := range []struct{ sql, db, table string }{
		{"DESC t_src", "fid_db", "t_src"},
		{"DESCRIBE EXTENDED t_src", "fid_db", "t_src"},
		{"SELECT * FROM t_src", "fid_db", "t_src"},
		{"select id from other_db.t2 where id > 1", "other_db", "t2"},
		{"INSERT INTO t_src SELECT 1", "fid_db", "t_src"},
		{"SELECT 1", "fid_db", ""},
	} {
		var sub model.CreateSqlJobResponse
		env.must("POST", testPrefix+"/jobs/submit-job", nil, map[string]any{"sql": tc.sql, "currentdb": "fid_db"}, &sub)
		var d model.ShowSqlJobDetailResponse
		env.must("GET", testPrefix+"/jobs/"+*sub.JobId+"/detail", nil, nil, &d)
		if *d.DatabaseName != tc.db || *d.TableName != tc.table {
			t.Errorf("%s: database_name %q table_name %q, want %q %q", tc.sql, *d.DatabaseName, *d.TableName, tc.db, tc.table)
		}
	}
}
