package datasources

import (
	"cmp"
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ datasource.DataSource              = (*dliDatasourceAuthsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliDatasourceAuthsDataSource)(nil)
)

// NewDLIDatasourceAuths is the huaweidata_dli_datasource_auths data source.
func NewDLIDatasourceAuths() datasource.DataSource {
	return &dliDatasourceAuthsDataSource{DataSourceBase: framework.NewDataSourceBase("dli_datasource_auths")}
}

type dliDatasourceAuthsDataSource struct {
	framework.DataSourceBase
}

func (d *dliDatasourceAuthsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the project's DLI datasource authentications: names, types, user names and file locations. " +
			"Secrets (passwords) are never returned by DLI and never appear here.",
		Attributes: map[string]schema.Attribute{
			"id": str("Identifier of this query."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Keep only the authentication with exactly this name.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Keep only authentications of this type: `passwd`, `CSS`, `KRB` or `Kafka_SSL`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("passwd", "CSS", "KRB", "Kafka_SSL")},
			},
			"auths": schema.ListNestedAttribute{
				MarkdownDescription: "The matching authentications, sorted by name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":                 str("Authentication name."),
					"type":                 str("Datasource type: `passwd`, `CSS`, `KRB` or `Kafka_SSL`."),
					"username":             str("Login user, when the type has one."),
					"certificate_location": str("OBS path of the CSS certificate."),
					"krb5_conf":            str("OBS path of the krb5.conf file."),
					"keytab":               str("OBS path of the keytab file."),
					"truststore_location":  str("OBS path of the Kafka truststore."),
					"keystore_location":    str("OBS path of the Kafka keystore."),
					"owner":                str("User who created the authentication."),
					"created_at":           at("When the authentication was created (RFC 3339)."),
					"updated_at":           at("When the authentication was last changed (RFC 3339)."),
				}},
			},
		},
	}
}

func (d *dliDatasourceAuthsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliDatasourceAuthsDataSource) query(ctx context.Context, m *datasourceAuthsModel, diags *diag.Diagnostics) {
	all, err := d.Client.ListAuthInfos(ctx)
	if err != nil {
		framework.APIError(diags, "Listing DLI datasource authentications", err)
		return
	}
	m.Auths = []datasourceAuthModel{}
	for _, a := range all {
		name, typ := ptr.Deref(a.AuthInfoName), ptr.Deref(a.DatasourceType)
		if (!m.Name.IsNull() && name != m.Name.ValueString()) || (!m.Type.IsNull() && typ != m.Type.ValueString()) {
			continue
		}
		m.Auths = append(m.Auths, datasourceAuthModel{
			Name: types.StringValue(name), Type: types.StringValue(typ), Username: flex.StringOrNull(a.User()),
			CertificateLocation: flex.StringOrNull(ptr.Deref(a.CertificateLocation)),
			Krb5Conf:            flex.StringOrNull(ptr.Deref(a.Krb5Conf)), Keytab: flex.StringOrNull(ptr.Deref(a.Keytab)),
			TruststoreLocation: flex.StringOrNull(ptr.Deref(a.TruststoreLocation)),
			KeystoreLocation:   flex.StringOrNull(ptr.Deref(a.KeystoreLocation)),
			Owner:              flex.StringOrNull(ptr.Deref(a.Owner)),
			CreatedAt:          millisOrNull(a.CreateTime), UpdatedAt: millisOrNull(a.UpdateTime),
		})
	}
	slices.SortFunc(m.Auths, func(a, b datasourceAuthModel) int { return cmp.Compare(a.Name.ValueString(), b.Name.ValueString()) })
	m.ID = types.StringValue("dli_datasource_auths")
}

// millisOrNull is an epoch-milliseconds time as RFC 3339, null when absent.
func millisOrNull(ms *int64) timetypes.RFC3339 {
	if ms == nil || *ms == 0 {
		return timetypes.NewRFC3339Null()
	}
	return flex.RFC3339FromMillis(*ms)
}

type datasourceAuthsModel struct {
	ID    types.String          `tfsdk:"id"`
	Name  types.String          `tfsdk:"name"`
	Type  types.String          `tfsdk:"type"`
	Auths []datasourceAuthModel `tfsdk:"auths"`
}

type datasourceAuthModel struct {
	Name                types.String      `tfsdk:"name"`
	Type                types.String      `tfsdk:"type"`
	Username            types.String      `tfsdk:"username"`
	CertificateLocation types.String      `tfsdk:"certificate_location"`
	Krb5Conf            types.String      `tfsdk:"krb5_conf"`
	Keytab              types.String      `tfsdk:"keytab"`
	TruststoreLocation  types.String      `tfsdk:"truststore_location"`
	KeystoreLocation    types.String      `tfsdk:"keystore_location"`
	Owner               types.String      `tfsdk:"owner"`
	CreatedAt           timetypes.RFC3339 `tfsdk:"created_at"`
	UpdatedAt           timetypes.RFC3339 `tfsdk:"updated_at"`
}
