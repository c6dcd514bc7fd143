package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ datasource.DataSourceWithConfigure = (*dliPoolsDataSource)(nil)

// NewDLIElasticResourcePools is the huaweidata_dli_elastic_resource_pools data source.
func NewDLIElasticResourcePools() datasource.DataSource {
	return &dliPoolsDataSource{DataSourceBase: framework.NewDataSourceBase("dli_elastic_resource_pools")}
}

type dliPoolsDataSource struct {
	framework.DataSourceBase
}

type dliPoolsModel struct {
	ID        types.String    `tfsdk:"id"`
	NameRegex types.String    `tfsdk:"name_regex"`
	Status    types.String    `tfsdk:"status"`
	Pools     []dliPoolResult `tfsdk:"pools"`
}

type dliPoolResult struct {
	Name                types.String      `tfsdk:"name"`
	Description         types.String      `tfsdk:"description"`
	MinCU               types.Int32       `tfsdk:"min_cu"`
	MaxCU               types.Int32       `tfsdk:"max_cu"`
	ActualCU            types.Int32       `tfsdk:"actual_cu"`
	CurrentCU           types.Int32       `tfsdk:"current_cu"`
	Status              types.String      `tfsdk:"status"`
	Queues              []types.String    `tfsdk:"queues"`
	CidrInVpc           types.String      `tfsdk:"cidr_in_vpc"`
	ChargingMode        types.Int32       `tfsdk:"charging_mode"`
	EnterpriseProjectID types.String      `tfsdk:"enterprise_project_id"`
	Label               types.Map         `tfsdk:"label"`
	IPv6Enable          types.Bool        `tfsdk:"ipv6_enable"`
	ResourceID          types.String      `tfsdk:"resource_id"`
	Owner               types.String      `tfsdk:"owner"`
	CreateTime          timetypes.RFC3339 `tfsdk:"create_time"`
}

func (d *dliPoolsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := framework.ComputedString
	i32 := framework.ComputedInt32
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the DLI elastic resource pools of the project, optionally filtered, from the pool listing that every " +
			"pool refreshed in the same run shares (one paged list call).",
		Attributes: map[string]schema.Attribute{
			"id": str("Identifier of this query."),
			"name_regex": schema.StringAttribute{
				MarkdownDescription: "Keep only the pools whose name matches this regular expression (Go RE2 syntax).",
				Optional:            true,
				Validators:          []validator.String{validators.Regexp()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Keep only the pools in this status: `AVAILABLE`, `SCALING`, `CREATING` or `FAILED`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("AVAILABLE", "SCALING", "CREATING", "FAILED")},
			},
			"pools": schema.ListNestedAttribute{
				MarkdownDescription: "The matching pools, sorted by name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":                  str("Pool name."),
					"description":           str("Description."),
					"min_cu":                i32("Minimum CUs."),
					"max_cu":                i32("Maximum CUs."),
					"actual_cu":             i32("CUs the pool actually has."),
					"current_cu":            i32("CUs used by the pool's queues."),
					"status":                str("`AVAILABLE`, `SCALING`, `CREATING` or `FAILED`."),
					"queues":                framework.ComputedStringList("Names of the queues in the pool."),
					"cidr_in_vpc":           str("CIDR block of the pool's virtual cluster."),
					"charging_mode":         i32("Billing mode; `1` is pay per use."),
					"enterprise_project_id": str("Enterprise project."),
					"label":                 framework.ComputedStringMap("Edition label (e.g. `spec = basic`); null for a standard pool."),
					"ipv6_enable":           framework.ComputedBool("Whether the pool has an IPv6 CIDR block."),
					"resource_id":           str("Resource id."),
					"owner":                 str("User who created the pool."),
					"create_time":           framework.ComputedRFC3339("When the pool was created (RFC 3339, UTC)."),
				}},
			},
		},
	}
}

func (d *dliPoolsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliPoolsDataSource) query(ctx context.Context, m *dliPoolsModel, diags *diag.Diagnostics) {
	pools, err := d.Client.ListElasticResourcePools(ctx)
	if err != nil {
		framework.APIError(diags, "Listing DLI elastic resource pools", err)
		return
	}
	names := framework.NewNameFilter(m.NameRegex, types.StringNull(), diags)
	pools = framework.Matching(pools, func(p model.ElasticResourcePool) bool {
		return names.Match(ptr.Deref(p.ElasticResourcePoolName)) && (m.Status.ValueString() == "" || ptr.Deref(p.Status) == m.Status.ValueString())
	}, func(p model.ElasticResourcePool) string { return ptr.Deref(p.ElasticResourcePoolName) })
	m.Pools = []dliPoolResult{}
	for _, p := range pools {
		name := ptr.Deref(p.ElasticResourcePoolName)
		queues := []types.String{}
		for _, q := range ptr.Deref(p.Queues) {
			queues = append(queues, types.StringValue(q))
		}
		m.Pools = append(m.Pools, dliPoolResult{
			Name: types.StringValue(name), Description: types.StringValue(ptr.Deref(p.Description)),
			MinCU: flex.Int32Value(p.MinCu), MaxCU: flex.Int32Value(p.MaxCu), ActualCU: flex.Int32Value(p.ActualCu),
			CurrentCU: flex.Int32Value(p.CurrentCu), Status: types.StringPointerValue(p.Status), Queues: queues,
			CidrInVpc: types.StringPointerValue(p.CidrInVpc), ChargingMode: flex.Int32Value(p.ChargingMode),
			EnterpriseProjectID: types.StringPointerValue(p.EnterpriseProjectId), Label: flex.StringMapValue(p.Label),
			IPv6Enable: types.BoolValue(ptr.Deref(p.Ipv6Enable)), ResourceID: types.StringPointerValue(p.ResourceId),
			Owner: types.StringPointerValue(p.Owner), CreateTime: flex.RFC3339FromMillis(ptr.Deref(p.CreateTime)),
		})
	}
	m.ID = types.StringValue(framework.QueryID(m.NameRegex.ValueString(), m.Status.ValueString()))
}
