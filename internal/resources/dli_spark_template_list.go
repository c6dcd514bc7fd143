package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

var _ list.ListResourceWithConfigure = (*dliSparkTemplateList)(nil)

// NewDLISparkTemplateList returns the list resource of huaweidata_dli_spark_template.
func NewDLISparkTemplateList() list.ListResource {
	return &dliSparkTemplateList{ListBase: framework.NewListBase("dli_spark_template", NewDLISparkTemplate)}
}

type dliSparkTemplateList struct {
	framework.ListBase
}

func (l *dliSparkTemplateList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI Spark job templates of the project, for `terraform query` (Terraform 1.14 and later). " +
			"With `include_resource`, each template is read (one call per template).",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("templates"),
			"group":      framework.ListGroup("templates"),
		},
	}
}

func (l *dliSparkTemplateList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliTemplateListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	templates, err := l.Client.ListSparkTemplates(ctx)
	if err != nil {
		framework.APIError(&diags, "Listing DLI Spark templates", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, t := range templates {
		if framework.MatchesRegex(filter.NameRegex, t.Name) && framework.MatchesGroup(filter.Group, t.Group) {
			found = append(found, framework.Listed{ImportID: t.ID, DisplayName: t.Name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}
