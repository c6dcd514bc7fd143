package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Int32MultipleOf validates that a 32-bit integer is a positive multiple of n (MultipleOf
// for attributes the API types as int32, such as a queue's CU count).
func Int32MultipleOf(n int32) validator.Int32 { return int32MultipleOf{n: n} }

type int32MultipleOf struct{ n int32 }

func (v int32MultipleOf) Description(context.Context) string {
	return fmt.Sprintf("must be a positive multiple of %d", v.n)
}

func (v int32MultipleOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v int32MultipleOf) ValidateInt32(ctx context.Context, req validator.Int32Request, resp *validator.Int32Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if x := req.ConfigValue.ValueInt32(); x <= 0 || x%v.n != 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value",
			fmt.Sprintf("%s %s, got %d.", req.Path, v.Description(ctx), x))
	}
}
