package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var _ list.ListResourceWithConfigure = (*dliPermissionList)(nil)

// NewDLIPermissionList returns the list resource of huaweidata_dli_permission.
func NewDLIPermissionList() list.ListResource {
	return &dliPermissionList{ListBase: framework.NewListBase("dli_permission", NewDLIPermission)}
}

type dliPermissionList struct {
	framework.ListBase
}

func (l *dliPermissionList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the users granted privileges on one DLI object, for `terraform query` (Terraform 1.14 " +
			"and later). DLI lists grants per object only, so each list block names its object; the owner (and " +
			"administrators), whose privileges cannot be managed, are left out. The object's user list is read once, " +
			"also with `include_resource`.",
		Attributes: map[string]listschema.Attribute{
			"object": listschema.StringAttribute{
				MarkdownDescription: "The object whose grants to list, in DLI's notation: " + client.PermissionNotations + ".",
				Required:            true,
				Validators:          []validator.String{validators.PermissionObject()},
			},
			"name_regex": framework.ListNameRegex("users"),
		},
	}
}

func (l *dliPermissionList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliPermissionListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	object, err := client.ParsePermissionObject(filter.Object.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("object"), "Invalid object", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	grants, err := l.Client.ObjectGrants(ctx, object)
	if err != nil {
		framework.APIError(&diags, "Listing the users of DLI object "+object.Notation, err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, g := range grants {
		if !g.IsAdmin && framework.MatchesRegex(filter.NameRegex, g.UserName) {
			found = append(found, framework.Listed{ImportID: object.Notation + "/" + g.UserName, DisplayName: g.UserName})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliPermissionListModel is the `config` block of a huaweidata_dli_permission list.
type dliPermissionListModel struct {
	Object    types.String `tfsdk:"object"`
	NameRegex types.String `tfsdk:"name_regex"`
}
