package validators

import (
	"context"
	"fmt"
	"math"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Int32Attributes is a resource ConfigValidator that fails at plan, naming the attribute,
// when a top-level Int32 attribute is configured with a number that is not a 32-bit
// integer. The framework rejects such a number before any attribute validator runs, with
// an internal "Configuration Read Error" that does not say what is wrong; this says it.
func Int32Attributes() resource.ConfigValidator { return int32Attributes{} }

type int32Attributes struct{}

var (
	minInt32 = big.NewFloat(math.MinInt32)
	maxInt32 = big.NewFloat(math.MaxInt32)
)

func (int32Attributes) Description(context.Context) string {
	return fmt.Sprintf("integer attributes are 32-bit integers, from %d to %d", math.MinInt32, math.MaxInt32)
}

func (v int32Attributes) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (int32Attributes) ValidateResource(_ context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var values map[string]tftypes.Value
	if !req.Config.Raw.IsKnown() || req.Config.Raw.IsNull() || req.Config.Raw.As(&values) != nil {
		return
	}
	for name, a := range req.Config.Schema.GetAttributes() {
		if _, ok := a.GetType().(basetypes.Int32Typable); !ok {
			continue
		}
		v, ok := values[name]
		if !ok || !v.IsKnown() || v.IsNull() {
			continue
		}
		n := new(big.Float)
		if v.As(&n) != nil || n == nil {
			continue
		}
		if !n.IsInt() || n.Cmp(minInt32) < 0 || n.Cmp(maxInt32) > 0 {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Invalid number",
				fmt.Sprintf("%s is %s, which is not a 32-bit integer (a whole number from %d to %d).",
					name, n.Text('f', -1), math.MinInt32, math.MaxInt32))
		}
	}
}
