package datasources

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ datasource.DataSourceWithConfigure = (*dliFlinkJobsDataSource)(nil)

// flinkJobStatuses are the statuses a Flink job reports (§9.7 Table 9-33).
var flinkJobStatuses = []string{
	client.FlinkInit, client.FlinkSubmitting, client.FlinkSubmitFail, client.FlinkRunning, client.FlinkRunException,
	client.FlinkDownloading, client.FlinkIdle, client.FlinkCanceling, client.FlinkCancelSuccess, client.FlinkCancelFail,
	client.FlinkSavepointing, client.FlinkFinish,
}

// NewDLIFlinkJobs is the huaweidata_dli_flink_jobs data source.
func NewDLIFlinkJobs() datasource.DataSource {
	return &dliFlinkJobsDataSource{DataSourceBase: framework.NewDataSourceBase("dli_flink_jobs")}
}

type dliFlinkJobsDataSource struct {
	framework.DataSourceBase
}

type flinkJobsModel struct {
	ID            types.String      `tfsdk:"id"`
	Name          types.String      `tfsdk:"name"`
	Status        types.String      `tfsdk:"status"`
	QueueName     types.String      `tfsdk:"queue_name"`
	JobType       types.String      `tfsdk:"job_type"`
	Tags          types.Map         `tfsdk:"tags"`
	CreatedAfter  timetypes.RFC3339 `tfsdk:"created_after"`
	CreatedBefore timetypes.RFC3339 `tfsdk:"created_before"`
	Jobs          []flinkJobModel   `tfsdk:"jobs"`
}

type flinkJobModel struct {
	JobID         types.Int64       `tfsdk:"job_id"`
	Name          types.String      `tfsdk:"name"`
	Description   types.String      `tfsdk:"description"`
	JobType       types.String      `tfsdk:"job_type"`
	Status        types.String      `tfsdk:"status"`
	StatusDesc    types.String      `tfsdk:"status_desc"`
	QueueName     types.String      `tfsdk:"queue_name"`
	RunMode       types.String      `tfsdk:"run_mode"`
	HasSavepoint  types.Bool        `tfsdk:"has_savepoint"`
	SavepointPath types.String      `tfsdk:"savepoint_path"`
	CreateTime    timetypes.RFC3339 `tfsdk:"create_time"`
	StartTime     timetypes.RFC3339 `tfsdk:"start_time"`
	UpdateTime    timetypes.RFC3339 `tfsdk:"update_time"`
}

func (d *dliFlinkJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: append(v, stringvalidator.LengthAtLeast(1))}
	}
	created := func(desc string, more ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, CustomType: timetypes.RFC3339Type{}, Validators: more}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the DLI Flink jobs (SQL and Jar) of the project, with filters. The name, status, queue, " +
			"type and tag filters are sent to the service; a read costs one paged list (100 jobs a page).",
		Attributes: map[string]schema.Attribute{
			"id":   str("Identifier of this query."),
			"name": filter("Keep the jobs with exactly this name.", stringvalidator.UTF8LengthAtMost(57)),
			"status": filter("Keep the jobs in this status, e.g. `job_running`: one of `"+strings.Join(flinkJobStatuses, "`, `")+"`.",
				stringvalidator.OneOf(flinkJobStatuses...)),
			"queue_name": filter("Keep the jobs of this queue.", validators.QueueName()),
			"job_type": filter("Keep the jobs of this type: `flink_sql_job`, `flink_opensource_sql_job` or `flink_jar_job`.",
				stringvalidator.OneOf("flink_sql_job", "flink_opensource_sql_job", "flink_jar_job")),
			"tags": schema.MapAttribute{
				MarkdownDescription: "Keep the jobs that have all these tags (key → value).",
				Optional:            true,
				ElementType:         types.StringType,
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, 255)),
				},
			},
			"created_after": created("Keep the jobs created at or after this time (RFC 3339)."),
			"created_before": created("Keep the jobs created before this time (RFC 3339).",
				validators.EndsAfter(path.MatchRoot("created_after"))),
			"jobs": schema.ListNestedAttribute{
				MarkdownDescription: "The matching jobs, by job id.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"job_id":         schema.Int64Attribute{MarkdownDescription: "Job id.", Computed: true},
					"name":           str("Job name."),
					"description":    str("Job description."),
					"job_type":       str("`flink_sql_job`, `flink_opensource_sql_job` or `flink_jar_job`."),
					"status":         str("Job status, e.g. `job_running`."),
					"status_desc":    str("DLI's description of the status."),
					"queue_name":     str("Queue that runs the job; null on the shared cluster."),
					"run_mode":       str("`shared_cluster`, `exclusive_cluster` or `edge_node`."),
					"has_savepoint":  schema.BoolAttribute{MarkdownDescription: "Whether the job has a savepoint.", Computed: true},
					"savepoint_path": str("Path of the job's latest savepoint; null when there is none."),
					"create_time":    at("When the job was created (RFC 3339, UTC)."),
					"start_time":     at("When the job was last run (RFC 3339, UTC); null before its first run."),
					"update_time":    at("When the job was last updated (RFC 3339, UTC)."),
				}},
			},
		},
	}
}

