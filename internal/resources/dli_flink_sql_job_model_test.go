package resources

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// flinkTestModel is a job as the state holds it after create with the defaults.
func flinkTestModel() dliFlinkSQLJobModel {
	return dliFlinkSQLJobModel{
		Name: types.StringValue("job"), Description: types.StringValue(""), SQL: types.StringValue("INSERT INTO t SELECT 1"),
		Type: types.StringValue("flink_sql_job"), RunMode: types.StringValue("shared_cluster"), QueueName: types.StringNull(),
		CUNumber: types.Int32Value(2), ManagerCUNumber: types.Int32Value(1), ParallelNumber: types.Int32Value(1),
		TmCUs: types.Int32Value(1), TmSlotNum: types.Int32Value(1), CheckpointEnabled: types.BoolValue(false),
		CheckpointMode: types.StringValue("exactly_once"), CheckpointInterval: types.Int32Value(10), ObsBucket: types.StringNull(),
		LogEnabled: types.BoolValue(false), SmnTopic: types.StringNull(), RestartWhenException: types.BoolValue(false),
		IdleStateRetention: types.Int32Value(3600), DirtyDataStrategy: types.StringValue("0"), UdfJarURL: types.StringNull(),
		ResumeCheckpoint: types.BoolValue(false), ResumeMaxNum: types.Int32Value(-1), RuntimeConfig: types.MapNull(types.StringType),
		FlinkVersion: types.StringValue("1.12"),
	}
}

// TestFlinkSQLJobUpdateBody: the update body carries exactly the changed fields, and says
// whether a running job must restart for them.
func TestFlinkSQLJobUpdateBody(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		prior       func(m *dliFlinkSQLJobModel) // changes the state (nil: none)
		change      func(m *dliFlinkSQLJobModel) // changes the plan
		wantBody    string
		wantRestart bool
	}{
		"nothing": {change: func(*dliFlinkSQLJobModel) {}, wantBody: `{}`},
		"in-place fields": {change: func(m *dliFlinkSQLJobModel) {
			m.Name, m.SmnTopic, m.ResumeMaxNum = types.StringValue("n2"), types.StringValue("alarms"), types.Int32Value(5)
		}, wantBody: `{"name":"n2","smn_topic":"alarms","resume_max_num":5}`},
		"sql restarts":    {change: func(m *dliFlinkSQLJobModel) { m.SQL = types.StringValue("INSERT INTO t SELECT 2") }, wantBody: `{"sql_body":"INSERT INTO t SELECT 2"}`, wantRestart: true},
		"checkpoint mode": {change: func(m *dliFlinkSQLJobModel) { m.CheckpointMode = types.StringValue("at_least_once") }, wantBody: `{"checkpoint_mode":2}`, wantRestart: true},
		"derived slots unknown": {change: func(m *dliFlinkSQLJobModel) {
			m.ParallelNumber, m.TmSlotNum = types.Int32Value(4), types.Int32Unknown()
		}, wantBody: `{"parallel_number":4}`, wantRestart: true},
		"runtime config added": {change: func(m *dliFlinkSQLJobModel) {
			m.RuntimeConfig = types.MapValueMust(types.StringType, map[string]attr.Value{"b": types.StringValue("2"), "a": types.StringValue("1")})
		}, wantBody: `{"runtime_config":"[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"b\",\"value\":\"2\"}]"}`, wantRestart: true},
		"runtime config empty is none": {change: func(m *dliFlinkSQLJobModel) {
			m.RuntimeConfig = types.MapValueMust(types.StringType, map[string]attr.Value{})
		}, wantBody: `{}`},
		"smn topic removed": {prior: func(m *dliFlinkSQLJobModel) { m.SmnTopic = types.StringValue("alarms") }, change: func(*dliFlinkSQLJobModel) {}, wantBody: `{"smn_topic":""}`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			state, plan := flinkTestModel(), flinkTestModel()
			if tc.prior != nil {
				tc.prior(&state)
			}
			tc.change(&plan)
			var diags diag.Diagnostics
			u := plan.updateBody(context.Background(), state, &diags)
			if diags.HasError() {
				t.Fatal(diags)
			}
			got, _ := json.Marshal(u.body)
			if string(got) != tc.wantBody || u.restart != tc.wantRestart || u.changed != (tc.wantBody != `{}`) {
				t.Errorf("body %s restart %v changed %v, want %s restart %v", got, u.restart, u.changed, tc.wantBody, tc.wantRestart)
			}
		})
	}
}
