package provider

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// defaultMaxRetries is used when max_retries is not set.
const defaultMaxRetries = 5

func envName(service string) string { return strings.ToUpper(service) }

// clientConfig resolves the provider block against the environment: a value in the block
// wins over its environment variable.
func (m providerModel) clientConfig(getenv func(string) string) (client.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	pick := func(attr string, v types.String, env string) string {
		if v.IsUnknown() {
			diags.AddAttributeError(path.Root(attr), "Value not known yet",
				"The provider's "+attr+" depends on a value that is only known after apply. Set it to a value known at plan time.")
			return ""
		}
		if s := v.ValueString(); s != "" || env == "" {
			return s
		}
		return getenv(env)
	}
	cfg := client.Config{
		Region:        pick("region", m.Region, "HW_REGION_NAME"),
		ProjectID:     pick("project_id", m.ProjectID, "HW_PROJECT_ID"),
		AccessKey:     pick("access_key", m.AccessKey, ""), // no variable: the environment is the chain's next link
		SecretKey:     pick("secret_key", m.SecretKey, ""),
		SecurityToken: pick("security_token", m.SecurityToken, ""),
		Cloud:         pick("cloud", m.Cloud, "HW_CLOUD"),
		MaxRetries:    defaultMaxRetries,
		Insecure:      m.Insecure.ValueBool(),
		RateLimit:     m.RateLimit.ValueFloat64(),
		Endpoints:     map[client.Service]string{},
	}
	if !m.MaxRetries.IsNull() && !m.MaxRetries.IsUnknown() {
		cfg.MaxRetries = int(m.MaxRetries.ValueInt64())
	}
	if s := m.ConsistencyWindow.ValueString(); s != "" && !m.ConsistencyWindow.IsUnknown() {
		d, err := time.ParseDuration(s)
		switch {
		case err != nil:
			diags.AddAttributeError(path.Root("consistency_window"), "Invalid duration",
				fmt.Sprintf("consistency_window must be a duration such as \"60s\", got %q.", s))
		case d == 0:
			cfg.ConsistencyWindow = -1 // the client's "no window"
		default:
			cfg.ConsistencyWindow = d
		}
	}
	var eps endpointModel
	if m.Endpoints != nil {
		eps = *m.Endpoints
	}
	cfg.Endpoints[client.ServiceDLI] = pick("endpoints", eps.DLI, "HW_DLI_ENDPOINT")
	cfg.Endpoints[client.ServiceDataArts] = pick("endpoints", eps.DataArts, "HW_DATAARTS_ENDPOINT")
	cfg.Endpoints[client.ServiceIAM] = pick("endpoints", eps.IAM, "HW_IAM_ENDPOINT")
	if m.DataArts != nil {
		cfg.DataArtsInstanceID = m.DataArts.InstanceID.ValueString()
		cfg.DataArtsWorkspaceID = m.DataArts.WorkspaceID.ValueString()
	}
	diags.Append(m.credentialsConfig(&cfg, getenv, pick)...)
	if cfg.Region == "" {
		diags.AddAttributeError(path.Root("region"), "Missing region",
			"Set region in the provider block or the HW_REGION_NAME environment variable, e.g. \"cn-north-4\".")
	}
	return cfg, diags
}
