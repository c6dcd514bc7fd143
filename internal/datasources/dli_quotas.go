package datasources

import (
	"cmp"
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ datasource.DataSource              = (*dliQuotasDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliQuotasDataSource)(nil)
)

// NewDLIQuotas is the huaweidata_dli_quotas data source.
func NewDLIQuotas() datasource.DataSource {
	return &dliQuotasDataSource{DataSourceBase: framework.NewDataSourceBase("dli_quotas")}
}

type dliQuotasDataSource struct {
	framework.DataSourceBase
}

func (d *dliQuotasDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	count := framework.ComputedInt32
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the project's DLI quotas and how much of each is used (one `ShowQuota` call, " +
			"shared by every `huaweidata_dli_quotas` data source of a run). DLI does not document the quota types, " +
			"so match them as data (e.g. with `type`), not as fixed names.",
		Attributes: map[string]schema.Attribute{
			"id": framework.ComputedString("Identifier of this query."),
			"type": schema.StringAttribute{
				MarkdownDescription: "Keep only the quota of this type (exact, case-sensitive match). Unset: every quota.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"quotas": schema.ListNestedAttribute{
				MarkdownDescription: "The quotas, sorted by type.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":  framework.ComputedString("Resource type the quota limits, as DLI names it."),
					"quota": count("Current quota: how many of the type the project may have."),
					"used":  count("How many are in use."),
					"min":   count("Lowest value the quota can be set to."),
					"max":   count("Highest value the quota can be set to."),
				}},
			},
		},
	}
}

func (d *dliQuotasDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliQuotasDataSource) query(ctx context.Context, m *quotasModel, diags *diag.Diagnostics) {
	quotas, err := d.Client.ShowQuotas(ctx)
	if err != nil {
		framework.APIError(diags, "Reading DLI quotas failed", err)
		return
	}
	want := m.Type.ValueString()
	m.ID = types.StringValue(framework.QueryID("dli_quotas", want))
	m.Quotas = make([]quotaModel, 0, len(quotas))
	for _, q := range quotas {
		if want != "" && ptr.Deref(q.Type) != want {
			continue
		}
		m.Quotas = append(m.Quotas, quotaModel{
			Type: types.StringValue(ptr.Deref(q.Type)), Quota: types.Int32PointerValue(q.Quota),
			Used: types.Int32PointerValue(q.Used), Min: types.Int32PointerValue(q.Min), Max: types.Int32PointerValue(q.Max),
		})
	}
	slices.SortStableFunc(m.Quotas, func(a, b quotaModel) int { return cmp.Compare(a.Type.ValueString(), b.Type.ValueString()) })
}

type quotasModel struct {
	ID     types.String `tfsdk:"id"`
	Type   types.String `tfsdk:"type"`
	Quotas []quotaModel `tfsdk:"quotas"`
}

type quotaModel struct {
	Type  types.String `tfsdk:"type"`
	Quota types.Int32  `tfsdk:"quota"`
	Used  types.Int32  `tfsdk:"used"`
	Min   types.Int32  `tfsdk:"min"`
	Max   types.Int32  `tfsdk:"max"`
}
