package datasources

import (
	"context"
	"maps"
	"slices"
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
	_ datasource.DataSource              = (*dliSQLJobsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliSQLJobsDataSource)(nil)
)

// sqlJobStatuses and sqlJobTypes are the §7.3.5 filter values.
var (
	sqlJobStatuses = []string{"LAUNCHING", "RUNNING", "SCALING", "FINISHED", "FAILED", "CANCELLED"}
	sqlJobTypes    = []string{"DDL", "DCL", "IMPORT", "EXPORT", "QUERY", "INSERT", "DATA_MIGRATION", "UPDATE", "DELETE", "RESTART_QUEUE", "SCALE_QUEUE"}
)

// NewDLISQLJobs is the huaweidata_dli_sql_jobs data source.
func NewDLISQLJobs() datasource.DataSource {
	return &dliSQLJobsDataSource{DataSourceBase: framework.NewDataSourceBase("dli_sql_jobs")}
}

type dliSQLJobsDataSource struct {
	framework.DataSourceBase
}

// timeFilter is an optional RFC 3339 bound of a list filter.
func timeFilter(desc string, more ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc + " (RFC 3339, e.g. `2024-01-11T00:00:00Z`; sent to DLI as epoch milliseconds).",
		CustomType:          timetypes.RFC3339Type{},
		Optional:            true,
		Validators:          more,
	}
}

func (d *dliSQLJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	num := framework.ComputedInt64
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists DLI SQL jobs (§7.3.5), newest first, with filters applied by DLI: one paged list (100 jobs a page) per read.",
		Attributes: map[string]schema.Attribute{
			"id":         framework.ComputedString("Identifier of this query."),
			"queue_name": schema.StringAttribute{MarkdownDescription: "Only jobs of this queue.", Optional: true, Validators: []validator.String{validators.QueueName()}},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only jobs in this status: `LAUNCHING`, `RUNNING`, `SCALING`, `FINISHED`, `FAILED` or `CANCELLED`.",
				Optional:            true, Validators: []validator.String{stringvalidator.OneOf(sqlJobStatuses...)},
			},
			"job_type": schema.StringAttribute{
				MarkdownDescription: "Only jobs of this type: `DDL`, `DCL`, `IMPORT`, `EXPORT`, `QUERY`, `INSERT`, `DATA_MIGRATION`, `UPDATE`, `DELETE`, `RESTART_QUEUE` or `SCALE_QUEUE`.",
				Optional:            true, Validators: []validator.String{stringvalidator.OneOf(sqlJobTypes...)},
			},
			"sql_contains": schema.StringAttribute{
				MarkdownDescription: "Only jobs whose statement contains this text (case-insensitive); SQL jobs have no names.",
				Optional:            true, Validators: []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"owner": schema.StringAttribute{MarkdownDescription: "Only jobs submitted by this user.", Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Only jobs that have every one of these tags (key and value).",
				Optional:            true, ElementType: types.StringType,
			},
			"started_after":  timeFilter("Only jobs submitted after this time"),
			"started_before": timeFilter("Only jobs submitted before this time; must be after `started_after`", validators.EndsAfter(path.MatchRoot("started_after"))),
			"jobs": schema.ListNestedAttribute{
				MarkdownDescription: "The jobs, newest first.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"job_id":        str("Job id."),
					"job_type":      str("Job type."),
					"status":        str("Status."),
					"queue_name":    str("Queue the job ran on."),
					"owner":         str("User who submitted it."),
					"statement":     str("The SQL statement."),
					"database_name": str("Database of the job, when DLI reports one."),
					"message":       str("DLI's message: the failure reason of a failed job."),
					"start_time":    at("When it was submitted."),
					"end_time":      at("When it ended; null while it runs."),
					"duration":      num("Run time in milliseconds."),
					"result_count":  num("Result rows, or rows inserted."),
					"tags":          framework.ComputedStringMap("Tags of the job."),
				}},
			},
		},
	}
}

