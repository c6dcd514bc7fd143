package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// MultipleOf validates that an integer is a positive multiple of n.
func MultipleOf(n int64) validator.Int64 { return multipleOfValidator{n: n} }

type multipleOfValidator struct{ n int64 }

func (v multipleOfValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a positive multiple of %d", v.n)
}

func (v multipleOfValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v multipleOfValidator) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if x := req.ConfigValue.ValueInt64(); x <= 0 || x%v.n != 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value",
			fmt.Sprintf("%s %s, got %d.", req.Path, v.Description(ctx), x))
	}
}
