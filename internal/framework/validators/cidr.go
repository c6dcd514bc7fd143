package validators

import (
	"context"
	"fmt"
	"net"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// CIDR validates an IPv4 or IPv6 CIDR block such as 172.16.0.0/12.
func CIDR() validator.String { return cidrRule{} }

type cidrRule struct{}

func (cidrRule) Description(context.Context) string {
	return "must be a CIDR block, e.g. 172.16.0.0/12"
}

func (r cidrRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r cidrRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, _, err := net.ParseCIDR(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid CIDR block",
			fmt.Sprintf("%s %s, got %q.", req.Path, r.Description(ctx), req.ConfigValue.ValueString()))
	}
}
