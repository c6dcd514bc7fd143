package resources

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// dliFlinkSQLJobModel is the Terraform state of huaweidata_dli_flink_sql_job.
type dliFlinkSQLJobModel struct {
	ID                   types.String      `tfsdk:"id"`
	JobID                types.Int64       `tfsdk:"job_id"`
	Name                 types.String      `tfsdk:"name"`
	Description          types.String      `tfsdk:"description"`
	SQL                  types.String      `tfsdk:"sql"`
	Type                 types.String      `tfsdk:"type"`
	RunMode              types.String      `tfsdk:"run_mode"`
	QueueName            types.String      `tfsdk:"queue_name"`
	CUNumber             types.Int32       `tfsdk:"cu_number"`
	ManagerCUNumber      types.Int32       `tfsdk:"manager_cu_number"`
	ParallelNumber       types.Int32       `tfsdk:"parallel_number"`
	TmCUs                types.Int32       `tfsdk:"tm_cus"`
	TmSlotNum            types.Int32       `tfsdk:"tm_slot_num"`
	CheckpointEnabled    types.Bool        `tfsdk:"checkpoint_enabled"`
	CheckpointMode       types.String      `tfsdk:"checkpoint_mode"`
	CheckpointInterval   types.Int32       `tfsdk:"checkpoint_interval"`
	ObsBucket            types.String      `tfsdk:"obs_bucket"`
	LogEnabled           types.Bool        `tfsdk:"log_enabled"`
	SmnTopic             types.String      `tfsdk:"smn_topic"`
	RestartWhenException types.Bool        `tfsdk:"restart_when_exception"`
	IdleStateRetention   types.Int32       `tfsdk:"idle_state_retention"`
	DirtyDataStrategy    types.String      `tfsdk:"dirty_data_strategy"`
	UdfJarURL            types.String      `tfsdk:"udf_jar_url"`
	ResumeCheckpoint     types.Bool        `tfsdk:"resume_checkpoint"`
	ResumeMaxNum         types.Int32       `tfsdk:"resume_max_num"`
	RuntimeConfig        types.Map         `tfsdk:"runtime_config"`
	FlinkVersion         types.String      `tfsdk:"flink_version"`
	Tags                 types.Map         `tfsdk:"tags"`
	DesiredState         types.String      `tfsdk:"desired_state"`
	RestartPolicy        types.String      `tfsdk:"restart_policy"`
	SavepointOnDelete    types.Bool        `tfsdk:"savepoint_on_delete"`
	Status               types.String      `tfsdk:"status"`
	StatusDesc           types.String      `tfsdk:"status_desc"`
	SavepointPath        types.String      `tfsdk:"savepoint_path"`
	CreateTime           timetypes.RFC3339 `tfsdk:"create_time"`
	UpdateTime           timetypes.RFC3339 `tfsdk:"update_time"`
	StartTime            timetypes.RFC3339 `tfsdk:"start_time"`
	Timeouts             timeouts.Value    `tfsdk:"timeouts"`
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
	if rc := m.runtimeConfigJSON(ctx, diags); rc != "" {
		b.RuntimeConfig = &rc
	}
	return b
}

// flinkUpdate is the §9.3 body of an update: only the fields whose planned value differs
// from the state, with their new values.
type flinkUpdate struct {
	body model.UpdateFlinkSqlJobRequestBody
	// changed says that the body carries at least one field.
	changed bool
	// restart says that a changed field needs a running job to restart; the others
	// (flinkInPlace) the service applies to the running job.
	restart bool
}

// Whether the service applies a changed field to a running job without a restart: job
// metadata and the exception-handling settings (the vendor's own provider updates these in
// place). Any other change restarts a running job.
const (
	flinkInPlace  = true
	flinkRestarts = false
)

// setIfChanged puts the planned value into the body field dst when it differs from the
// state. render is the value as the body carries it; nil (a value not known yet, or an
// optional number left unset) is not sent.
func setIfChanged[V attr.Value, P any](u *flinkUpdate, dst **P, planned, current V, inPlace bool, render func(V) *P) {
	if planned.Equal(current) {
		return
	}
	v := render(planned)
	if v == nil {
		return
	}
	*dst = v
	u.changed = true
	u.restart = u.restart || !inPlace
}

// stringOrEmpty is the value as the update body carries it: an unset optional string is ""
// (which clears it); a value not known yet is not sent.
func stringOrEmpty(v types.String) *string {
	if v.IsUnknown() {
		return nil
	}
	return ptr.Of(v.ValueString())
}

