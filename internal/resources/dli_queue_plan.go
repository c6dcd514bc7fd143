package resources

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

// queueCreateCUs are the only CU counts DLI accepts when a queue is created (§6.1).
var queueCreateCUs = []int32{16, 64, 256}

// ConfigValidators rejects, naming the attribute, integers that do not fit the API's int32.
func (r *dliQueueResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{validators.Int32Attributes()}
}

// ModifyPlan rejects a create (or replacement) whose cu_count DLI does not accept at create.
func (r *dliQueueResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	creating := req.State.Raw.IsNull() || len(resp.RequiresReplace) > 0
	if !creating {
		return
	}
	var cu types.Int32
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("cu_count"), &cu)...)
	if cu.IsNull() || cu.IsUnknown() || slices.Contains(queueCreateCUs, cu.ValueInt32()) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("cu_count"), "Invalid cu_count for a new queue",
		fmt.Sprintf("cu_count must be 16, 64 or 256 when a queue is created, got %d. "+
			"Create the queue with one of these and change cu_count afterwards to scale it (any multiple of 16).", cu.ValueInt32()))
}
