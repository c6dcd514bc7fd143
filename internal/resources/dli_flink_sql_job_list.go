package resources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliFlinkJobList)(nil)

// flinkJarJobType is the job_type of a Flink Jar job (a huaweidata_dli_flink_jar_job); every
// other Flink job is a huaweidata_dli_flink_sql_job.
const flinkJarJobType = "flink_jar_job"

// NewDLIFlinkSQLJobList returns the list resource of huaweidata_dli_flink_sql_job.
func NewDLIFlinkSQLJobList() list.ListResource {
	return &dliFlinkJobList{ListBase: framework.NewListBase("dli_flink_sql_job", NewDLIFlinkSQLJob),
		description: "Finds the Flink SQL jobs of the project (every Flink job but Flink Jar jobs)"}
}

// dliFlinkJobList is the list of Flink SQL jobs, or with jar of Flink Jar jobs: both kinds
// come from the one Flink job list.
type dliFlinkJobList struct {
	framework.ListBase
	jar         bool
	description string
}

func (l *dliFlinkJobList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	statuses := []string{client.FlinkInit, client.FlinkSubmitting, client.FlinkSubmitFail, client.FlinkRunning,
		client.FlinkRunException, client.FlinkDownloading, client.FlinkIdle, client.FlinkCanceling, client.FlinkCancelSuccess,
		client.FlinkCancelFail, client.FlinkSavepointing, client.FlinkFinish}
	resp.Schema = listschema.Schema{
		MarkdownDescription: l.description + ", for `terraform query` " +
			"(Terraform 1.14 and later). With `include_resource`, each job is read (one call per job).",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("jobs"),
			"status": listschema.StringAttribute{
				MarkdownDescription: "Only jobs in this status, e.g. `job_running` or `job_cancel_success`; DLI applies it.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(statuses...)},
			},
			"queue_name": listschema.StringAttribute{
				MarkdownDescription: "Only jobs that run on this queue; DLI applies it.",
				Optional:            true,
			},
			"tags": framework.ListTags("jobs"),
		},
	}
}

func (l *dliFlinkJobList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliFlinkSQLJobListModel
	diags := req.Config.Get(ctx, &filter)
	tags := map[string]string{}
	diags.Append(filter.Tags.ElementsAs(ctx, &tags, false)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	query := client.FlinkJobQuery{Status: filter.Status.ValueString(), QueueName: filter.QueueName.ValueString(), Tags: tags}
	if l.jar {
		query.JobType = flinkJarJobType
	}
	jobs, err := l.Client.ListFlinkJobs(ctx, query)
	if err != nil {
		framework.APIError(&diags, "Listing DLI Flink jobs", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, j := range jobs {
		name := ptr.Deref(j.Name)
		if (j.JobType != nil && j.JobType.Value() == flinkJarJobType) != l.jar {
			continue // the other kind of job
		}
		if framework.MatchesRegex(filter.NameRegex, name) {
			found = append(found, framework.Listed{ImportID: strconv.FormatInt(j.JobId, 10), DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliFlinkSQLJobListModel is the `config` block of a huaweidata_dli_flink_sql_job or
// huaweidata_dli_flink_jar_job list.
type dliFlinkSQLJobListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
	Status    types.String `tfsdk:"status"`
	QueueName types.String `tfsdk:"queue_name"`
	Tags      types.Map    `tfsdk:"tags"`
}
