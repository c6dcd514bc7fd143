package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// SetUseStateUnlessChanged is Int32UseStateUnlessChanged for a set attribute (e.g. the
// scaling policies DLI gives a queue while the queue's pool does not change).
func SetUseStateUnlessChanged(inputs ...string) planmodifier.Set {
	return useStateUnlessChanged{inputs: inputs}
}

func (m useStateUnlessChanged) PlanModifySet(ctx context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
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
