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

// dliFlinkJarJobModel is the Terraform state of huaweidata_dli_flink_jar_job.
type dliFlinkJarJobModel struct {
	flinkJobRun
	Name                 types.String `tfsdk:"name"`
	Description          types.String `tfsdk:"description"`
	QueueName            types.String `tfsdk:"queue_name"`
	Entrypoint           types.String `tfsdk:"entrypoint"`
	MainClass            types.String `tfsdk:"main_class"`
	EntrypointArgs       types.String `tfsdk:"entrypoint_args"`
	DependencyJars       types.List   `tfsdk:"dependency_jars"`
	DependencyFiles      types.List   `tfsdk:"dependency_files"`
	CUNumber             types.Int32  `tfsdk:"cu_number"`
	ManagerCUNumber      types.Int32  `tfsdk:"manager_cu_number"`
	ParallelNumber       types.Int32  `tfsdk:"parallel_number"`
	TmCUs                types.Int32  `tfsdk:"tm_cus"`
	TmSlotNum            types.Int32  `tfsdk:"tm_slot_num"`
	CheckpointEnabled    types.Bool   `tfsdk:"checkpoint_enabled"`
	CheckpointMode       types.String `tfsdk:"checkpoint_mode"`
	CheckpointInterval   types.Int32  `tfsdk:"checkpoint_interval"`
	CheckpointPath       types.String `tfsdk:"checkpoint_path"`
	ObsBucket            types.String `tfsdk:"obs_bucket"`
	LogEnabled           types.Bool   `tfsdk:"log_enabled"`
	SmnTopic             types.String `tfsdk:"smn_topic"`
	RestartWhenException types.Bool   `tfsdk:"restart_when_exception"`
	ResumeCheckpoint     types.Bool   `tfsdk:"resume_checkpoint"`
	ResumeMaxNum         types.Int32  `tfsdk:"resume_max_num"`
	Feature              types.String `tfsdk:"feature"`
	Image                types.String `tfsdk:"image"`
	FlinkVersion         types.String `tfsdk:"flink_version"`
	RuntimeConfig        types.Map    `tfsdk:"runtime_config"`
	FlinkLogConfig       types.String `tfsdk:"flink_log_config"`
	ExecutionAgencyURN   types.String `tfsdk:"execution_agency_urn"`
	Tags                 types.Map    `tfsdk:"tags"`
}

// createBody maps the plan to the §9.4 request body.
func (m *dliFlinkJarJobModel) createBody(ctx context.Context, diags *diag.Diagnostics) *model.CreateFlinkJarJobRequestBody {
	b := &model.CreateFlinkJarJobRequestBody{
		Name: m.Name.ValueString(), Desc: flex.StringPointer(m.Description), QueueName: flex.StringPointer(m.QueueName),
		Entrypoint: flex.StringPointer(m.Entrypoint), MainClass: flex.StringPointer(m.MainClass),
		EntrypointArgs: flex.StringPointer(m.EntrypointArgs), DependencyJars: stringListPointer(ctx, m.DependencyJars, diags),
		DependencyFiles: stringListPointer(ctx, m.DependencyFiles, diags),
		CuNumber:        flex.Int32Pointer(m.CUNumber), ManagerCuNumber: flex.Int32Pointer(m.ManagerCUNumber),
		ParallelNumber: flex.Int32Pointer(m.ParallelNumber), TmCus: flex.Int32Pointer(m.TmCUs), TmSlotNum: flex.Int32Pointer(m.TmSlotNum),
		CheckpointEnabled: flex.BoolPointer(m.CheckpointEnabled), CheckpointMode: checkpointModeNumber(m.CheckpointMode),
		CheckpointInterval: flex.Int32Pointer(m.CheckpointInterval), CheckpointPath: flex.StringPointer(m.CheckpointPath),
		ObsBucket: flex.StringPointer(m.ObsBucket), LogEnabled: flex.BoolPointer(m.LogEnabled), SmnTopic: flex.StringPointer(m.SmnTopic),
		RestartWhenException: flex.BoolPointer(m.RestartWhenException), ResumeCheckpoint: flex.BoolPointer(m.ResumeCheckpoint),
		ResumeMaxNum: flex.Int32Pointer(m.ResumeMaxNum), Feature: flex.StringPointer(m.Feature), Image: flex.StringPointer(m.Image),
		FlinkVersion: flex.StringPointer(m.FlinkVersion), FlinkLogConfig: flex.StringPointer(m.FlinkLogConfig),
		ExecutionAgencyUrn: flex.StringPointer(m.ExecutionAgencyURN), Tags: flex.TagsPointer(ctx, m.Tags, diags),
	}
	if rc := runtimeConfigJSON(ctx, m.RuntimeConfig, diags); rc != "" {
		b.RuntimeConfig = &rc
	}
	return b
}

