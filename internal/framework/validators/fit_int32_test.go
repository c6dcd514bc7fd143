package validators_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestFitInt32(t *testing.T) {
	t.Parallel()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"cores": schema.Int32Attribute{Optional: true},
		"other": schema.Int32Attribute{Optional: true},
	}}
	objType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"cores": tftypes.Number, "other": tftypes.Number}}
	number := func(s string) tftypes.Value {
		f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		return tftypes.NewValue(tftypes.Number, f)
	}
	cases := map[string]struct {
		cores tftypes.Value
		want  string // substring of the error; "" for valid
	}{
		"small":          {cores: number("8")},
		"int32 max":      {cores: number("2147483647")},
		"int32 min":      {cores: number("-2147483648")},
		"null":           {cores: tftypes.NewValue(tftypes.Number, nil)},
		"unknown":        {cores: tftypes.NewValue(tftypes.Number, tftypes.UnknownValue)},
		"beyond int32":   {cores: number("2147483648"), want: "cores must be a whole number from -2147483648 to 2147483647 (the API takes a 32-bit integer), got 2147483648."},
		"below int32":    {cores: number("-2147483649"), want: "got -2147483649"},
		"beyond int64":   {cores: number("92233720368547758070"), want: "got 92233720368547758070"},
		"not an integer": {cores: number("1.5"), want: "cores must be a whole number"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			raw := tftypes.NewValue(objType, map[string]tftypes.Value{"cores": tc.cores, "other": number("1")})
			req := resource.ValidateConfigRequest{Config: tfsdk.Config{Schema: s, Raw: raw}}
			resp := &resource.ValidateConfigResponse{}
			validators.FitInt32("cores", "other", "missing").ValidateResource(context.Background(), req, resp)
			switch {
			case tc.want == "" && resp.Diagnostics.HasError():
				t.Fatalf("unexpected error: %v", resp.Diagnostics)
			case tc.want != "" && resp.Diagnostics.ErrorsCount() != 1:
				t.Fatalf("want one error containing %q, got %v", tc.want, resp.Diagnostics)
			case tc.want != "" && !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.want):
				t.Fatalf("error %q does not contain %q", resp.Diagnostics.Errors()[0].Detail(), tc.want)
			case tc.want != "":
				if d, ok := resp.Diagnostics.Errors()[0].(diag.DiagnosticWithPath); !ok || !d.Path().Equal(path.Root("cores")) {
					t.Fatalf("error is not on the attribute cores: %v", resp.Diagnostics)
				}
			}
		})
	}
}