// updateBody compares the plan (m) with the state field by field and returns the update
// that carries the changed fields.
func (m dliFlinkSQLJobModel) updateBody(ctx context.Context, state dliFlinkSQLJobModel, diags *diag.Diagnostics) flinkUpdate {
	var u flinkUpdate
	b := &u.body
	setIfChanged(&u, &b.Name, m.Name, state.Name, flinkInPlace, flex.StringPointer)
	setIfChanged(&u, &b.Desc, m.Description, state.Description, flinkInPlace, stringOrEmpty)
	setIfChanged(&u, &b.SmnTopic, m.SmnTopic, state.SmnTopic, flinkInPlace, stringOrEmpty)
	setIfChanged(&u, &b.RestartWhenException, m.RestartWhenException, state.RestartWhenException, flinkInPlace, flex.BoolPointer)
	setIfChanged(&u, &b.ResumeCheckpoint, m.ResumeCheckpoint, state.ResumeCheckpoint, flinkInPlace, flex.BoolPointer)
	setIfChanged(&u, &b.ResumeMaxNum, m.ResumeMaxNum, state.ResumeMaxNum, flinkInPlace, flex.Int32Pointer)

	setIfChanged(&u, &b.QueueName, m.QueueName, state.QueueName, flinkRestarts, stringOrEmpty)
	setIfChanged(&u, &b.SqlBody, m.SQL, state.SQL, flinkRestarts, stringOrEmpty)
	setIfChanged(&u, &b.RunMode, m.RunMode, state.RunMode, flinkRestarts, flex.StringPointer)
	setIfChanged(&u, &b.CuNumber, m.CUNumber, state.CUNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u, &b.ManagerCuNumber, m.ManagerCUNumber, state.ManagerCUNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u, &b.ParallelNumber, m.ParallelNumber, state.ParallelNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u, &b.TmCus, m.TmCUs, state.TmCUs, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u, &b.TmSlotNum, m.TmSlotNum, state.TmSlotNum, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u, &b.CheckpointEnabled, m.CheckpointEnabled, state.CheckpointEnabled, flinkRestarts, flex.BoolPointer)
	setIfChanged(&u, &b.CheckpointMode, m.CheckpointMode, state.CheckpointMode, flinkRestarts, checkpointModeNumber)
	setIfChanged(&u, &b.CheckpointInterval, m.CheckpointInterval, state.CheckpointInterval, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u, &b.ObsBucket, m.ObsBucket, state.ObsBucket, flinkRestarts, stringOrEmpty)
	setIfChanged(&u, &b.LogEnabled, m.LogEnabled, state.LogEnabled, flinkRestarts, flex.BoolPointer)
	setIfChanged(&u, &b.IdleStateRetention, m.IdleStateRetention, state.IdleStateRetention, flinkRestarts, flex.Int32Pointer)
	setIfChanged(&u, &b.DirtyDataStrategy, m.DirtyDataStrategy, state.DirtyDataStrategy, flinkRestarts, flex.StringPointer)
	setIfChanged(&u, &b.UdfJarUrl, m.UdfJarURL, state.UdfJarURL, flinkRestarts, stringOrEmpty)
	setIfChanged(&u, &b.FlinkVersion, m.FlinkVersion, state.FlinkVersion, flinkRestarts, flex.StringPointer)
	// runtime_config is compared as DLI stores it, so a null map and an empty one are the
	// same; removing it sends "", which clears it.
	rc := types.StringValue(m.runtimeConfigJSON(ctx, diags))
	setIfChanged(&u, &b.RuntimeConfig, rc, types.StringValue(state.runtimeConfigJSON(ctx, diags)), flinkRestarts, flex.StringPointer)
	return u
}

// checkpointModeNumber maps checkpoint_mode to the request's 1/2.
func checkpointModeNumber(v types.String) *int32 {
	if !flex.IsKnown(v) {
		return nil
	}
	if v.ValueString() == "at_least_once" {
		return ptr.Of(int32(2))
	}
	return ptr.Of(int32(1))
}

// runtimeConfigJSON renders runtime_config as DLI's [{"key":..,"value":..}] JSON string;
// null or empty renders "".
func (m dliFlinkSQLJobModel) runtimeConfigJSON(ctx context.Context, diags *diag.Diagnostics) string {
	list := flex.Tags(ctx, m.RuntimeConfig, diags)
	if len(list) == 0 {
		return ""
	}
	data, _ := json.Marshal(list)
	return string(data)
}

