// Package planmodifiers holds the plan modifiers the framework's own do not cover.
package planmodifiers

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// Int32UseStateUnlessChanged keeps the state's value of an optional computed attribute that
// is not configured while none of the attributes it is derived from (inputs, top-level
// names) changes; when one does, the API derives it again, so it stays unknown.
func Int32UseStateUnlessChanged(inputs ...string) planmodifier.Int32 {
	return useStateUnlessChanged{inputs: inputs}
}

type useStateUnlessChanged struct{ inputs []string }

func (m useStateUnlessChanged) Description(context.Context) string {
	return fmt.Sprintf("keeps the derived value while %s do not change", strings.Join(m.inputs, ", "))
}

func (m useStateUnlessChanged) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m useStateUnlessChanged) PlanModifyInt32(ctx context.Context, req planmodifier.Int32Request, resp *planmodifier.Int32Response) {
	if !req.ConfigValue.IsNull() || req.StateValue.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	for _, name := range m.inputs {
		var planned, current attr.Value
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(name), &current)...)
		if resp.Diagnostics.HasError() || planned == nil || !planned.Equal(current) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}
