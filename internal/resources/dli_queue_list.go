package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliQueueList)(nil)

// NewDLIQueueList returns the list resource of huaweidata_dli_queue.
func NewDLIQueueList() list.ListResource {
	return &dliQueueList{ListBase: framework.NewListBase("dli_queue", NewDLIQueue)}
}

type dliQueueList struct {
	framework.ListBase
}

func (l *dliQueueList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI queues of the project, for `terraform query` (Terraform 1.14 and later).",
		Attributes: map[string]listschema.Attribute{
			"queue_type": listschema.StringAttribute{
				MarkdownDescription: "Only queues of this type: `sql` or `general`. Unset lists both.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("sql", "general")},
			},
			"name_regex": framework.ListNameRegex("queues"),
			"tags":       framework.ListTags("queues"),
		},
	}
}

func (l *dliQueueList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliQueueListModel
	diags := req.Config.Get(ctx, &filter)
	tags := map[string]string{}
	diags.Append(filter.Tags.ElementsAs(ctx, &tags, false)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	queues, err := l.Client.ListQueues(ctx)
	if len(tags) > 0 {
		queues, err = l.Client.ListQueuesTagged(ctx, tags)
	}
	if err != nil {
		framework.APIError(&diags, "Listing DLI queues", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, q := range queues {
		name := ptr.Deref(q.QueueName)
		if framework.MatchesRegex(filter.NameRegex, name) && queueTypeMatches(filter.QueueType, q) {
			found = append(found, framework.Listed{ImportID: name, DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// queueTypeMatches reports whether q is of the wanted type (any, when unset).
func queueTypeMatches(want types.String, q model.Queue) bool {
	return want.ValueString() == "" || (q.QueueType != nil && q.QueueType.Value() == want.ValueString())
}

// dliQueueListModel is the `config` block of a huaweidata_dli_queue list.
type dliQueueListModel struct {
	QueueType types.String `tfsdk:"queue_type"`
	NameRegex types.String `tfsdk:"name_regex"`
	Tags      types.Map    `tfsdk:"tags"`
}
