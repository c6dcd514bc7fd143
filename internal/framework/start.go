package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// StartUpdate is the start of an Update: it reads the plan and the prior state into plan and
// state, then bounds ctx by the update timeout of t, the plan's `timeouts` block (a field of
// plan, read once the plan is). ok is false when any of it failed, with the error in diags;
// cancel must be called in every case.
func (b *ResourceBase) StartUpdate(ctx context.Context, req resource.UpdateRequest, plan, state any, t *timeouts.Value,
	diags *diag.Diagnostics) (context.Context, context.CancelFunc, bool) {
	diags.Append(GetPlan(ctx, req.Plan, plan)...)
	diags.Append(GetState(ctx, req.State, state)...)
	if diags.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel := b.UpdateContext(ctx, *t, diags)
	return ctx, cancel, !diags.HasError()
}

// StartDelete is the start of a Delete: it reads the state into state, then bounds ctx by the
// delete timeout of t, the state's `timeouts` block (a field of state, read once the state
// is). ok is false when either failed, with the error in diags; cancel must be called in
// every case.
func (b *ResourceBase) StartDelete(ctx context.Context, req resource.DeleteRequest, state any, t *timeouts.Value,
	diags *diag.Diagnostics) (context.Context, context.CancelFunc, bool) {
	diags.Append(GetState(ctx, req.State, state)...)
	if diags.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel := b.DeleteContext(ctx, *t, diags)
	return ctx, cancel, !diags.HasError()
}
