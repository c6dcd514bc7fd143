// Package resources holds one file per managed resource type of the provider.
package resources

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// clientFrom extracts the API client handed over by the provider's Configure. It returns nil
// while the provider is not configured yet (e.g. during validation).
func clientFrom(providerData any, diags *diag.Diagnostics) *client.Client {
	c, err := client.FromProviderData(providerData)
	if err != nil {
		diags.AddError("Unexpected provider data", err.Error())
	}
	return c
}

// apiError adds an error diagnostic for a failed API call; the error text carries the
// HTTP status, error code, message and request id.
func apiError(diags *diag.Diagnostics, action string, err error) {
	diags.AddError(action, err.Error())
}

// knownString returns a pointer to the value, or nil when it is null or not known yet
// (an optional argument left to the API's default).
func knownString(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

// rfc3339FromMillis formats an epoch-milliseconds timestamp as RFC 3339 in UTC ("" for 0).
func rfc3339FromMillis(ms int64) string {
	if ms == 0 {
		return ""
	}
	return time.UnixMilli(ms).UTC().Format(time.RFC3339)
}
