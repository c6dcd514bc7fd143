package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// RE2Regex requires a regular expression in Go's RE2 syntax (no look-around, no
// back-references), the syntax the name_regex filters of the list data sources use.
func RE2Regex() validator.String { return re2Rule{} }

type re2Rule struct{}

func (re2Rule) Description(context.Context) string {
	return "a regular expression in RE2 syntax (https://github.com/google/re2/wiki/Syntax)"
}

func (r re2Rule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r re2Rule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			fmt.Sprintf("%s must be %s: %s.", req.Path, r.Description(ctx), err))
	}
}
