package validators

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestFitsInt32(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"cu_count": schema.Int32Attribute{Required: true},
		"other":    schema.Int32Attribute{Optional: true},
	}}
	objType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"cu_count": tftypes.Number, "other": tftypes.Number}}
	config := func(cu tftypes.Value) tfsdk.Config {
		return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(objType, map[string]tftypes.Value{
			"cu_count": cu,
			"other":    tftypes.NewValue(tftypes.Number, big.NewFloat(1e12)), // not checked
		})}
	}
	number := func(f *big.Float) tftypes.Value { return tftypes.NewValue(tftypes.Number, f) }
	cases := map[string]struct {
		value tftypes.Value
		want  string // "" for valid
	}{
		"in range":      {value: number(big.NewFloat(16))},
		"max int32":     {value: number(big.NewFloat(2147483647))},
		"min int32":     {value: number(big.NewFloat(-2147483648))},
		"null":          {value: tftypes.NewValue(tftypes.Number, nil)},
		"unknown":       {value: tftypes.NewValue(tftypes.Number, tftypes.UnknownValue)},
		"beyond int32":  {value: number(big.NewFloat(2147483664)), want: "cu_count must be a 32-bit integer, from -2147483648 to 2147483647; got 2147483664."},
		"below int32":   {value: number(big.NewFloat(-2147483649)), want: "got -2147483649."},
		"beyond int64":  {value: number(new(big.Float).SetMantExp(big.NewFloat(1), 80)), want: "cu_count must be a 32-bit integer"},
		"not a integer": {value: number(big.NewFloat(16.5)), want: "cu_count must be a whole number; got 16.5."},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resp := &resource.ValidateConfigResponse{}
			FitsInt32("cu_count", "missing").ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: config(tc.value)}, resp)
			switch {
			case tc.want == "" && resp.Diagnostics.HasError():
				t.Fatalf("unexpected error: %v", resp.Diagnostics)
			case tc.want != "" && len(resp.Diagnostics.Errors()) != 1:
				t.Fatalf("got %d errors (%v), want one containing %q", len(resp.Diagnostics.Errors()), resp.Diagnostics, tc.want)
			case tc.want != "":
				if got := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(got, tc.want) {
					t.Fatalf("error %q does not contain %q", got, tc.want)
				}
			}
		})
	}
}