// stringListPointer is a list argument as a request carries it: nil when null or not
// known yet (also when an element is not).
func stringListPointer(ctx context.Context, l types.List, diags *diag.Diagnostics) *[]string {
	if !flex.IsKnown(l) {
		return nil
	}
	for _, e := range l.Elements() {
		if e.IsUnknown() {
			return nil
		}
	}
	list := flex.StringList(ctx, l, diags)
	if list == nil {
		list = []string{}
	}
	return &list
}

// updateBody compares the plan (m) with the state field by field and returns the §9.5
// update that carries the changed fields.
func (m *dliFlinkJarJobModel) updateBody(ctx context.Context, state *dliFlinkJarJobModel, diags *diag.Diagnostics) flinkUpdate[model.UpdateFlinkJarJobRequestBody] {
	var u flinkUpdate[model.UpdateFlinkJarJobRequestBody]
	b, c := &u.body, &u.flinkChange
	list := func(l types.List) *[]string { // a removed list is sent empty, which clears it
		if l.IsNull() {
			return &[]string{}
		}
		return stringListPointer(ctx, l, diags)
	}
	setIfChanged(c, "name", &b.Name, m.Name, state.Name, flinkInPlace, flex.StringPointer)
	setIfChanged(c, "description", &b.Desc, m.Description, state.Description, flinkInPlace, stringOrEmpty)
	setIfChanged(c, "smn_topic", &b.SmnTopic, m.SmnTopic, state.SmnTopic, flinkInPlace, stringOrEmpty)
	setIfChanged(c, "restart_when_exception", &b.RestartWhenException, m.RestartWhenException, state.RestartWhenException, flinkInPlace, flex.BoolPointer)
	setIfChanged(c, "resume_checkpoint", &b.ResumeCheckpoint, m.ResumeCheckpoint, state.ResumeCheckpoint, flinkInPlace, flex.BoolPointer)
	setIfChanged(c, "resume_max_num", &b.ResumeMaxNum, m.ResumeMaxNum, state.ResumeMaxNum, flinkInPlace, flex.Int32Pointer)

	setIfChanged(c, "queue_name", &b.QueueName, m.QueueName, state.QueueName, flinkRestarts, flex.StringPointer)
	setIfChanged(c, "entrypoint", &b.Entrypoint, m.Entrypoint, state.Entrypoint, flinkRestarts, flex.StringPointer)
	setIfChanged(c, "main_class", &b.MainClass, m.MainClass, state.MainClass, flinkRestarts, stringOrEmpty)
	setIfChanged(c, "entrypoint_args", &b.EntrypointArgs, m.EntrypointArgs, state.EntrypointArgs, flinkRestarts, stringOrEmpty)
	setIfChanged(c, "dependency_jars", &b.DependencyJars, m.DependencyJars, state.DependencyJars, flinkRestarts, list)
	setIfChanged(c, "dependency_files", &b.DependencyFiles, m.DependencyFiles, state.DependencyFiles, flinkRestarts, list)
	setIfChanged(c, "cu_number", &b.CuNumber, m.CUNumber, state.CUNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(c, "manager_cu_number", &b.ManagerCuNumber, m.ManagerCUNumber, state.ManagerCUNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(c, "parallel_number", &b.ParallelNumber, m.ParallelNumber, state.ParallelNumber, flinkRestarts, flex.Int32Pointer)
	setIfChanged(c, "tm_cus", &b.TmCus, m.TmCUs, state.TmCUs, flinkRestarts, flex.Int32Pointer)
	setIfChanged(c, "tm_slot_num", &b.TmSlotNum, m.TmSlotNum, state.TmSlotNum, flinkRestarts, flex.Int32Pointer)
	setIfChanged(c, "checkpoint_enabled", &b.CheckpointEnabled, m.CheckpointEnabled, state.CheckpointEnabled, flinkRestarts, flex.BoolPointer)
	setIfChanged(c, "checkpoint_mode", &b.CheckpointMode, m.CheckpointMode, state.CheckpointMode, flinkRestarts, checkpointModeNumber)
	setIfChanged(c, "checkpoint_interval", &b.CheckpointInterval, m.CheckpointInterval, state.CheckpointInterval, flinkRestarts, flex.Int32Pointer)
	setIfChanged(c, "checkpoint_path", &b.CheckpointPath, m.CheckpointPath, state.CheckpointPath, flinkRestarts, stringOrEmpty)
	setIfChanged(c, "obs_bucket", &b.ObsBucket, m.ObsBucket, state.ObsBucket, flinkRestarts, stringOrEmpty)
	setIfChanged(c, "log_enabled", &b.LogEnabled, m.LogEnabled, state.LogEnabled, flinkRestarts, flex.BoolPointer)
	setIfChanged(c, "feature", &b.Feature, m.Feature, state.Feature, flinkRestarts, stringOrEmpty)
	setIfChanged(c, "image", &b.Image, m.Image, state.Image, flinkRestarts, stringOrEmpty)
	setIfChanged(c, "flink_version", &b.FlinkVersion, m.FlinkVersion, state.FlinkVersion, flinkRestarts, flex.StringPointer)
	setIfChanged(c, "flink_log_config", &b.FlinkLogConfig, m.FlinkLogConfig, state.FlinkLogConfig, flinkRestarts, stringOrEmpty)
	setIfChanged(c, "execution_agency_urn", &b.ExecutionAgencyUrn, m.ExecutionAgencyURN, state.ExecutionAgencyURN, flinkRestarts, stringOrEmpty)
	setRuntimeConfigIfChanged(ctx, c, &b.RuntimeConfig, m.RuntimeConfig, state.RuntimeConfig, diags)
	return u
}

// settings points at the arguments every Flink job has.
func (m *dliFlinkJarJobModel) settings() flinkSettings {
	return flinkSettings{
		Name: &m.Name, Description: &m.Description, QueueName: &m.QueueName, ObsBucket: &m.ObsBucket, SmnTopic: &m.SmnTopic,
		CheckpointMode: &m.CheckpointMode, FlinkVersion: &m.FlinkVersion, CUNumber: &m.CUNumber, ManagerCUNumber: &m.ManagerCUNumber,
		ParallelNumber: &m.ParallelNumber, TmCUs: &m.TmCUs, TmSlotNum: &m.TmSlotNum, CheckpointInterval: &m.CheckpointInterval,
		ResumeMaxNum: &m.ResumeMaxNum, CheckpointEnabled: &m.CheckpointEnabled, LogEnabled: &m.LogEnabled,
		RestartWhenException: &m.RestartWhenException, ResumeCheckpoint: &m.ResumeCheckpoint, RuntimeConfig: &m.RuntimeConfig, Tags: &m.Tags,
	}
}

func (m *dliFlinkJarJobModel) jobName() string { return m.Name.ValueString() }

// settingsFromAPI copies the job detail's configuration into m. Optional arguments DLI
// reports empty stay null.
func (m *dliFlinkJarJobModel) settingsFromAPI(j *model.FlinkJob) {
	cfg := m.settings().fromAPI(j)
	m.MainClass = flex.StringOrNull(ptr.Deref(j.MainClass))
	m.EntrypointArgs = flex.StringOrNull(ptr.Deref(j.EntrypointArgs))
	m.Entrypoint = flex.StringOrNull(ptr.Deref(cfg.Entrypoint))
	m.DependencyJars = stringListValue(cfg.DependencyJars, m.DependencyJars)
	m.DependencyFiles = stringListValue(cfg.DependencyFiles, m.DependencyFiles)
	m.CheckpointPath = flex.StringOrNull(ptr.Deref(cfg.CheckpointPath))
	m.Feature = flex.StringOrNull(ptr.Deref(cfg.Feature))
	m.Image = flex.StringOrNull(ptr.Deref(cfg.Image))
	m.FlinkLogConfig = flex.StringOrNull(ptr.Deref(cfg.FlinkLogConfig))
	m.ExecutionAgencyURN = flex.StringOrNull(ptr.Deref(cfg.ExecutionAgencyUrn))
}

// stringListValue is a list from a job detail: null when DLI reports none, or an empty one
// that the prior value does not spell empty (a removed list is cleared with an empty one).
func stringListValue(l *[]string, prior types.List) types.List {
	if l == nil || (len(*l) == 0 && (!flex.IsKnown(prior) || len(prior.Elements()) != 0)) {
		return types.ListNull(types.StringType)
	}
	list, _ := types.ListValueFrom(context.Background(), types.StringType, *l)
	return list
}

// replacedBy are the tags when the plan m changes them.
func (m *dliFlinkJarJobModel) replacedBy(state *dliFlinkJarJobModel) path.Paths {
	return changedArguments([]string{"tags"}, [2]attr.Value{m.Tags, state.Tags})
}

func (m *dliFlinkJarJobModel) nullUnknownSettings() { m.settings().nullUnknowns() }

// createJob creates the planned job (§9.4).
func (m *dliFlinkJarJobModel) createJob(ctx context.Context, c *client.Client, diags *diag.Diagnostics) (int64, error) {
	body := m.createBody(ctx, diags)
	if diags.HasError() {
		return 0, nil
	}
	return c.CreateFlinkJarJob(ctx, body)
}

// changeFrom is the update (§9.5) from state to the plan m.
func (m *dliFlinkJarJobModel) changeFrom(ctx context.Context, state *dliFlinkJarJobModel, diags *diag.Diagnostics) flinkJobChange {
	u := m.updateBody(ctx, state, diags)
	return flinkJobChange{flinkChange: u.flinkChange, send: func(ctx context.Context, c *client.Client, id int64) error {
		return c.UpdateFlinkJarJob(ctx, id, &u.body)
	}}
}
