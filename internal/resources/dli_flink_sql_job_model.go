package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// dliFlinkSQLJobModel is the Terraform state of huaweidata_dli_flink_sql_job.
type dliFlinkSQLJobModel struct {
	flinkJobRun
	Name                 types.String `tfsdk:"name"`
	Description          types.String `tfsdk:"description"`
	SQL                  types.String `tfsdk:"sql"`
	Type                 types.String `tfsdk:"type"`
	RunMode              types.String `tfsdk:"run_mode"`
	QueueName            types.String `tfsdk:"queue_name"`
	CUNumber             types.Int32  `tfsdk:"cu_number"`
	ManagerCUNumber      types.Int32  `tfsdk:"manager_cu_number"`
	ParallelNumber       types.Int32  `tfsdk:"parallel_number"`
	TmCUs                types.Int32  `tfsdk:"tm_cus"`
	TmSlotNum            types.Int32  `tfsdk:"tm_slot_num"`
	CheckpointEnabled    types.Bool   `tfsdk:"checkpoint_enabled"`
	CheckpointMode       types.String `tfsdk:"checkpoint_mode"`
	CheckpointInterval   types.Int32  `tfsdk:"checkpoint_interval"`
	ObsBucket            types.String `tfsdk:"obs_bucket"`
	LogEnabled           types.Bool   `tfsdk:"log_enabled"`
	SmnTopic             types.String `tfsdk:"smn_topic"`
	RestartWhenException types.Bool   `tfsdk:"restart_when_exception"`
	IdleStateRetention   types.Int32  `tfsdk:"idle_state_retention"`
	DirtyDataStrategy    types.String `tfsdk:"dirty_data_strategy"`
	UdfJarURL            types.String `tfsdk:"udf_jar_url"`
	ResumeCheckpoint     types.Bool   `tfsdk:"resume_checkpoint"`
	ResumeMaxNum         types.Int32  `tfsdk:"resume_max_num"`
	RuntimeConfig        types.Map    `tfsdk:"runtime_config"`
	FlinkVersion         types.String `tfsdk:"flink_version"`
	Tags                 types.Map    `tfsdk:"tags"`
}

// createBody maps the plan to the §9.2 request body.
func (m dliFlinkSQLJobModel) createBody(ctx context.Context, diags *diag.Diagnostics) *model.CreateFlinkSqlJobRequestBody {
	b := &model.CreateFlinkSqlJobRequestBody{
		Name: m.Name.ValueString(), Desc: flex.StringPointer(m.Description), QueueName: flex.StringPointer(m.QueueName),
		SqlBody: flex.StringPointer(m.SQL), RunMode: flex.StringPointer(m.RunMode), JobType: flex.StringPointer(m.Type),
		CuNumber: flex.Int32Pointer(m.CUNumber), ManagerCuNumber: flex.Int32Pointer(m.ManagerCUNumber),
		ParallelNumber: flex.Int32Pointer(m.ParallelNumber), TmCus: flex.Int32Pointer(m.TmCUs), TmSlotNum: flex.Int32Pointer(m.TmSlotNum),
		CheckpointEnabled: flex.BoolPointer(m.CheckpointEnabled), CheckpointMode: checkpointModeNumber(m.CheckpointMode),
		CheckpointInterval: flex.Int32Pointer(m.CheckpointInterval), ObsBucket: flex.StringPointer(m.ObsBucket),
		LogEnabled: flex.BoolPointer(m.LogEnabled), SmnTopic: flex.StringPointer(m.SmnTopic),
		RestartWhenException: flex.BoolPointer(m.RestartWhenException), IdleStateRetention: flex.Int32Pointer(m.IdleStateRetention),
		DirtyDataStrategy: flex.StringPointer(m.DirtyDataStrategy), UdfJarUrl: flex.StringPointer(m.UdfJarURL),
		ResumeCheckpoint: flex.BoolPointer(m.ResumeCheckpoint), ResumeMaxNum: flex.Int32Pointer(m.ResumeMaxNum),
		FlinkVersion: flex.StringPointer(m.FlinkVersion), Tags: flex.TagsPointer(ctx, m.Tags, diags),
	}
	if rc := runtimeConfigJSON(ctx, m.RuntimeConfig, diags); rc != "" {
		b.RuntimeConfig = &rc
	}
	return b
}

