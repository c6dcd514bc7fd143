package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliGlobalVariableList)(nil)

// NewDLIGlobalVariableList returns the list resource of huaweidata_dli_global_variable.
func NewDLIGlobalVariableList() list.ListResource {
	return &dliGlobalVariableList{ListBase: framework.NewListBase("dli_global_variable", NewDLIGlobalVariable)}
}

type dliGlobalVariableList struct {
	framework.ListBase
}

func (l *dliGlobalVariableList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI global variables of the project, for `terraform query` (Terraform 1.14 and later). " +
			"Values are never returned, not even with `include_resource`: the generated configuration leaves `value` unset, " +
			"which keeps the value DLI holds; set `value` or `value_wo` to manage it.",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("variables"),
		},
	}
}

func (l *dliGlobalVariableList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliGlobalVariableListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	vars, err := l.Client.ListGlobalVariables(ctx)
	if err != nil {
		framework.APIError(&diags, "Listing DLI global variables", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, v := range vars {
		if name := ptr.Deref(v.VarName); framework.MatchesRegex(filter.NameRegex, name) {
			found = append(found, framework.Listed{ImportID: name, DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, withoutValue)
}

// withoutValue leaves the variable's value out of a listed state.
func withoutValue(ctx context.Context, state *tfsdk.State) diag.Diagnostics {
	return state.SetAttribute(ctx, path.Root("value"), types.StringNull())
}

// dliGlobalVariableListModel is the `config` block of a huaweidata_dli_global_variable list.
type dliGlobalVariableListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
}
