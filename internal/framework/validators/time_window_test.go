package validators_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

// windowRequest is the request validating end in a configuration of start and end (RFC
// 3339 attributes); nil is null.
func windowRequest(t *testing.T, start, end *string) validator.StringRequest {
	t.Helper()
	ctx := context.Background()
	attr := schema.StringAttribute{Optional: true, CustomType: timetypes.RFC3339Type{}}
	s := schema.Schema{Attributes: map[string]schema.Attribute{"start": attr, "end": attr}}
	val := func(p *string) tftypes.Value {
		if p == nil {
			return tftypes.NewValue(tftypes.String, nil)
		}
		return tftypes.NewValue(tftypes.String, *p)
	}
	raw := tftypes.NewValue(s.Type().TerraformType(ctx), map[string]tftypes.Value{"start": val(start), "end": val(end)})
	cv := types.StringNull()
	if end != nil {
		cv = types.StringValue(*end)
	}
	return validator.StringRequest{
		Path: path.Root("end"), PathExpression: path.MatchRoot("end"), ConfigValue: cv,
		Config: tfsdk.Config{Schema: s, Raw: raw},
	}
}

func TestEndsAfter(t *testing.T) {
	t.Parallel()
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		name       string
		start, end *string
		allowEqual bool
		want       string // "" for valid
	}{
		{name: "after", start: str("2024-01-01T00:00:00Z"), end: str("2024-01-01T00:00:01Z")},
		{name: "equal, other offset", start: str("2024-01-01T00:00:00Z"), end: str("2024-01-01T08:00:00+08:00"),
			want: "end (2024-01-01T08:00:00+08:00) must be after start (2024-01-01T00:00:00Z)."},
		{name: "equal allowed", start: str("2024-01-01T00:00:00Z"), end: str("2024-01-01T00:00:00Z"), allowEqual: true},
		{name: "before", start: str("2024-01-02T00:00:00Z"), end: str("2024-01-01T00:00:00Z"),
			want: "end (2024-01-01T00:00:00Z) must be after start"},
		{name: "before, equal allowed", start: str("2024-01-02T00:00:00Z"), end: str("2024-01-01T00:00:00Z"), allowEqual: true,
			want: "must be at or after start"},
		{name: "start null", end: str("2024-01-01T00:00:00Z")},
		{name: "end null", start: str("2024-01-01T00:00:00Z")},
		{name: "start not RFC 3339", start: str("yesterday"), end: str("2024-01-01T00:00:00Z")},
		{name: "end not RFC 3339", start: str("2024-01-01T00:00:00Z"), end: str("1705248000000")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := validators.EndsAfter(path.MatchRoot("start"))
			if tc.allowEqual {
				v = validators.EndsAtOrAfter(path.MatchRoot("start"))
			}
			var resp validator.StringResponse
			v.ValidateString(context.Background(), windowRequest(t, tc.start, tc.end), &resp)
			switch {
			case tc.want == "" && resp.Diagnostics.HasError():
				t.Fatalf("unexpected error: %v", resp.Diagnostics)
			case tc.want != "" && resp.Diagnostics.ErrorsCount() != 1:
				t.Fatalf("want one error containing %q, got %v", tc.want, resp.Diagnostics)
			case tc.want != "" && !strings.Contains(resp.Diagnostics[0].Detail(), tc.want):
				t.Fatalf("error %q does not contain %q", resp.Diagnostics[0].Detail(), tc.want)
			}
		})
	}
}
