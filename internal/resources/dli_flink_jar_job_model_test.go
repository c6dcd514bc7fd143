package resources

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// jarTestModel is a Jar job as the state holds it after create with the defaults.
func jarTestModel() dliFlinkJarJobModel {
	return dliFlinkJarJobModel{
		Name: types.StringValue("job"), Description: types.StringValue(""), QueueName: types.StringValue("q"),
		Entrypoint: types.StringValue("g/a.jar"), MainClass: types.StringNull(), EntrypointArgs: types.StringNull(),
		DependencyJars:  types.ListValueMust(types.StringType, []attr.Value{types.StringValue("g/dep.jar")}),
		DependencyFiles: types.ListNull(types.StringType), CUNumber: types.Int32Value(2), ManagerCUNumber: types.Int32Value(1),
		ParallelNumber: types.Int32Value(1), TmCUs: types.Int32Value(1), TmSlotNum: types.Int32Value(1),
		CheckpointEnabled: types.BoolValue(false), CheckpointMode: types.StringValue("exactly_once"), CheckpointInterval: types.Int32Value(10),
		CheckpointPath: types.StringNull(), ObsBucket: types.StringNull(), LogEnabled: types.BoolValue(false), SmnTopic: types.StringNull(),
		RestartWhenException: types.BoolValue(false), ResumeCheckpoint: types.BoolValue(false), ResumeMaxNum: types.Int32Value(-1),
		Feature: types.StringNull(), Image: types.StringNull(), FlinkVersion: types.StringValue("1.15"),
		RuntimeConfig: types.MapNull(types.StringType), FlinkLogConfig: types.StringNull(), ExecutionAgencyURN: types.StringNull(),
	}
}

// TestFlinkJarJobUpdateBody: the §9.5 body carries exactly the changed fields, and names the
// ones that restart a running job.
func TestFlinkJarJobUpdateBody(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		change      func(m *dliFlinkJarJobModel)
		wantBody    string
		wantRestart []string
	}{
		"nothing":      {change: func(*dliFlinkJarJobModel) {}, wantBody: `{}`},
		"in place":     {change: func(m *dliFlinkJarJobModel) { m.Name, m.SmnTopic = types.StringValue("n2"), types.StringValue("t") }, wantBody: `{"name":"n2","smn_topic":"t"}`},
		"args restart": {change: func(m *dliFlinkJarJobModel) { m.EntrypointArgs = types.StringValue("-x 1") }, wantBody: `{"entrypoint_args":"-x 1"}`, wantRestart: []string{"entrypoint_args"}},
		"removed list": {change: func(m *dliFlinkJarJobModel) { m.DependencyJars = types.ListNull(types.StringType) }, wantBody: `{"dependency_jars":[]}`, wantRestart: []string{"dependency_jars"}},
		"unknown element": {change: func(m *dliFlinkJarJobModel) {
			m.DependencyJars = types.ListValueMust(types.StringType, []attr.Value{types.StringUnknown()})
		}, wantBody: `{}`},
		"removed feature": {change: func(m *dliFlinkJarJobModel) { m.FlinkVersion = types.StringValue("1.17") }, wantBody: `{"flink_version":"1.17"}`, wantRestart: []string{"flink_version"}},
		"cu and log level": {change: func(m *dliFlinkJarJobModel) {
			m.CUNumber, m.FlinkLogConfig = types.Int32Value(4), types.StringValue(`{}`)
		}, wantBody: `{"cu_number":4,"flink_log_config":"{}"}`, wantRestart: []string{"cu_number", "flink_log_config"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			state, plan := jarTestModel(), jarTestModel()
			tc.change(&plan)
			var diags diag.Diagnostics
			u := plan.updateBody(context.Background(), &state, &diags)
			if diags.HasError() {
				t.Fatal(diags)
			}
			got, _ := json.Marshal(u.body)
			restart, _ := json.Marshal(u.restartedBy)
			want, _ := json.Marshal(tc.wantRestart)
			if string(got) != tc.wantBody || string(restart) != string(want) || u.restart != (len(tc.wantRestart) > 0) {
				t.Errorf("body %s restarted by %s, want %s restarted by %s", got, restart, tc.wantBody, want)
			}
		})
	}
}
