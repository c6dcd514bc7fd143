package datasources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

var (
	_ datasource.DataSource                   = (*dataArtsNodeInstancesDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*dataArtsNodeInstancesDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*dataArtsNodeInstancesDataSource)(nil)
)

// NewDataArtsNodeInstances is the huaweidata_dataarts_node_instances data source.
func NewDataArtsNodeInstances() datasource.DataSource { return &dataArtsNodeInstancesDataSource{} }

type dataArtsNodeInstancesDataSource struct {
	dataArtsBase
}

func (d *dataArtsNodeInstancesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dataarts_node_instances"
}

func (d *dataArtsNodeInstancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := computedString
	num := computedInt64
	window := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " (RFC 3339, e.g. `2024-01-11T00:00:00Z`; sent to the API as epoch milliseconds).",
			Required:            true,
			Validators:          []validator.String{rfc3339()},
		}
	}
	ws := workspaceID.schema("")
	ws.MarkdownDescription = "DataArts Studio workspace of the job, sent as the `workspace_id` query filter. Defaults to " +
		"`workspace_id` in the provider's `dataarts` block; when neither is set, instances of every workspace are returned."
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the run instances of a DataArts Studio job operator (job node) planned within a time window, " +
			"merging every page and decoding the API's JSON-encoded body into typed rows.",
		Attributes: map[string]schema.Attribute{
			"id":           computedString("Identifier of this query."),
			"instance_id":  instanceID.schema(""),
			"workspace_id": ws,
			"task_id": schema.StringAttribute{
				MarkdownDescription: "Id of the job operator (the `task_id` DataArts associates with a table).",
				Required:            true,
				Validators:          []validator.String{nonEmpty()},
			},
			"job_name": schema.StringAttribute{
				MarkdownDescription: "Name of the job the operator belongs to.",
				Required:            true,
				Validators:          []validator.String{nonEmpty()},
			},
			"start_time": window("Start of the window of plan times"),
			"end_time":   window("End of the window of plan times; must be after `start_time`"),
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
					"plan_time":           str("Planned start."),
					"submit_time":         str("Submission time."),
					"start_time":          str("Actual start."),
					"end_time":            str("End; null while running."),
					"running_time":        num("Running time as reported by DataArts."),
					"retry_times":         num("Retries so far."),
					"fail_count":          num("Failure count (-1: not reported)."),
					"force_success":       schema.BoolAttribute{MarkdownDescription: "Whether the run was forced to success.", Computed: true},
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
	m, ok := getConfig[nodeInstancesModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	timeWindow(m.StartTime, m.EndTime, "start_time", "end_time", false, &resp.Diagnostics)
	instanceID.resolve(d.client, m.InstanceID, &resp.Diagnostics)
}

func (d *dataArtsNodeInstancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m, ok := getConfig[nodeInstancesModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	instance := instanceID.resolve(d.client, m.InstanceID, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ws := m.WorkspaceID.ValueString()
	if ws == "" {
		ws = d.client.DataArtsWorkspaceID()
	}
	start, _ := parseRFC3339(m.StartTime)
	end, _ := parseRFC3339(m.EndTime)
	q := client.NodeInstancesQuery{
		Instance: instance, WorkspaceID: ws, TaskID: m.TaskID.ValueString(), JobName: m.JobName.ValueString(),
		StartMillis: start.UnixMilli(), EndMillis: end.UnixMilli(),
	}
	rows, err := d.client.ListNodeInstances(ctx, q)
	if err != nil {
		resp.Diagnostics.AddError("Reading DataArts node instances failed", err.Error())
		return
	}
	m.ID = types.StringValue(queryID(instance, ws, q.TaskID, q.JobName, strconv.FormatInt(q.StartMillis, 10), strconv.FormatInt(q.EndMillis, 10)))
	m.InstanceID = types.StringValue(instance)
	m.WorkspaceID = nullIfEmpty(ws)
	m.Instances = make([]nodeInstanceModel, 0, len(rows))
	for _, r := range rows {
		m.Instances = append(m.Instances, nodeInstanceModel{
			Status: types.StringValue(r.Status), Type: nullIfEmpty(r.Type), JobID: types.Int64Value(int64(r.JobID)),
			JobName: nullIfEmpty(r.JobName), TaskID: types.Int64Value(int64(r.TaskID)), TaskName: nullIfEmpty(r.TaskName),
			TaskRunningLogID: types.Int64Value(int64(r.TaskRunningLogID)), Owner: nullIfEmpty(r.Owner),
			PlanTime: rfc3339FromMillis(int64(r.PlanTime)), SubmitTime: rfc3339FromMillis(int64(r.SubmitTime)),
			StartTime: rfc3339FromMillis(int64(r.StartTime)), EndTime: rfc3339FromMillis(int64(r.EndTime)),
			RunningTime: types.Int64Value(int64(r.RunningTime)), RetryTimes: types.Int64Value(int64(r.RetryTimes)),
			FailCount: types.Int64Value(int64(r.FailCount)), ForceSuccess: types.BoolValue(r.ForceSuccess != 0),
			InputRowCount: types.Int64Value(int64(r.InputRowCount)), OutputRowCount: types.Int64Value(int64(r.OutputRowCount)),
			Speed: types.Float64Value(r.Speed), ExecutionLogPath: nullIfEmpty(r.ExecutionLogPath),
			WorkspaceID: nullIfEmpty(r.WorkspaceID), WorkspaceName: nullIfEmpty(r.WorkspaceName),
			RunningData: nullIfEmpty(r.RunningData), RunningParam: nullIfEmpty(r.RunningParam),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type nodeInstancesModel struct {
	ID          types.String        `tfsdk:"id"`
	InstanceID  types.String        `tfsdk:"instance_id"`
	WorkspaceID types.String        `tfsdk:"workspace_id"`
	TaskID      types.String        `tfsdk:"task_id"`
	JobName     types.String        `tfsdk:"job_name"`
	StartTime   types.String        `tfsdk:"start_time"`
	EndTime     types.String        `tfsdk:"end_time"`
	Instances   []nodeInstanceModel `tfsdk:"instances"`
}

type nodeInstanceModel struct {
	Status           types.String  `tfsdk:"status"`
	Type             types.String  `tfsdk:"type"`
	JobID            types.Int64   `tfsdk:"job_id"`
	JobName          types.String  `tfsdk:"job_name"`
	TaskID           types.Int64   `tfsdk:"task_id"`
	TaskName         types.String  `tfsdk:"task_name"`
	TaskRunningLogID types.Int64   `tfsdk:"task_running_log_id"`
	Owner            types.String  `tfsdk:"owner"`
	PlanTime         types.String  `tfsdk:"plan_time"`
	SubmitTime       types.String  `tfsdk:"submit_time"`
	StartTime        types.String  `tfsdk:"start_time"`
	EndTime          types.String  `tfsdk:"end_time"`
	RunningTime      types.Int64   `tfsdk:"running_time"`
	RetryTimes       types.Int64   `tfsdk:"retry_times"`
	FailCount        types.Int64   `tfsdk:"fail_count"`
	ForceSuccess     types.Bool    `tfsdk:"force_success"`
	InputRowCount    types.Int64   `tfsdk:"input_row_count"`
	OutputRowCount   types.Int64   `tfsdk:"output_row_count"`
	Speed            types.Float64 `tfsdk:"speed"`
	ExecutionLogPath types.String  `tfsdk:"execution_log_path"`
	WorkspaceID      types.String  `tfsdk:"workspace_id"`
	WorkspaceName    types.String  `tfsdk:"workspace_name"`
	RunningData      types.String  `tfsdk:"running_data"`
	RunningParam     types.String  `tfsdk:"running_param"`
}