func (d *dliFlinkJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m flinkJobsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	tags := map[string]string{}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &tags, false)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	q := client.FlinkJobQuery{Name: m.Name.ValueString(), Status: m.Status.ValueString(), QueueName: m.QueueName.ValueString(),
		JobType: m.JobType.ValueString(), Tags: tags}
	var after, before int64
	if flex.IsKnown(m.CreatedAfter) {
		t, diags := m.CreatedAfter.ValueRFC3339Time()
		resp.Diagnostics.Append(diags...)
		after = t.UnixMilli()
	}
	if flex.IsKnown(m.CreatedBefore) {
		t, diags := m.CreatedBefore.ValueRFC3339Time()
		resp.Diagnostics.Append(diags...)
		before = t.UnixMilli()
	}
	if resp.Diagnostics.HasError() {
		return
	}
	jobs, err := d.Client.ListFlinkJobs(ctx, q)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Listing DLI Flink jobs", err)
		return
	}
	sort.Slice(jobs, func(a, b int) bool { return jobs[a].JobId < jobs[b].JobId })
	m.Jobs = make([]flinkJobModel, 0, len(jobs))
	for _, j := range jobs {
		// The name filter of the service is a fuzzy match; the others are exact.
		if (q.Name != "" && ptr.Deref(j.Name) != q.Name) || (after > 0 && j.CreateTime < after) || (before > 0 && j.CreateTime >= before) {
			continue
		}
		jm := flinkJobModel{
			JobID: types.Int64Value(j.JobId), Name: types.StringValue(ptr.Deref(j.Name)), Description: types.StringValue(ptr.Deref(j.Desc)),
			JobType: types.StringNull(), Status: types.StringValue(ptr.Deref(j.Status)), StatusDesc: types.StringValue(ptr.Deref(j.StatusDesc)),
			QueueName: flex.StringOrNull(ptr.Deref(j.QueueName)), RunMode: flex.StringOrNull(ptr.Deref(j.RunMode)),
			HasSavepoint: types.BoolValue(ptr.Deref(j.HasSavepoint)), SavepointPath: flex.StringOrNull(ptr.Deref(j.SavepointPath)),
			CreateTime: flex.RFC3339FromMillis(j.CreateTime), StartTime: flex.RFC3339FromMillis(ptr.Deref(j.StartTime)),
			UpdateTime: flex.RFC3339FromMillis(ptr.Deref(j.UpdateTime)),
		}
		if j.JobType != nil {
			jm.JobType = types.StringValue(j.JobType.Value())
		}
		m.Jobs = append(m.Jobs, jm)
	}
	m.ID = types.StringValue(framework.QueryID("dli_flink_jobs", q.Name, q.Status, q.QueueName, q.JobType, tagsKey(tags),
		m.CreatedAfter.ValueString(), m.CreatedBefore.ValueString()))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// tagsKey renders tags in a stable order, for the query id.
func tagsKey(tags map[string]string) string {
	parts := make([]string, 0, len(tags))
	for k, v := range tags {
		parts = append(parts, k+"="+v)
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}
