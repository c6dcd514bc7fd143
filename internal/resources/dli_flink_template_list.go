package resources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliFlinkTemplateList)(nil)

// NewDLIFlinkTemplateList returns the list resource of huaweidata_dli_flink_template.
func NewDLIFlinkTemplateList() list.ListResource {
	return &dliFlinkTemplateList{ListBase: framework.NewListBase("dli_flink_template", NewDLIFlinkTemplate)}
}

type dliFlinkTemplateList struct {
	framework.ListBase
}

func (l *dliFlinkTemplateList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI Flink job templates of the project, for `terraform query` (Terraform 1.14 and later). " +
			"They are read from one shared listing, also with `include_resource`. Flink templates have no group.",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("templates"),
		},
	}
}

func (l *dliFlinkTemplateList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliFlinkTemplateListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	templates, err := l.Client.ListFlinkTemplates(ctx)
	if err != nil {
		framework.APIError(&diags, "Listing DLI Flink templates", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, t := range templates {
		name := ptr.Deref(t.Name)
		if framework.MatchesRegex(filter.NameRegex, name) {
			found = append(found, framework.Listed{ImportID: strconv.FormatInt(int64(ptr.Deref(t.TemplateId)), 10), DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliFlinkTemplateListModel is the `config` block of a huaweidata_dli_flink_template list.
type dliFlinkTemplateListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
}
