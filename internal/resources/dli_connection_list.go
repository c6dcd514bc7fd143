package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliConnectionList)(nil)

// NewDLIConnectionList returns the list resource of huaweidata_dli_connection.
func NewDLIConnectionList() list.ListResource {
	return &dliConnectionList{ListBase: framework.NewListBase("dli_connection", NewDLIConnection)}
}

type dliConnectionList struct {
	framework.ListBase
}

func (l *dliConnectionList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI enhanced connections of the project, for `terraform query` (Terraform 1.14 and later). " +
			"Deleted connections are never listed. With `include_resource`, each connection is read (one call per connection).",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("connections"),
			"status": listschema.StringAttribute{
				MarkdownDescription: "Only connections in this status as DLI reports it: `CREATING`, `ACTIVE` or `FAILED`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("CREATING", "ACTIVE", "FAILED")},
			},
			"tags": framework.ListTags("connections"),
		},
	}
}

func (l *dliConnectionList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliConnectionListModel
	diags := req.Config.Get(ctx, &filter)
	tags := map[string]string{}
	diags.Append(filter.Tags.ElementsAs(ctx, &tags, false)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	conns, err := l.Client.ListEnhancedConnections(ctx, client.ConnectionFilter{Tags: tags})
	if err != nil {
		framework.APIError(&diags, "Listing DLI enhanced connections", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, c := range conns {
		name, status := ptr.Deref(c.Name), strings.ToUpper(ptr.Deref(c.Status))
		if status != "DELETED" && framework.MatchesRegex(filter.NameRegex, name) &&
			(filter.Status.ValueString() == "" || status == filter.Status.ValueString()) {
			found = append(found, framework.Listed{ImportID: ptr.Deref(c.Id), DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliConnectionListModel is the `config` block of a huaweidata_dli_connection list.
type dliConnectionListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
	Status    types.String `tfsdk:"status"`
	Tags      types.Map    `tfsdk:"tags"`
}