func (d *dliSQLJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliSQLJobsDataSource) query(ctx context.Context, m *sqlJobsModel, diags *diag.Diagnostics) {
	var want map[string]string
	if flex.IsKnown(m.Tags) {
		diags.Append(m.Tags.ElementsAs(ctx, &want, false)...)
	}
	f := client.SQLJobFilter{
		Queue: m.QueueName.ValueString(), Status: m.Status.ValueString(), JobType: m.JobType.ValueString(),
		SQLPattern: m.SQLContains.ValueString(), Owner: m.Owner.ValueString(),
		Start: millis(m.StartedAfter, diags), End: millis(m.StartedBefore, diags),
	}
	// DLI's tags filter matches the whole "k=v,…" text fuzzily: it narrows by one tag, and
	// every tag is then matched exactly here.
	if len(want) > 0 {
		k := slices.Sorted(maps.Keys(want))[0]
		f.Tags = k + "=" + want[k]
	}
	if diags.HasError() {
		return
	}
	jobs, err := d.Client.ListSQLJobs(ctx, f)
	if err != nil {
		framework.APIError(diags, "Listing DLI SQL jobs", err)
		return
	}
	m.ID = types.StringValue(framework.QueryID(f.Queue, f.Status, f.JobType, f.SQLPattern, f.Owner, f.Tags,
		strconv.FormatInt(f.Start, 10), strconv.FormatInt(f.End, 10)))
	m.Jobs = []sqlJobItemModel{}
	for _, j := range jobs {
		tags := j.UserTags()
		if !hasTags(tags, want) {
			continue
		}
		tagMap, valueDiags := types.MapValueFrom(ctx, types.StringType, tags)
		diags.Append(valueDiags...)
		m.Jobs = append(m.Jobs, sqlJobItemModel{
			JobID: types.StringValue(j.JobID), JobType: types.StringValue(j.JobType), Status: types.StringValue(j.Status),
			QueueName: types.StringValue(j.QueueName), Owner: types.StringValue(j.Owner), Statement: types.StringValue(j.Statement),
			DatabaseName: flex.StringOrNull(j.DatabaseName), Message: types.StringValue(j.Message),
			StartTime: flex.RFC3339FromMillis(j.StartTime), EndTime: flex.RFC3339FromMillis(j.EndTime),
			Duration: types.Int64Value(j.Duration), ResultCount: types.Int64Value(j.ResultCount), Tags: tagMap,
		})
	}
}

// hasTags reports whether tags include every key and value of want.
func hasTags(tags, want map[string]string) bool {
	for k, v := range want {
		if got, ok := tags[k]; !ok || got != v {
			return false
		}
	}
	return true
}

// millis is an optional RFC 3339 filter as epoch milliseconds (0 when unset).
func millis(v timetypes.RFC3339, diags *diag.Diagnostics) int64 {
	if !flex.IsKnown(v) {
		return 0
	}
	t, d := v.ValueRFC3339Time()
	diags.Append(d...)
	return t.UnixMilli()
}

type sqlJobsModel struct {
	ID            types.String      `tfsdk:"id"`
	QueueName     types.String      `tfsdk:"queue_name"`
	Status        types.String      `tfsdk:"status"`
	JobType       types.String      `tfsdk:"job_type"`
	SQLContains   types.String      `tfsdk:"sql_contains"`
	Owner         types.String      `tfsdk:"owner"`
	Tags          types.Map         `tfsdk:"tags"`
	StartedAfter  timetypes.RFC3339 `tfsdk:"started_after"`
	StartedBefore timetypes.RFC3339 `tfsdk:"started_before"`
	Jobs          []sqlJobItemModel `tfsdk:"jobs"`
}

type sqlJobItemModel struct {
	JobID        types.String      `tfsdk:"job_id"`
	JobType      types.String      `tfsdk:"job_type"`
	Status       types.String      `tfsdk:"status"`
	QueueName    types.String      `tfsdk:"queue_name"`
	Owner        types.String      `tfsdk:"owner"`
	Statement    types.String      `tfsdk:"statement"`
	DatabaseName types.String      `tfsdk:"database_name"`
	Message      types.String      `tfsdk:"message"`
	StartTime    timetypes.RFC3339 `tfsdk:"start_time"`
	EndTime      timetypes.RFC3339 `tfsdk:"end_time"`
	Duration     types.Int64       `tfsdk:"duration"`
	ResultCount  types.Int64       `tfsdk:"result_count"`
	Tags         types.Map         `tfsdk:"tags"`
}
