package datasources

import (
	"cmp"
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ datasource.DataSource              = (*dliPermissionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliPermissionsDataSource)(nil)
)

// NewDLIPermissions is the huaweidata_dli_permissions data source.
func NewDLIPermissions() datasource.DataSource {
	return &dliPermissionsDataSource{DataSourceBase: framework.NewDataSourceBase("dli_permissions")}
}

type dliPermissionsDataSource struct {
	framework.DataSourceBase
}

func (d *dliPermissionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Everyone's privileges on one DLI object (a queue, a database, a table, a column, a Flink job, " +
			"a package group or a package), its owner included. A table's listing holds the grants on the table itself; " +
			"read a column's with its own `object`.",
		Attributes: map[string]schema.Attribute{
			"id": framework.ComputedString("The object."),
			"object": schema.StringAttribute{
				MarkdownDescription: "The object, in DLI's notation: " + client.PermissionNotations + ".",
				Required:            true,
				Validators:          []validator.String{validators.PermissionObject()},
			},
			"permissions": schema.ListNestedAttribute{
				MarkdownDescription: "One entry per user holding privileges on the object, the owner first, then by user name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"user_name": framework.ComputedString("The IAM user."),
					"is_admin": schema.BoolAttribute{
						MarkdownDescription: "Whether the user owns (or administers) the object; such a user holds `ALL`.",
						Computed:            true,
					},
					"privileges": schema.SetAttribute{
						MarkdownDescription: "The user's privileges on the object.",
						Computed:            true,
						ElementType:         types.StringType,
					},
				}},
			},
		},
	}
}

func (d *dliPermissionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliPermissionsDataSource) query(ctx context.Context, m *dliPermissionsModel, diags *diag.Diagnostics) {
	o, err := client.ParsePermissionObject(m.Object.ValueString())
	if err != nil {
		diags.AddError("Invalid object", err.Error())
		return
	}
	grants, err := d.Client.ObjectGrants(ctx, o)
	if err != nil {
		framework.APIError(diags, "Reading the users of DLI "+string(o.Kind)+" "+o.Notation, err)
		return
	}
	slices.SortStableFunc(grants, func(a, b client.Grant) int {
		if a.IsAdmin != b.IsAdmin {
			if a.IsAdmin {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.UserName, b.UserName)
	})
	m.ID = m.Object
	m.Permissions = make([]dliPermissionEntryModel, 0, len(grants))
	for _, g := range grants {
		set, valueDiags := types.SetValueFrom(ctx, types.StringType, g.Privileges)
		diags.Append(valueDiags...)
		m.Permissions = append(m.Permissions, dliPermissionEntryModel{
			UserName: types.StringValue(g.UserName), IsAdmin: types.BoolValue(g.IsAdmin), Privileges: set,
		})
	}
}

type dliPermissionsModel struct {
	ID          types.String              `tfsdk:"id"`
	Object      types.String              `tfsdk:"object"`
	Permissions []dliPermissionEntryModel `tfsdk:"permissions"`
}

type dliPermissionEntryModel struct {
	UserName   types.String `tfsdk:"user_name"`
	IsAdmin    types.Bool   `tfsdk:"is_admin"`
	Privileges types.Set    `tfsdk:"privileges"`
}