// fromAPI copies the job detail into m. Optional arguments DLI reports empty stay null; tags
// are not returned and stay as they are.
func (m *dliFlinkSQLJobModel) fromAPI(j *model.FlinkJob) {
	m.ID = types.StringValue(strconv.FormatInt(j.JobId, 10))
	m.JobID = types.Int64Value(j.JobId)
	m.Name = types.StringValue(ptr.Deref(j.Name))
	m.Description = types.StringValue(ptr.Deref(j.Desc))
	m.SQL = types.StringValue(ptr.Deref(j.SqlBody))
	if j.JobType != nil {
		m.Type = types.StringValue(j.JobType.Value())
	}
	m.RunMode = types.StringValue(ptr.Deref(j.RunMode))
	m.QueueName = flex.StringOrNull(ptr.Deref(j.QueueName))
	cfg := j.JobConfig
	if cfg == nil {
		cfg = &model.FlinkJobConfig{}
	}
	m.CUNumber = flex.Int32Value(cfg.CuNumber)
	m.ManagerCUNumber = flex.Int32Value(cfg.ManagerCuNumber)
	m.ParallelNumber = flex.Int32Value(cfg.ParallelNumber)
	m.TmCUs = flex.Int32Value(cfg.TmCus)
	m.TmSlotNum = flex.Int32Value(cfg.TmSlotNum)
	m.CheckpointEnabled = types.BoolValue(ptr.Deref(cfg.CheckpointEnabled))
	m.CheckpointMode = types.StringValue("exactly_once")
	if cfg.CheckpointMode != nil && (cfg.CheckpointMode.Value() == "at_least_once" || cfg.CheckpointMode.Value() == "2") {
		m.CheckpointMode = types.StringValue("at_least_once")
	}
	m.CheckpointInterval = flex.Int32Value(cfg.CheckpointInterval)
	m.ObsBucket = flex.StringOrNull(ptr.Deref(cfg.ObsBucket))
	m.LogEnabled = types.BoolValue(ptr.Deref(cfg.LogEnabled))
	m.SmnTopic = flex.StringOrNull(ptr.Deref(cfg.SmnTopic))
	m.RestartWhenException = types.BoolValue(ptr.Deref(cfg.RestartWhenException))
	m.IdleStateRetention = flex.Int32Value(cfg.IdleStateRetention)
	m.DirtyDataStrategy = types.StringValue(ptr.Deref(cfg.DirtyDataStrategy))
	if m.DirtyDataStrategy.ValueString() == "" {
		m.DirtyDataStrategy = types.StringValue("0")
	}
	m.UdfJarURL = flex.StringOrNull(ptr.Deref(cfg.UdfJarUrl))
	m.ResumeCheckpoint = types.BoolValue(ptr.Deref(cfg.ResumeCheckpoint))
	m.ResumeMaxNum = flex.Int32Value(cfg.ResumeMaxNum)
	if cfg.ResumeMaxNum == nil {
		m.ResumeMaxNum = types.Int32Value(-1)
	}
	m.RuntimeConfig = runtimeConfigValue(ptr.Deref(cfg.RuntimeConfig), m.RuntimeConfig)
	if v := ptr.Deref(cfg.FlinkVersion); v != "" || m.FlinkVersion.IsUnknown() {
		m.FlinkVersion = flex.StringOrNull(v)
	}
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
	m.Status = types.StringValue(ptr.Deref(j.Status))
	if m.Status.ValueString() == client.FlinkCancelling {
		m.Status = types.StringValue(client.FlinkCanceling)
	}
	m.StatusDesc = types.StringValue(ptr.Deref(j.StatusDesc))
	m.SavepointPath = types.StringValue(ptr.Deref(j.SavepointPath))
	m.CreateTime = flex.RFC3339FromMillis(j.CreateTime)
	m.UpdateTime = flex.RFC3339FromMillis(ptr.Deref(j.UpdateTime))
	m.StartTime = flex.RFC3339FromMillis(ptr.Deref(j.StartTime))
	// Imported: arguments that only live in the configuration get their defaults, and
	// desired_state follows what the job does.
	if !flex.IsKnown(m.DesiredState) {
		m.DesiredState = types.StringValue(flinkDesiredStopped)
		if s := m.Status.ValueString(); s == client.FlinkRunning || s == client.FlinkSubmitting {
			m.DesiredState = types.StringValue(flinkDesiredRunning)
		}
	}
	if !flex.IsKnown(m.RestartPolicy) {
		m.RestartPolicy = types.StringValue(flinkResume)
	}
	if !flex.IsKnown(m.SavepointOnDelete) {
		m.SavepointOnDelete = types.BoolValue(true)
	}
}

// runtimeConfigValue parses DLI's runtime_config JSON ([{"key","value"}] or an object) into
// a map; empty is null. A value in another format keeps the prior value.
func runtimeConfigValue(s string, prior types.Map) types.Map {
	if strings.TrimSpace(s) == "" {
		return types.MapNull(types.StringType)
	}
	elems := map[string]attr.Value{}
	var list []model.Tag
	var obj map[string]string
	switch {
	case json.Unmarshal([]byte(s), &list) == nil:
		for _, kv := range list {
			elems[kv.Key] = types.StringValue(kv.Value)
		}
	case json.Unmarshal([]byte(s), &obj) == nil:
		for k, v := range obj {
			elems[k] = types.StringValue(v)
		}
	default:
		if prior.IsUnknown() {
			return types.MapNull(types.StringType)
		}
		return prior
	}
	if len(elems) == 0 {
		return types.MapNull(types.StringType)
	}
	return types.MapValueMust(types.StringType, elems)
}

// withUnknownsNull returns m with every unknown value set to null, for the state saved
// before the job is read back.
func (m dliFlinkSQLJobModel) withUnknownsNull() dliFlinkSQLJobModel {
	flex.UnknownToNull(&m.FlinkVersion, &m.Status, &m.StatusDesc, &m.SavepointPath)
	for _, t := range []*timetypes.RFC3339{&m.CreateTime, &m.UpdateTime, &m.StartTime} {
		if t.IsUnknown() {
			*t = timetypes.NewRFC3339Null()
		}
	}
	if m.TmSlotNum.IsUnknown() {
		m.TmSlotNum = types.Int32Null()
	}
	return m
}
