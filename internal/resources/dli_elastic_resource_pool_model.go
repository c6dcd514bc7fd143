package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// dliPoolModel is the Terraform state of huaweidata_dli_elastic_resource_pool.
type dliPoolModel struct {
	ID                  types.String      `tfsdk:"id"`
	Name                types.String      `tfsdk:"name"`
	Description         types.String      `tfsdk:"description"`
	MinCU               types.Int32       `tfsdk:"min_cu"`
	MaxCU               types.Int32       `tfsdk:"max_cu"`
	CidrInVpc           types.String      `tfsdk:"cidr_in_vpc"`
	ChargingMode        types.Int32       `tfsdk:"charging_mode"`
	EnterpriseProjectID types.String      `tfsdk:"enterprise_project_id"`
	Label               types.Map         `tfsdk:"label"`
	IPv6Enable          types.Bool        `tfsdk:"ipv6_enable"`
	Tags                types.Map         `tfsdk:"tags"`
	ForceDestroy        types.Bool        `tfsdk:"force_destroy"`
	Status              types.String      `tfsdk:"status"`
	ActualCU            types.Int32       `tfsdk:"actual_cu"`
	CurrentCU           types.Int32       `tfsdk:"current_cu"`
	IPv6CidrInSubnet    types.String      `tfsdk:"ipv6_cidr_in_subnet"`
	ResourceID          types.String      `tfsdk:"resource_id"`
	Owner               types.String      `tfsdk:"owner"`
	CreateTime          timetypes.RFC3339 `tfsdk:"create_time"`
	Timeouts            timeouts.Value    `tfsdk:"timeouts"`
}

// poolCURange is the CU range of the pool edition the label selects (dli-sdk-extras.md §1.0).
func poolCURange(ctx context.Context, label types.Map) (lo, hi int32, edition string) {
	var kv map[string]string
	if flex.IsKnown(label) {
		label.ElementsAs(ctx, &kv, false)
	}
	switch {
	case kv["spec"] == "basic":
		return 16, 64, "basic"
	case kv["billing_spec_code"] == "developer":
		return 16, 32000, "developer"
	}
	return 64, 32000, "standard"
}

func knownInt32(v types.Int32) bool { return !v.IsNull() && !v.IsUnknown() }

// createBody maps the plan to the §1.1 request body.
func (m dliPoolModel) createBody(ctx context.Context, diags *diag.Diagnostics) *model.CreateElasticResourcePoolRequestBody {
	body := &model.CreateElasticResourcePoolRequestBody{
		ElasticResourcePoolName: m.Name.ValueString(),
		Description:             flex.StringPointer(m.Description),
		CidrInVpc:               flex.StringPointer(m.CidrInVpc),
		MinCu:                   m.MinCU.ValueInt32(),
		MaxCu:                   m.MaxCU.ValueInt32(),
		ChargingMode:            flex.Int32Pointer(m.ChargingMode),
		EnterpriseProjectId:     flex.StringPointer(m.EnterpriseProjectID),
		Tags:                    flex.TagsPointer(ctx, m.Tags, diags),
		Ipv6Enable:              flex.BoolPointer(m.IPv6Enable),
	}
	if flex.IsKnown(m.Label) {
		diags.Append(m.Label.ElementsAs(ctx, &body.Label, false)...)
	}
	return body
}

// fromAPI copies what the pool listing returns (tags are read separately).
func (m *dliPoolModel) fromAPI(p *model.ElasticResourcePool) {
	m.ID = types.StringPointerValue(p.ElasticResourcePoolName)
	m.Name = types.StringPointerValue(p.ElasticResourcePoolName)
	m.Description = types.StringValue(ptr.Deref(p.Description))
	m.MinCU = flex.Int32Value(p.MinCu)
	m.MaxCU = flex.Int32Value(p.MaxCu)
	m.CidrInVpc = types.StringPointerValue(p.CidrInVpc)
	m.ChargingMode = flex.Int32Value(p.ChargingMode)
	m.EnterpriseProjectID = types.StringPointerValue(p.EnterpriseProjectId)
	m.Label = flex.StringMapValue(p.Label)
	m.IPv6Enable = types.BoolValue(ptr.Deref(p.Ipv6Enable))
	if m.ForceDestroy.IsNull() || m.ForceDestroy.IsUnknown() {
		m.ForceDestroy = types.BoolValue(false) // the default, e.g. after import
	}
	m.Status = types.StringPointerValue(p.Status)
	m.ActualCU = flex.Int32Value(p.ActualCu)
	m.CurrentCU = flex.Int32Value(p.CurrentCu)
	m.IPv6CidrInSubnet = types.StringValue(ptr.Deref(p.Ipv6CidrInSubnet))
	m.ResourceID = types.StringPointerValue(p.ResourceId)
	m.Owner = types.StringPointerValue(p.Owner)
	m.CreateTime = flex.RFC3339FromMillis(ptr.Deref(p.CreateTime))
}

// withUnknownsNull returns m with every unknown (computed) value set to null, for the state
// saved right after create, before the pool is read back.
func (m dliPoolModel) withUnknownsNull() dliPoolModel {
	flex.UnknownToNull(&m.CidrInVpc, &m.EnterpriseProjectID, &m.Status, &m.IPv6CidrInSubnet, &m.ResourceID, &m.Owner, &m.CreateTime.StringValue)
	for _, i := range []*types.Int32{&m.ChargingMode, &m.ActualCU, &m.CurrentCU} {
		if i.IsUnknown() {
			*i = types.Int32Null()
		}
	}
	return m
}