// updateBody compares the plan (m) with the state field by field and returns the update
// that carries the changed fields.
func (m dliFlinkSQLJobModel) updateBody(ctx context.Context, state dliFlinkSQLJobModel, diags *diag.Diagnostics) flinkUpdate[model.UpdateFlinkSqlJobRequestBody] {
	var u flinkUpdate[model.UpdateFlinkSqlJobRequestBody]
	b := &u.body
	setIfChanged(&u.flinkChange, "name", &b.Name, m.Name, state.Name, flinkInPlace, flex.StringPointer)
	setIfChanged(&u.flinkChange, "description", &b.Desc, m.Description, state.Description, flinkInPlace, stringOrEmpty)
	setIfChanged(&u.flinkChange, "smn_topic", &b.SmnTopic, m.SmnTopic, state.SmnTopic, flinkInPlace, stringOrEmpty)
	setIfChanged(&u.flinkChange, "restart_when_exception", &b.RestartWhenException, m.RestartWhenException, state.RestartWhenException, flinkInPlace, flex.BoolPointer)
	setIfChanged(&u.flinkChange, "resume_checkpoint", &b.ResumeCheckpoint, m.ResumeCheckpoint, state.ResumeCheckpoint, flinkInPlace, flex.BoolPointer)
	setIfChanged(&u.flinkChange, "resume_max_num", &b.ResumeMaxNum, m.ResumeMaxNum, state.ResumeMaxNum, flinkInPlace, flex.Int32Pointer)

	setIfChanged(&u.flinkChange, "queue_name", &b.QueueName, m.QueueName, state.QueueName, flinkRestarts, stringOrEmpty)
	setIfChanged(&u.flinkChange, "sql", &b.SqlBody, m.SQL, state.SQL, flinkRestarts, stringOrEmpty)
	setIfChanged(&u.flinkChange, "run_mode", &b.RunMode, m.RunMode, state.RunMode, flinkRestarts, flex.StringPointer)
	setIfChanged(&u.flinkChange, "cu_number", &b.CuNumber, m.CUNumber, state.CUNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u.flinkChange, "manager_cu_number", &b.ManagerCuNumber, m.ManagerCUNumber, state.ManagerCUNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u.flinkChange, "parallel_number", &b.ParallelNumber, m.ParallelNumber, state.ParallelNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u.flinkChange, "tm_cus", &b.TmCus, m.TmCUs, state.TmCUs, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u.flinkChange, "tm_slot_num", &b.TmSlotNum, m.TmSlotNum, state.TmSlotNum, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u.flinkChange, "checkpoint_enabled", &b.CheckpointEnabled, m.CheckpointEnabled, state.CheckpointEnabled, flinkRestarts, flex.BoolPointer)
	setIfChanged(&u.flinkChange, "checkpoint_mode", &b.CheckpointMode, m.CheckpointMode, state.CheckpointMode, flinkRestarts, checkpointModeNumber)
	setIfChanged(&u.flinkChange, "checkpoint_interval", &b.CheckpointInterval, m.CheckpointInterval, state.CheckpointInterval, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u.flinkChange, "obs_bucket", &b.ObsBucket, m.ObsBucket, state.ObsBucket, flinkRestarts, stringOrEmpty)
	setIfChanged(&u.flinkChange, "log_enabled", &b.LogEnabled, m.LogEnabled, state.LogEnabled, flinkRestarts, flex.BoolPointer)
	setIfChanged(&u.flinkChange, "idle_state_retention", &b.IdleStateRetention, m.IdleStateRetention, state.IdleStateRetention, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u.flinkChange, "dirty_data_strategy", &b.DirtyDataStrategy, m.DirtyDataStrategy, state.DirtyDataStrategy, flinkRestarts, flex.StringPointer)
	setIfChanged(&u.flinkChange, "udf_jar_url", &b.UdfJarUrl, m.UdfJarURL, state.UdfJarURL, flinkRestarts, stringOrEmpty)
	setIfChanged(&u.flinkChange, "flink_version", &b.FlinkVersion, m.FlinkVersion, state.FlinkVersion, flinkRestarts, flex.StringPointer)
	setRuntimeConfigIfChanged(ctx, &u.flinkChange, &b.RuntimeConfig, m.RuntimeConfig, state.RuntimeConfig, diags)
	return u
}

