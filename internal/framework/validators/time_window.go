package validators

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// EndsAfter validates the end of a time window: an RFC 3339 timestamp that must be later
// than the one at start. Unset, unknown or unparsable values on either side are left to
// the other validators.
func EndsAfter(start path.Expression) validator.String { return timeWindowValidator{start: start} }

// EndsAtOrAfter is EndsAfter allowing the end to equal the start.
func EndsAtOrAfter(start path.Expression) validator.String {
	return timeWindowValidator{start: start, allowEqual: true}
}

type timeWindowValidator struct {
	start      path.Expression
	allowEqual bool
}

func (v timeWindowValidator) rule() string {
	if v.allowEqual {
		return "at or after"
	}
	return "after"
}

func (v timeWindowValidator) Description(context.Context) string {
	return fmt.Sprintf("must be %s %s", v.rule(), v.start)
}

func (v timeWindowValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v timeWindowValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	end, err := time.Parse(time.RFC3339, req.ConfigValue.ValueString())
	if err != nil {
		return
	}
	paths, diags := req.Config.PathMatches(ctx, req.PathExpression.Merge(v.start))
	resp.Diagnostics.Append(diags...)
	for _, p := range paths {
		// A start that cannot be read or parsed is reported by its own attribute's checks.
		var other attr.Value
		if d := req.Config.GetAttribute(ctx, p, &other); d.HasError() {
			continue
		}
		sv, ok := other.(basetypes.StringValuable)
		if !ok {
			continue
		}
		s, d := sv.ToStringValue(ctx)
		if d.HasError() || s.IsNull() || s.IsUnknown() {
			continue
		}
		start, err := time.Parse(time.RFC3339, s.ValueString())
		if err != nil {
			continue
		}
		if end.Before(start) || (!v.allowEqual && end.Equal(start)) {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid time window",
				fmt.Sprintf("%s (%s) must be %s %s (%s).", req.Path, req.ConfigValue.ValueString(), v.rule(), p, s.ValueString()))
		}
	}
}
