package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// readOrRemove is the Read of a resource whose model refreshes itself with readInto: the
// state is refreshed from the API, or removed when readInto reports the object gone.
func readOrRemove[M any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse,
	readInto func(context.Context, *M, *diag.Diagnostics) bool) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !readInto(ctx, &state, &resp.Diagnostics) {
		if !resp.Diagnostics.HasError() {
			resp.State.RemoveResource(ctx)
		}
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
