package datasources

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ datasource.DataSourceWithConfigure = (*dliPackagesDataSource)(nil)

// NewDLIPackages is the huaweidata_dli_packages data source.
func NewDLIPackages() datasource.DataSource {
	return &dliPackagesDataSource{DataSourceBase: framework.NewDataSourceBase("dli_packages")}
}

type dliPackagesDataSource struct {
	framework.DataSourceBase
}

func (d *dliPackagesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the resource packages uploaded to DLI (§8.2), grouped and ungrouped, with one API call. " +
			"System built-in modules are not listed.",
		Attributes: map[string]schema.Attribute{
			"id": str("Identifier of this query."),
			"group_name": schema.StringAttribute{
				MarkdownDescription: "Keep only the packages of this group (1 to 64 letters, digits, dots, underscores and hyphens).",
				Optional:            true,
				Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`),
					"must be 1 to 64 letters, digits, dots, underscores and hyphens")},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Keep only packages of this type: `jar`, `pyFile`, `file` or `modelFile` (filtered by DLI).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("jar", "pyFile", "file", "modelFile")},
			},
			"packages": schema.ListNestedAttribute{
				MarkdownDescription: "The matching packages, sorted by group and name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":              str("`<group_name>/<name>` (just `<name>` for an ungrouped package): the reference jobs use."),
					"group_name":      str("Group of the package; empty for an ungrouped package."),
					"name":            str("Package name."),
					"type":            str("Package type: `jar`, `pyFile`, `file` or `modelFile`."),
					"status":          str("Upload status: `UPLOADING`, `READY` or `FAILED`."),
					"owner":           str("IAM user who owns the package."),
					"underlying_name": str("Name of the package inside the queues."),
					"created_at":      at("When the package was uploaded (RFC 3339, UTC)."),
					"updated_at":      at("When the package was last changed (RFC 3339, UTC)."),
				}},
			},
		},
	}
}

func (d *dliPackagesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliPackagesDataSource) query(ctx context.Context, m *packagesModel, diags *diag.Diagnostics) {
	group, kind := m.GroupName.ValueString(), m.Type.ValueString()
	list, err := d.Client.ListPackages(ctx, kind)
	if err != nil {
		framework.APIError(diags, "Listing DLI resource packages", err)
		return
	}
	m.Packages = []packageModel{}
	if m.GroupName.IsNull() {
		for _, p := range ptr.Deref(list.Resources) {
			m.Packages = append(m.Packages, packageModelOf("", p))
		}
	}
	for _, g := range ptr.Deref(list.Groups) {
		name := ptr.Deref(g.GroupName)
		if !m.GroupName.IsNull() && name != group {
			continue
		}
		for _, p := range ptr.Deref(g.Details) {
			m.Packages = append(m.Packages, packageModelOf(name, p))
		}
	}
	slices.SortFunc(m.Packages, func(a, b packageModel) int {
		return cmp.Or(cmp.Compare(a.GroupName.ValueString(), b.GroupName.ValueString()), cmp.Compare(a.Name.ValueString(), b.Name.ValueString()))
	})
	m.ID = types.StringValue(framework.QueryID(group, kind))
}

func packageModelOf(group string, p model.PackageResource) packageModel {
	name := ptr.Deref(p.ResourceName)
	id := name
	if group != "" {
		id = client.PackageID(group, name)
	}
	return packageModel{
		ID: types.StringValue(id), GroupName: types.StringValue(group), Name: types.StringValue(name),
		Type: flex.StringOrNull(ptr.Deref(p.ResourceType)), Status: flex.StringOrNull(strings.ToUpper(ptr.Deref(p.Status))),
		Owner: flex.StringOrNull(ptr.Deref(p.Owner)), UnderlyingName: flex.StringOrNull(ptr.Deref(p.UnderlyingName)),
		CreatedAt: flex.RFC3339FromMillis(ptr.Deref(p.CreateTime)), UpdatedAt: flex.RFC3339FromMillis(ptr.Deref(p.UpdateTime)),
	}
}

type packagesModel struct {
	ID        types.String   `tfsdk:"id"`
	GroupName types.String   `tfsdk:"group_name"`
	Type      types.String   `tfsdk:"type"`
	Packages  []packageModel `tfsdk:"packages"`
}

type packageModel struct {
	ID             types.String      `tfsdk:"id"`
	GroupName      types.String      `tfsdk:"group_name"`
	Name           types.String      `tfsdk:"name"`
	Type           types.String      `tfsdk:"type"`
	Status         types.String      `tfsdk:"status"`
	Owner          types.String      `tfsdk:"owner"`
	UnderlyingName types.String      `tfsdk:"underlying_name"`
	CreatedAt      timetypes.RFC3339 `tfsdk:"created_at"`
	UpdatedAt      timetypes.RFC3339 `tfsdk:"updated_at"`
}
