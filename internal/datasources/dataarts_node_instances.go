package datasources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ datasource.DataSource                   = (*dataArtsNodeInstancesDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*dataArtsNodeInstancesDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*dataArtsNodeInstancesDataSource)(nil)
)

// NewDataArtsNodeInstances is the huaweidata_dataarts_node_instances data source.
func NewDataArtsNodeInstances() datasource.DataSource {
	return &dataArtsNodeInstancesDataSource{DataSourceBase: framework.NewDataSourceBase("dataarts_node_instances")}
}

type dataArtsNodeInstancesDataSource struct {
	framework.DataSourceBase
}

func (d *dataArtsNodeInstancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	num := framework.ComputedInt64
	window := func(desc string, more ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " (RFC 3339, e.g. `2024-01-11T00:00:00Z`; sent to the API as epoch milliseconds).",
			CustomType:          timetypes.RFC3339Type{},
			Required:            true,
			Validators:          more,
		}
	}
	ws := framework.DataArtsWorkspaceID.Attribute()
	ws.MarkdownDescription = "DataArts Studio workspace of the job, sent as the `workspace_id` query filter. Defaults to " +
		"`workspace_id` in the provider's `dataarts` block; when neither is set, instances of every workspace are returned."
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the run instances of a DataArts Studio job operator (job node) planned within a time window, " +
			"merging every page and decoding the API's JSON-encoded body into typed rows.",
		Attributes: map[string]schema.Attribute{
			"id":           framework.ComputedString("Identifier of this query."),
			"instance_id":  framework.DataArtsInstanceID.Attribute(),
			"workspace_id": ws,
			"task_id": schema.StringAttribute{
				MarkdownDescription: "Id of the job operator (the `task_id` DataArts associates with a table).",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"job_name": schema.StringAttribute{
				MarkdownDescription: "Name of the job the operator belongs to.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"start_time": window("Start of the window of plan times"),
			"end_time": window("End of the window of plan times; must be after `start_time`",
				validators.EndsAfter(path.MatchRoot("start_time"))),
			"instances": schema.ListNestedAttribute{
				MarkdownDescription: "The instances, sorted by plan time (oldest first). Times are RFC 3339 in UTC, null when not set.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"status":              str("Run status as reported, e.g. `running`, `success`, `fail`, `running-exception`, `manual-stop`."),
					"type":                str("Job type, e.g. `ETLJob`."),
					"job_id":              num("Job id."),
					"job_name":            str("Job name."),
					"task_id":             num("Operator (task) id."),
					"task_name":           str("Operator (task) name."),
					"task_running_log_id": num("Id of this run."),
					"owner":               str("Owner."),
					"plan_time":           at("Planned start."),
					"submit_time":         at("Submission time."),
					"start_time":          at("Actual start."),
					"end_time":            at("End; null while running."),
					"running_time":        num("Running time as reported by DataArts."),
					"retry_times":         num("Retries so far."),
					"fail_count":          num("Failure count (-1: not reported)."),
					"force_success":       framework.ComputedBool("Whether the run was forced to success."),
					"input_row_count":     num("Rows read (-1: not reported)."),
					"output_row_count":    num("Rows written (-1: not reported)."),
					"speed":               schema.Float64Attribute{MarkdownDescription: "Speed as reported.", Computed: true},
					"execution_log_path":  str("OBS path of the run log."),
					"workspace_id":        str("Workspace id."),
					"workspace_name":      str("Workspace name."),
					"running_data":        str("Run data, a JSON document as a string."),
					"running_param":       str("Run parameters, a JSON document as a string."),
				}},
			},
		},
	}
}

func (d *dataArtsNodeInstancesDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var m nodeInstancesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	framework.DataArtsInstanceID.Resolve(d.Client, m.InstanceID, &resp.Diagnostics)
}

