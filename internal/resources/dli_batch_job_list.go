package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

var _ list.ListResourceWithConfigure = (*dliBatchJobList)(nil)

// NewDLIBatchJobList returns the list resource of huaweidata_dli_batch_job.
func NewDLIBatchJobList() list.ListResource {
	return &dliBatchJobList{ListBase: framework.NewListBase("dli_batch_job", NewDLIBatchJob)}
}

type dliBatchJobList struct {
	framework.ListBase
}

func (l *dliBatchJobList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI (Spark) batch jobs of the project, for `terraform query` (Terraform 1.14 and later). " +
			"With `include_resource`, each job is read (one call per job).",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("jobs"),
			"state": listschema.StringAttribute{
				MarkdownDescription: "Only jobs in this state: `starting`, `running`, `recovering`, `success` or `dead`; DLI applies it.",
				Optional:            true,
				Validators: []validator.String{stringvalidator.OneOf(client.BatchStarting, client.BatchRunning,
					client.BatchRecovering, client.BatchSuccess, client.BatchDead)},
			},
			"queue_name": listschema.StringAttribute{
				MarkdownDescription: "Only jobs that run on this queue; DLI applies it.",
				Optional:            true,
			},
		},
	}
}

func (l *dliBatchJobList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliBatchJobListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	jobs, err := l.Client.ListAllBatchJobs(ctx, client.BatchJobFilter{
		State: filter.State.ValueString(), Queue: filter.QueueName.ValueString(),
	})
	if err != nil {
		framework.APIError(&diags, "Listing DLI batch jobs", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, j := range jobs {
		if framework.MatchesRegex(filter.NameRegex, j.Name) {
			found = append(found, framework.Listed{ImportID: j.ID, DisplayName: j.Name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliBatchJobListModel is the `config` block of a huaweidata_dli_batch_job list.
type dliBatchJobListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
	State     types.String `tfsdk:"state"`
	QueueName types.String `tfsdk:"queue_name"`
}
