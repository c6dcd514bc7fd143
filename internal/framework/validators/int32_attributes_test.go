package validators_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestInt32Attributes(t *testing.T) {
	t.Parallel()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"cu":    schema.Int32Attribute{Optional: true},
		"bytes": schema.Int64Attribute{Optional: true},
	}}
	objType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"cu": tftypes.Number, "bytes": tftypes.Number}}
	config := func(cu any) tfsdk.Config {
		return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(objType, map[string]tftypes.Value{
			"cu":    tftypes.NewValue(tftypes.Number, cu),
			"bytes": tftypes.NewValue(tftypes.Number, big.NewFloat(1<<40)), // Int64: never checked
		})}
	}
	for name, tc := range map[string]struct {
		cu   any
		want string // "" for no error
	}{
		"in range":    {cu: big.NewFloat(400)},
		"max int32":   {cu: big.NewFloat(2147483647)},
		"min int32":   {cu: big.NewFloat(-2147483648)},
		"null":        {cu: nil},
		"unknown":     {cu: tftypes.UnknownValue},
		"over int32":  {cu: big.NewFloat(2147483648), want: "cu is 2147483648, which is not a 32-bit integer"},
		"under int32": {cu: big.NewFloat(-2147483649), want: "cu is -2147483649, which is not a 32-bit integer"},
		"fraction":    {cu: big.NewFloat(2.5), want: "cu is 2.5, which is not a 32-bit integer"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resp := &resource.ValidateConfigResponse{}
			validators.Int32Attributes().ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: config(tc.cu)}, resp)
			switch {
			case tc.want == "" && resp.Diagnostics.HasError():
				t.Errorf("unexpected error: %v", resp.Diagnostics)
			case tc.want != "" && (resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.want)):
				t.Errorf("got %v, want one error containing %q", resp.Diagnostics, tc.want)
			}
		})
	}
}
