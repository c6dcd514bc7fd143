package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// dliDatasourceAuthModel is the Terraform state of huaweidata_dli_datasource_auth.
type dliDatasourceAuthModel struct {
	ID                  types.String `tfsdk:"id"`
	Name                types.String `tfsdk:"name"`
	Type                types.String `tfsdk:"type"`
	Username            types.String `tfsdk:"username"`
	CertificateLocation types.String `tfsdk:"certificate_location"`
	Krb5Conf            types.String `tfsdk:"krb5_conf"`
	Keytab              types.String `tfsdk:"keytab"`
	TruststoreLocation  types.String `tfsdk:"truststore_location"`
	KeystoreLocation    types.String `tfsdk:"keystore_location"`
	Owner               types.String `tfsdk:"owner"`

	Password                  types.String `tfsdk:"password"`
	PasswordWO                types.String `tfsdk:"password_wo"`
	PasswordWOVersion         types.Int64  `tfsdk:"password_wo_version"`
	TruststorePassword        types.String `tfsdk:"truststore_password"`
	TruststorePasswordWO      types.String `tfsdk:"truststore_password_wo"`
	TruststorePasswordVersion types.Int64  `tfsdk:"truststore_password_wo_version"`
	KeystorePassword          types.String `tfsdk:"keystore_password"`
	KeystorePasswordWO        types.String `tfsdk:"keystore_password_wo"`
	KeystorePasswordVersion   types.Int64  `tfsdk:"keystore_password_wo_version"`
	KeyPassword               types.String `tfsdk:"key_password"`
	KeyPasswordWO             types.String `tfsdk:"key_password_wo"`
	KeyPasswordWOVersion      types.Int64  `tfsdk:"key_password_wo_version"`
}

// authSecret is one secret of a datasource authentication, offered as a sensitive
// argument (stored in state) and as a write-only one (never stored) with its version.
type authSecret struct {
	attr        string // the sensitive argument; attr+"_wo" and attr+"_wo_version" are the others
	description string
	updatable   bool   // UpdateAuthInfo can change it
	requires    string // the location attribute the secret belongs to ("" for none)
}

// authSecrets are the secrets DLI keeps and never returns (dli-sdk-extras.md section 3.0).
var authSecrets = []authSecret{
	{attr: "password", description: "Password of `username` (types `passwd` and `CSS`).", updatable: true},
	{attr: "truststore_password", description: "Password of the truststore at `truststore_location` (type `Kafka_SSL`).", updatable: true, requires: "truststore_location"},
	{attr: "keystore_password", description: "Password of the keystore at `keystore_location` (type `Kafka_SSL`).", updatable: true, requires: "keystore_location"},
	{attr: "key_password", description: "Password of the private key in the keystore (type `Kafka_SSL`).", requires: "keystore_location"},
}

// secretFields are the model's three fields of a secret.
type secretFields struct {
	value   *types.String
	version *types.Int64
}

func (m *dliDatasourceAuthModel) secret(attr string) secretFields {
	switch attr {
	case "password":
		return secretFields{&m.Password, &m.PasswordWOVersion}
	case "truststore_password":
		return secretFields{&m.TruststorePassword, &m.TruststorePasswordVersion}
	case "keystore_password":
		return secretFields{&m.KeystorePassword, &m.KeystorePasswordVersion}
	default:
		return secretFields{&m.KeyPassword, &m.KeyPasswordWOVersion}
	}
}

// configGetter reads one attribute of the configuration (write-only values are only there).
type configGetter func(context.Context, path.Path, any) diag.Diagnostics

// secretValue is the secret to send: the sensitive argument from the plan, or else the
// write-only argument from the configuration; "" when neither is set.
func (m *dliDatasourceAuthModel) secretValue(ctx context.Context, s authSecret, getConfig configGetter, diags *diag.Diagnostics) string {
	if v := m.secret(s.attr).value; !v.IsNull() {
		return v.ValueString()
	}
	var wo types.String
	diags.Append(getConfig(ctx, path.Root(s.attr+"_wo"), &wo)...)
	return wo.ValueString()
}

