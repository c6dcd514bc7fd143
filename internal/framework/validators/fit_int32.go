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

// FitInt32 is a resource config validator for the named top-level Int32 attributes: a
// configured number that is not a whole number from -2147483648 to 2147483647 fails at plan
// with an error naming the attribute. The framework cannot convert such a number to an Int32
// and rejects it only with a generic "Configuration Read Error" that blames the provider;
// this error, reported beside it, says what to fix. The attribute's own validators check
// its documented range for every value that does fit.
func FitInt32(attributes ...string) resource.ConfigValidator { return fitInt32{attributes: attributes} }

type fitInt32 struct{ attributes []string }

func (v fitInt32) Description(context.Context) string {
	return fmt.Sprintf("%s must be whole numbers from %d to %d", strings.Join(v.attributes, ", "), math.MinInt32, math.MaxInt32)
}

func (v fitInt32) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v fitInt32) ValidateResource(_ context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	for _, name := range v.attributes {
		raw, _, err := tftypes.WalkAttributePath(req.Config.Raw, tftypes.NewAttributePath().WithAttributeName(name))
		if err != nil {
			continue
		}
		value, ok := raw.(tftypes.Value)
		if !ok || !value.IsKnown() || value.IsNull() {
			continue
		}
		var f big.Float
		if value.As(&f) != nil {
			continue
		}
		if n, accuracy := f.Int64(); !f.IsInt() || accuracy != big.Exact || n < math.MinInt32 || n > math.MaxInt32 {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Invalid value",
				fmt.Sprintf("%s must be a whole number from %d to %d (the API takes a 32-bit integer), got %s.",
					name, math.MinInt32, math.MaxInt32, f.Text('f', -1)))
		}
	}
}
