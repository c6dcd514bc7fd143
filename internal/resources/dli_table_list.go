package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var _ list.ListResourceWithConfigure = (*dliTableList)(nil)

// NewDLITableList returns the list resource of huaweidata_dli_table.
func NewDLITableList() list.ListResource {
	return &dliTableList{ListBase: framework.NewListBase("dli_table", NewDLITable)}
}

type dliTableList struct {
	framework.ListBase
}

func (l *dliTableList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the tables of one DLI database, for `terraform query` (Terraform 1.14 and later). " +
			"With `include_resource`, each table is described (one call per table) to read its columns.",
		Attributes: map[string]listschema.Attribute{
			"database_name": listschema.StringAttribute{
				MarkdownDescription: "The database whose tables are listed.",
				Required:            true,
				Validators:          []validator.String{validators.CatalogName("database")},
			},
			"name_regex": framework.ListNameRegex("tables"),
			"table_type": listschema.StringAttribute{
				MarkdownDescription: "Only tables of this type: `MANAGED` (DLI table), `EXTERNAL` (OBS table) or `VIEW`. Unset lists all.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("MANAGED", "EXTERNAL", "VIEW")},
			},
		},
	}
}

func (l *dliTableList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliTableListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	db := strings.ToLower(filter.DatabaseName.ValueString())
	tables, err := l.Client.ListTables(ctx, db)
	if err != nil {
		framework.APIError(&diags, "Listing the DLI tables of "+db, err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, t := range tables {
		name := strings.ToLower(t.TableName)
		if framework.MatchesRegex(filter.NameRegex, name) &&
			(filter.TableType.ValueString() == "" || strings.EqualFold(t.TableType, filter.TableType.ValueString())) {
			found = append(found, framework.Listed{ImportID: db + "/" + name, DisplayName: db + "." + name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliTableListModel is the `config` block of a huaweidata_dli_table list.
type dliTableListModel struct {
	DatabaseName types.String `tfsdk:"database_name"`
	NameRegex    types.String `tfsdk:"name_regex"`
	TableType    types.String `tfsdk:"table_type"`
}
