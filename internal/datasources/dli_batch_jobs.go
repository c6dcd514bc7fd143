package datasources

import (
	"context"
	"strconv"
	"strings"

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
	_ datasource.DataSource              = (*dliBatchJobsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliBatchJobsDataSource)(nil)
)

// NewDLIBatchJobs is the huaweidata_dli_batch_jobs data source.
func NewDLIBatchJobs() datasource.DataSource {
	return &dliBatchJobsDataSource{DataSourceBase: framework.NewDataSourceBase("dli_batch_jobs")}
}

type dliBatchJobsDataSource struct {
	framework.DataSourceBase
}

func (d *dliBatchJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists DLI Spark batch jobs (§10.1.3), newest first, with filters applied by DLI: one paged list (100 jobs a page) per read.",
		Attributes: map[string]schema.Attribute{
			"id": framework.ComputedString("Identifier of this query."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Only jobs whose name contains this text.",
				Optional:            true, Validators: []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"queue_name": schema.StringAttribute{MarkdownDescription: "Only jobs of this queue.", Optional: true, Validators: []validator.String{validators.QueueName()}},
			"state": schema.StringAttribute{
				MarkdownDescription: "Only jobs in this state: `starting`, `running`, `recovering`, `success` or `dead`.",
				Optional:            true, Validators: []validator.String{stringvalidator.OneOf("starting", "running", "recovering", "success", "dead")},
			},
			"owner":          schema.StringAttribute{MarkdownDescription: "Only jobs submitted by this user.", Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"created_after":  timeFilter("Only jobs submitted after this time"),
			"created_before": timeFilter("Only jobs submitted before this time; must be after `created_after`", validators.EndsAfter(path.MatchRoot("created_after"))),
			"jobs": schema.ListNestedAttribute{
				MarkdownDescription: "The jobs, newest first.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            str("Batch job id."),
					"name":          str("Job name; null when it has none."),
					"queue_name":    str("Queue of the job."),
					"state":         str("State: `starting`, `running`, `recovering`, `success` or `dead`."),
					"owner":         str("User who submitted it."),
					"app_id":        str("Back-end (Spark) application id; null until it runs."),
					"sc_type":       str("Resource specification (`A`, `B`, `C` or `CUSTOMIZED`)."),
					"spark_version": str("Spark version."),
					"create_time":   at("When it was submitted."),
					"update_time":   at("When it last changed state."),
					"duration":      framework.ComputedInt64("How long it has run, in milliseconds."),
				}},
			},
		},
	}
}

func (d *dliBatchJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliBatchJobsDataSource) query(ctx context.Context, m *batchJobsModel, diags *diag.Diagnostics) {
	f := client.BatchJobFilter{
		Name: m.Name.ValueString(), Queue: m.QueueName.ValueString(), State: m.State.ValueString(), Owner: m.Owner.ValueString(),
		Start: millis(m.CreatedAfter, diags), End: millis(m.CreatedBefore, diags),
	}
	if diags.HasError() {
		return
	}
	jobs, err := d.Client.ListAllBatchJobs(ctx, f)
	if err != nil {
		framework.APIError(diags, "Listing DLI batch jobs", err)
		return
	}
	m.ID = types.StringValue(framework.QueryID(f.Name, f.Queue, f.State, f.Owner, strconv.FormatInt(f.Start, 10), strconv.FormatInt(f.End, 10)))
	m.Jobs = make([]batchJobItemModel, 0, len(jobs))
	for _, j := range jobs {
		m.Jobs = append(m.Jobs, batchJobItemModel{
			ID: types.StringValue(j.ID), Name: flex.StringOrNull(j.Name), QueueName: types.StringValue(strings.ToLower(j.QueueName())),
			State: types.StringValue(j.State), Owner: types.StringValue(j.Owner), AppID: flex.StringOrNull(string(j.AppID)),
			ScType: flex.StringOrNull(j.ScType), SparkVersion: flex.StringOrNull(j.SparkVersion),
			CreateTime: flex.RFC3339FromMillis(j.CreateTime), UpdateTime: flex.RFC3339FromMillis(j.UpdateTime),
			Duration: types.Int64Value(j.Duration),
		})
	}
}

type batchJobsModel struct {
	ID            types.String        `tfsdk:"id"`
	Name          types.String        `tfsdk:"name"`
	QueueName     types.String        `tfsdk:"queue_name"`
	State         types.String        `tfsdk:"state"`
	Owner         types.String        `tfsdk:"owner"`
	CreatedAfter  timetypes.RFC3339   `tfsdk:"created_after"`
	CreatedBefore timetypes.RFC3339   `tfsdk:"created_before"`
	Jobs          []batchJobItemModel `tfsdk:"jobs"`
}

type batchJobItemModel struct {
	ID           types.String      `tfsdk:"id"`
	Name         types.String      `tfsdk:"name"`
	QueueName    types.String      `tfsdk:"queue_name"`
	State        types.String      `tfsdk:"state"`
	Owner        types.String      `tfsdk:"owner"`
	AppID        types.String      `tfsdk:"app_id"`
	ScType       types.String      `tfsdk:"sc_type"`
	SparkVersion types.String      `tfsdk:"spark_version"`
	CreateTime   timetypes.RFC3339 `tfsdk:"create_time"`
	UpdateTime   timetypes.RFC3339 `tfsdk:"update_time"`
	Duration     types.Int64       `tfsdk:"duration"`
}
