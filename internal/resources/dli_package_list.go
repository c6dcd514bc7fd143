package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliPackageList)(nil)

// NewDLIPackageList returns the list resource of huaweidata_dli_package.
func NewDLIPackageList() list.ListResource {
	return &dliPackageList{ListBase: framework.NewListBase("dli_package", NewDLIPackage)}
}

type dliPackageList struct {
	framework.ListBase
}

func (l *dliPackageList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI resource packages of the project's package groups, for `terraform query` " +
			"(Terraform 1.14 and later); packages outside any group cannot be managed as `huaweidata_dli_package` and are left out. " +
			"Results are shown as `<group_name>/<object_name>`. With `include_resource`, each package is read (one call per package).",
		Attributes: map[string]listschema.Attribute{
			"group_name": listschema.StringAttribute{
				MarkdownDescription: "Only packages of this group (exact name).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(packageGroupName, "must be 1 to 64 letters, digits, dots, underscores and hyphens")},
			},
			"type": listschema.StringAttribute{
				MarkdownDescription: "Only packages of this type: `jar`, `pyFile`, `file` or `modelFile`; DLI applies it.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(packageTypes...)},
			},
			"name_regex": framework.ListNameRegex("packages"),
		},
	}
}

func (l *dliPackageList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliPackageListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	listed, err := l.Client.ListPackages(ctx, filter.Type.ValueString())
	if err != nil {
		framework.APIError(&diags, "Listing DLI resource packages", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, g := range ptr.Deref(listed.Groups) {
		group := ptr.Deref(g.GroupName)
		if !filter.GroupName.IsNull() && group != filter.GroupName.ValueString() {
			continue
		}
		for _, p := range ptr.Deref(g.Details) {
			name := ptr.Deref(p.ResourceName)
			if framework.MatchesRegex(filter.NameRegex, name) {
				id := client.PackageID(group, name)
				found = append(found, framework.Listed{ImportID: id, DisplayName: id})
			}
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliPackageListModel is the `config` block of a huaweidata_dli_package list.
type dliPackageListModel struct {
	GroupName types.String `tfsdk:"group_name"`
	Type      types.String `tfsdk:"type"`
	NameRegex types.String `tfsdk:"name_regex"`
}