func (d *dataArtsNodeInstancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dataArtsNodeInstancesDataSource) query(ctx context.Context, m *nodeInstancesModel, diags *diag.Diagnostics) {
	instance := framework.DataArtsInstanceID.Resolve(d.Client, m.InstanceID, diags)
	start, valueDiags := m.StartTime.ValueRFC3339Time()
	diags.Append(valueDiags...)
	end, valueDiags := m.EndTime.ValueRFC3339Time()
	diags.Append(valueDiags...)
	if diags.HasError() {
		return
	}
	ws := m.WorkspaceID.ValueString()
	if ws == "" {
		ws = d.Client.DataArtsWorkspaceID()
	}
	q := client.NodeInstancesQuery{
		Instance: instance, WorkspaceID: ws, TaskID: m.TaskID.ValueString(), JobName: m.JobName.ValueString(),
		StartMillis: start.UnixMilli(), EndMillis: end.UnixMilli(),
	}
	rows, err := d.Client.ListNodeInstances(ctx, q)
	if err != nil {
		framework.APIError(diags, "Reading DataArts node instances failed", err)
		return
	}
	m.ID = types.StringValue(framework.QueryID(instance, ws, q.TaskID, q.JobName, strconv.FormatInt(q.StartMillis, 10), strconv.FormatInt(q.EndMillis, 10)))
	m.InstanceID = types.StringValue(instance)
	m.WorkspaceID = flex.StringOrNull(ws)
	m.Instances = make([]nodeInstanceModel, 0, len(rows))
	for _, r := range rows {
		m.Instances = append(m.Instances, nodeInstanceModel{
			Status: types.StringValue(r.Status), Type: flex.StringOrNull(r.Type), JobID: types.Int64Value(int64(r.JobID)),
			JobName: flex.StringOrNull(r.JobName), TaskID: types.Int64Value(int64(r.TaskID)), TaskName: flex.StringOrNull(r.TaskName),
			TaskRunningLogID: types.Int64Value(int64(r.TaskRunningLogID)), Owner: flex.StringOrNull(r.Owner),
			PlanTime: flex.RFC3339FromMillis(int64(r.PlanTime)), SubmitTime: flex.RFC3339FromMillis(int64(r.SubmitTime)),
			StartTime: flex.RFC3339FromMillis(int64(r.StartTime)), EndTime: flex.RFC3339FromMillis(int64(r.EndTime)),
			RunningTime: types.Int64Value(int64(r.RunningTime)), RetryTimes: types.Int64Value(int64(r.RetryTimes)),
			FailCount: types.Int64Value(int64(r.FailCount)), ForceSuccess: types.BoolValue(r.ForceSuccess != 0),
			InputRowCount: types.Int64Value(int64(r.InputRowCount)), OutputRowCount: types.Int64Value(int64(r.OutputRowCount)),
			Speed: types.Float64Value(r.Speed), ExecutionLogPath: flex.StringOrNull(r.ExecutionLogPath),
			WorkspaceID: flex.StringOrNull(r.WorkspaceID), WorkspaceName: flex.StringOrNull(r.WorkspaceName),
			RunningData: flex.StringOrNull(r.RunningData), RunningParam: flex.StringOrNull(r.RunningParam),
		})
	}
}

type nodeInstancesModel struct {
	ID          types.String        `tfsdk:"id"`
	InstanceID  types.String        `tfsdk:"instance_id"`
	WorkspaceID types.String        `tfsdk:"workspace_id"`
	TaskID      types.String        `tfsdk:"task_id"`
	JobName     types.String        `tfsdk:"job_name"`
	StartTime   timetypes.RFC3339   `tfsdk:"start_time"`
	EndTime     timetypes.RFC3339   `tfsdk:"end_time"`
	Instances   []nodeInstanceModel `tfsdk:"instances"`
}

type nodeInstanceModel struct {
	Status           types.String      `tfsdk:"status"`
	Type             types.String      `tfsdk:"type"`
	JobID            types.Int64       `tfsdk:"job_id"`
	JobName          types.String      `tfsdk:"job_name"`
	TaskID           types.Int64       `tfsdk:"task_id"`
	TaskName         types.String      `tfsdk:"task_name"`
	TaskRunningLogID types.Int64       `tfsdk:"task_running_log_id"`
	Owner            types.String      `tfsdk:"owner"`
	PlanTime         timetypes.RFC3339 `tfsdk:"plan_time"`
	SubmitTime       timetypes.RFC3339 `tfsdk:"submit_time"`
	StartTime        timetypes.RFC3339 `tfsdk:"start_time"`
	EndTime          timetypes.RFC3339 `tfsdk:"end_time"`
	RunningTime      types.Int64       `tfsdk:"running_time"`
	RetryTimes       types.Int64       `tfsdk:"retry_times"`
	FailCount        types.Int64       `tfsdk:"fail_count"`
	ForceSuccess     types.Bool        `tfsdk:"force_success"`
	InputRowCount    types.Int64       `tfsdk:"input_row_count"`
	OutputRowCount   types.Int64       `tfsdk:"output_row_count"`
	Speed            types.Float64     `tfsdk:"speed"`
	ExecutionLogPath types.String      `tfsdk:"execution_log_path"`
	WorkspaceID      types.String      `tfsdk:"workspace_id"`
	WorkspaceName    types.String      `tfsdk:"workspace_name"`
	RunningData      types.String      `tfsdk:"running_data"`
	RunningParam     types.String      `tfsdk:"running_param"`
}
