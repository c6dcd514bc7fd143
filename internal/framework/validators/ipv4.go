package validators

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// IPv4Address validates a dotted-quad IPv4 address (no leading zeros, no IPv6 form). The
// error names the attribute, e.g. hosts[1].ip, which iptypes.IPv4Address's does not.
func IPv4Address() validator.String { return ipv4Rule{} }

type ipv4Rule struct{}

func (ipv4Rule) Description(context.Context) string {
	return "must be an IPv4 address such as 192.168.0.10"
}

func (v ipv4Rule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ipv4Rule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	s := req.ConfigValue.ValueString()
	if a, err := netip.ParseAddr(s); err != nil || !a.Is4() {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid IPv4 address",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), s))
	}
}
