package validators

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// FitsInt32 is a resource config validator for top-level Int32 attributes: a configured
// value beyond the 32-bit range (or not a whole number) fails at plan with an error naming
// the attribute and the range. The framework's own conversion of such a value to Int32
// fails too, but with a "Configuration Read Error" that blames the provider and does not
// say what the limit is; attribute validators (int32validator.Between) never run for it, as
// the value cannot be converted for them. This validator reads the raw configuration, which
// needs no conversion, and runs before the schema's validation.
func FitsInt32(attributes ...string) resource.ConfigValidator {
	return fitsInt32{attributes: attributes}
}

type fitsInt32 struct{ attributes []string }

func (v fitsInt32) Description(context.Context) string {
	return fmt.Sprintf("%s must be whole numbers from %d to %d", strings.Join(v.attributes, ", "), math.MinInt32, math.MaxInt32)
}

func (v fitsInt32) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v fitsInt32) ValidateResource(_ context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	for _, name := range v.attributes {
		raw, _, err := tftypes.WalkAttributePath(req.Config.Raw, tftypes.NewAttributePath().WithAttributeName(name))
		if err != nil {
			continue
		}
		val, ok := raw.(tftypes.Value)
		if !ok || !val.IsKnown() || val.IsNull() || !val.Type().Is(tftypes.Number) {
			continue
		}
		n := new(big.Float)
		if err := val.As(&n); err != nil || n == nil {
			continue
		}
		var problem string
		if !n.IsInt() {
			problem = "a whole number"
		} else if i, acc := n.Int64(); acc != big.Exact || i < math.MinInt32 || i > math.MaxInt32 {
			problem = fmt.Sprintf("a 32-bit integer, from %d to %d", math.MinInt32, math.MaxInt32)
		}
		if problem != "" {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Value out of range",
				fmt.Sprintf("%s must be %s; got %s.", name, problem, n.Text('f', -1)))
		}
	}
}
