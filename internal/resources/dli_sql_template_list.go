package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliSQLTemplateList)(nil)

// NewDLISQLTemplateList returns the list resource of huaweidata_dli_sql_template.
func NewDLISQLTemplateList() list.ListResource {
	return &dliSQLTemplateList{ListBase: framework.NewListBase("dli_sql_template", NewDLISQLTemplate)}
}

type dliSQLTemplateList struct {
	framework.ListBase
}

func (l *dliSQLTemplateList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI SQL templates of the project, for `terraform query` (Terraform 1.14 and later). " +
			"They are read from one shared listing, also with `include_resource`.",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("templates"),
			"group":      framework.ListGroup("templates"),
		},
	}
}

func (l *dliSQLTemplateList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliTemplateListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	templates, err := l.Client.ListSQLTemplates(ctx)
	if err != nil {
		framework.APIError(&diags, "Listing DLI SQL templates", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, t := range templates {
		name := ptr.Deref(t.SqlName)
		if framework.MatchesRegex(filter.NameRegex, name) && framework.MatchesGroup(filter.Group, ptr.Deref(t.Group)) {
			found = append(found, framework.Listed{ImportID: ptr.Deref(t.SqlId), DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliTemplateListModel is the `config` block of a huaweidata_dli_sql_template or
// huaweidata_dli_spark_template list.
type dliTemplateListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
	Group     types.String `tfsdk:"group"`
}