// createBody is the CreateAuthInfo body of the plan, with the secrets from plan or config.
func (m *dliDatasourceAuthModel) createBody(ctx context.Context, getConfig configGetter, diags *diag.Diagnostics) *model.CreateAuthInfoRequestBody {
	b := &model.CreateAuthInfoRequestBody{
		AuthInfoName: m.Name.ValueString(), DatasourceType: m.Type.ValueString(),
		UserName: flex.StringPointer(m.Username), CertificateLocation: flex.StringPointer(m.CertificateLocation),
		Krb5Conf: flex.StringPointer(m.Krb5Conf), Keytab: flex.StringPointer(m.Keytab),
		TruststoreLocation: flex.StringPointer(m.TruststoreLocation), KeystoreLocation: flex.StringPointer(m.KeystoreLocation),
	}
	targets := map[string]**string{
		"password": &b.Password, "truststore_password": &b.TruststorePassword,
		"keystore_password": &b.KeystorePassword, "key_password": &b.KeyPassword,
	}
	for _, s := range authSecrets {
		if v := m.secretValue(ctx, s, getConfig, diags); v != "" {
			*targets[s.attr] = &v
		}
	}
	return b
}

// updateBody is the UpdateAuthInfo body that takes state to plan, and whether anything
// needs sending. A secret is sent when its sensitive argument or its write-only version
// changed; a location or user name removed from the configuration is sent as "".
func (m *dliDatasourceAuthModel) updateBody(ctx context.Context, state *dliDatasourceAuthModel, getConfig configGetter, diags *diag.Diagnostics) (*model.UpdateAuthInfoRequestBody, bool) {
	b := &model.UpdateAuthInfoRequestBody{AuthInfoName: state.Name.ValueString()}
	changed := false
	plain := []struct {
		plan, state types.String
		target      **string
	}{
		{m.Username, state.Username, &b.UserName},
		{m.Krb5Conf, state.Krb5Conf, &b.Krb5Conf},
		{m.Keytab, state.Keytab, &b.Keytab},
		{m.TruststoreLocation, state.TruststoreLocation, &b.TruststoreLocation},
		{m.KeystoreLocation, state.KeystoreLocation, &b.KeystoreLocation},
	}
	for _, f := range plain {
		if !f.plan.Equal(f.state) {
			v := f.plan.ValueString()
			*f.target, changed = &v, true
		}
	}
	targets := map[string]**string{
		"password": &b.Password, "truststore_password": &b.TruststorePassword, "keystore_password": &b.KeystorePassword,
	}
	for _, s := range authSecrets {
		p, st := m.secret(s.attr), state.secret(s.attr)
		if !s.updatable || (p.value.Equal(*st.value) && p.version.Equal(*st.version)) {
			continue
		}
		if v := m.secretValue(ctx, s, getConfig, diags); v != "" {
			*targets[s.attr], changed = &v, true
		}
	}
	return b, changed
}

// fromAPI sets the attributes DLI returns; the secrets are never returned and keep what
// the state has.
func (m *dliDatasourceAuthModel) fromAPI(a *client.AuthInfo) {
	m.ID = types.StringValue(*a.AuthInfoName)
	m.Name = types.StringValue(*a.AuthInfoName)
	m.Type = types.StringValue(*a.DatasourceType)
	m.Username = flex.StringOrNull(a.User())
	m.CertificateLocation = flex.StringOrNull(ptr.Deref(a.CertificateLocation))
	m.Krb5Conf = flex.StringOrNull(ptr.Deref(a.Krb5Conf))
	m.Keytab = flex.StringOrNull(ptr.Deref(a.Keytab))
	m.TruststoreLocation = flex.StringOrNull(ptr.Deref(a.TruststoreLocation))
	m.KeystoreLocation = flex.StringOrNull(ptr.Deref(a.KeystoreLocation))
	m.Owner = flex.StringOrNull(ptr.Deref(a.Owner))
}
