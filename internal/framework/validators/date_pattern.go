package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// datePatternLetters are the pattern letters of DLI's date and timestamp formats (§7.2.1,
// Table 7-49).
const datePatternLetters = "GyMwWDduaHhmsSz"

// DatePattern validates a DLI date or timestamp format: every letter outside single quotes
// is one of G y M w W D d u a H h m s S z.
func DatePattern() validator.String { return datePatternRule{} }

type datePatternRule struct{}

func (datePatternRule) Description(context.Context) string {
	return "a date pattern with the letters G y M w W D d u a H h m s S z (text in single quotes is literal)"
}

func (v datePatternRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v datePatternRule) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if bad := BadPatternLetter(req.ConfigValue.ValueString()); bad != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("%s %q uses the pattern letter %q; DLI supports G y M w W D d u a H h m s S z (quote literal text with single quotes).",
				req.Path, req.ConfigValue.ValueString(), bad))
	}
}

// BadPatternLetter returns the first letter outside quotes that is not a DLI date pattern
// letter, or "".
func BadPatternLetter(format string) string {
	quoted := false
	for _, r := range format {
		switch {
		case r == '\'':
			quoted = !quoted
		case !quoted && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') && !strings.ContainsRune(datePatternLetters, r):
			return string(r)
		}
	}
	return ""
}
