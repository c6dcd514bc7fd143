package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Regexp validates that a string is a regular expression Go can compile (RE2 syntax).
func Regexp() validator.String { return regexpRule{} }

type regexpRule struct{}

func (regexpRule) Description(context.Context) string {
	return "must be a valid RE2 regular expression"
}

func (r regexpRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r regexpRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			fmt.Sprintf("%s %s: %v.", req.Path, r.Description(ctx), err))
	}
}