// settings points at the arguments every Flink job has.
func (m *dliFlinkSQLJobModel) settings() flinkSettings {
	return flinkSettings{
		Name: &m.Name, Description: &m.Description, QueueName: &m.QueueName, ObsBucket: &m.ObsBucket, SmnTopic: &m.SmnTopic,
		CheckpointMode: &m.CheckpointMode, FlinkVersion: &m.FlinkVersion, CUNumber: &m.CUNumber, ManagerCUNumber: &m.ManagerCUNumber,
		ParallelNumber: &m.ParallelNumber, TmCUs: &m.TmCUs, TmSlotNum: &m.TmSlotNum, CheckpointInterval: &m.CheckpointInterval,
		ResumeMaxNum: &m.ResumeMaxNum, CheckpointEnabled: &m.CheckpointEnabled, LogEnabled: &m.LogEnabled,
		RestartWhenException: &m.RestartWhenException, ResumeCheckpoint: &m.ResumeCheckpoint, RuntimeConfig: &m.RuntimeConfig, Tags: &m.Tags,
	}
}

func (m *dliFlinkSQLJobModel) jobName() string { return m.Name.ValueString() }

// settingsFromAPI copies the job detail's configuration into m.
func (m *dliFlinkSQLJobModel) settingsFromAPI(j *model.FlinkJob) {
	cfg := m.settings().fromAPI(j)
	m.SQL = types.StringValue(ptr.Deref(j.SqlBody))
	if j.JobType != nil {
		m.Type = types.StringValue(j.JobType.Value())
	}
	m.RunMode = types.StringValue(ptr.Deref(j.RunMode))
	m.IdleStateRetention = flex.Int32Value(cfg.IdleStateRetention)
	m.DirtyDataStrategy = types.StringValue(ptr.Deref(cfg.DirtyDataStrategy))
	if m.DirtyDataStrategy.ValueString() == "" {
		m.DirtyDataStrategy = types.StringValue("0")
	}
	m.UdfJarURL = flex.StringOrNull(ptr.Deref(cfg.UdfJarUrl))
}

// replacedBy are type and tags when the plan m changes them.
func (m *dliFlinkSQLJobModel) replacedBy(state *dliFlinkSQLJobModel) path.Paths {
	return changedArguments([]string{"type", "tags"}, [2]attr.Value{m.Type, state.Type}, [2]attr.Value{m.Tags, state.Tags})
}

func (m *dliFlinkSQLJobModel) nullUnknownSettings() { m.settings().nullUnknowns() }

// createJob creates the planned job (§9.2).
func (m *dliFlinkSQLJobModel) createJob(ctx context.Context, c *client.Client, diags *diag.Diagnostics) (int64, error) {
	body := m.createBody(ctx, diags)
	if diags.HasError() {
		return 0, nil
	}
	return c.CreateFlinkSQLJob(ctx, body)
}

// changeFrom is the update (§9.3) from state to the plan m.
func (m *dliFlinkSQLJobModel) changeFrom(ctx context.Context, state *dliFlinkSQLJobModel, diags *diag.Diagnostics) flinkJobChange {
	u := m.updateBody(ctx, *state, diags)
	return flinkJobChange{flinkChange: u.flinkChange, send: func(ctx context.Context, c *client.Client, id int64) error {
		return c.UpdateFlinkSQLJob(ctx, id, &u.body)
	}}
}
