package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliDatabaseList)(nil)

// NewDLIDatabaseList returns the list resource of huaweidata_dli_database.
func NewDLIDatabaseList() list.ListResource {
	return &dliDatabaseList{ListBase: framework.NewListBase("dli_database", NewDLIDatabase)}
}

type dliDatabaseList struct {
	framework.ListBase
}

func (l *dliDatabaseList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI databases of the project, for `terraform query` (Terraform 1.14 and later).",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("databases"),
			"tags":       framework.ListTags("databases"),
		},
	}
}

func (l *dliDatabaseList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliDatabaseListModel
	diags := req.Config.Get(ctx, &filter)
	tags := map[string]string{}
	diags.Append(filter.Tags.ElementsAs(ctx, &tags, false)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	dbs, err := l.Client.ListDatabases(ctx)
	if len(tags) > 0 {
		dbs, err = l.Client.ListDatabasesByTags(ctx, tags)
	}
	if err != nil {
		framework.APIError(&diags, "Listing DLI databases", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, db := range dbs {
		// DLI's built-in database (`default`) cannot be managed, so it is not listed.
		name := strings.ToLower(ptr.Deref(db.DatabaseName))
		if validators.CatalogNameProblem("database", name) == "" && framework.MatchesRegex(filter.NameRegex, name) {
			found = append(found, framework.Listed{ImportID: name, DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliDatabaseListModel is the `config` block of a huaweidata_dli_database list.
type dliDatabaseListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
	Tags      types.Map    `tfsdk:"tags"`
}
