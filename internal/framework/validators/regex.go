package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Regex validates that a string is a valid RE2 regular expression (Go's regexp syntax).
func Regex() validator.String { return regexValidator{} }

type regexValidator struct{}

func (regexValidator) Description(context.Context) string {
	return "must be a valid RE2 regular expression"
}

func (v regexValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v regexValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			fmt.Sprintf("%s %s: %v.", req.Path, v.Description(ctx), err))
	}
}
