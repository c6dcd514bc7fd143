package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// PoolName validates a DLI elastic resource pool name (dli-sdk-extras.md §1.0): 1 to 128
// digits, lowercase letters and underscores, not only digits, not starting with an
// underscore. DLI lowercases names, so uppercase letters are refused to avoid a diff.
func PoolName() validator.String { return poolNameRule{} }

type poolNameRule struct{}

var poolNameShape = regexp.MustCompile(`^[a-z0-9][a-z0-9_]{0,127}$`)

func (poolNameRule) Description(context.Context) string {
	return "must be 1 to 128 lowercase letters, digits and underscores, not only digits, not starting with an underscore"
}

func (r poolNameRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r poolNameRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !poolNameShape.MatchString(s) || allDigits.MatchString(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid elastic resource pool name",
			fmt.Sprintf("%s %s, got %q.", req.Path, r.Description(ctx), s))
	}
}
