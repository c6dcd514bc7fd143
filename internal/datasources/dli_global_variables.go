package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ datasource.DataSource              = (*dliGlobalVariablesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliGlobalVariablesDataSource)(nil)
)

// NewDLIGlobalVariables is the huaweidata_dli_global_variables data source.
func NewDLIGlobalVariables() datasource.DataSource {
	return &dliGlobalVariablesDataSource{DataSourceBase: framework.NewDataSourceBase("dli_global_variables")}
}

type dliGlobalVariablesDataSource struct {
	framework.DataSourceBase
}

func (d *dliGlobalVariablesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	at := framework.ComputedRFC3339
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the names of the DLI global variables of the project, sorted by name, with whether each is " +
			"sensitive. It never returns values, not even those of non-sensitive variables: a value belongs in the " +
			"`huaweidata_dli_global_variable` that manages it, not in every state that looks names up. It reads the listing the " +
			"provider shares with every `huaweidata_dli_global_variable` of the run: a plan with this data source and any number " +
			"of variables costs one listing (one request per 100 variables)." +
			" A read in the apply that creates variables (for example with `depends_on`) waits, within the provider's consistency window, until the listing shows what the provider has just written.",
		Attributes: map[string]schema.Attribute{
			"id":         framework.ComputedString("Identifier of this query (a hash of the filter)."),
			"name_regex": framework.NameRegexAttribute("variables"),
			"variables": schema.ListNestedAttribute{
				MarkdownDescription: "The matching variables, sorted by name: names and flags only, never values.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": framework.ComputedString("Variable name."),
					"is_sensitive": schema.BoolAttribute{
						MarkdownDescription: "Whether the variable is sensitive (DLI masks its value).",
						Computed:            true,
					},
					"create_time": at("Creation time (RFC 3339, UTC)."),
					"update_time": at("Last update time (RFC 3339, UTC)."),
				}},
			},
		},
	}
}

func (d *dliGlobalVariablesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliGlobalVariablesDataSource) query(ctx context.Context, m *dliGlobalVariablesModel, diags *diag.Diagnostics) {
	names := framework.NewNameFilter(m.NameRegex, types.StringNull(), diags)
	if diags.HasError() {
		return
	}
	vars, err := d.Client.ListGlobalVariablesSettled(ctx)
	if err != nil {
		framework.APIError(diags, "Listing DLI global variables failed", err)
		return
	}
	name := func(v model.GlobalVariable) string { return ptr.Deref(v.VarName) }
	vars = framework.Matching(vars, func(v model.GlobalVariable) bool { return names.Match(name(v)) }, name)

	m.ID = types.StringValue(framework.QueryID("dli_global_variables", m.NameRegex.ValueString()))
	m.Variables = make([]dliGlobalVariableItemModel, 0, len(vars))
	for _, v := range vars {
		m.Variables = append(m.Variables, dliGlobalVariableItemModel{
			Name: types.StringValue(name(v)), IsSensitive: types.BoolValue(ptr.Deref(v.IsSensitive)),
			CreateTime: flex.RFC3339FromMillis(ptr.Deref(v.CreateTime)), UpdateTime: flex.RFC3339FromMillis(ptr.Deref(v.UpdateTime)),
		})
	}
}

type dliGlobalVariablesModel struct {
	ID        types.String                 `tfsdk:"id"`
	NameRegex types.String                 `tfsdk:"name_regex"`
	Variables []dliGlobalVariableItemModel `tfsdk:"variables"`
}

type dliGlobalVariableItemModel struct {
	Name        types.String      `tfsdk:"name"`
	IsSensitive types.Bool        `tfsdk:"is_sensitive"`
	CreateTime  timetypes.RFC3339 `tfsdk:"create_time"`
	UpdateTime  timetypes.RFC3339 `tfsdk:"update_time"`
}
