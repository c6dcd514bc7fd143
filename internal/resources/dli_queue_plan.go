package resources

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

// queueCreateCUs are the only CU counts DLI accepts when a queue is created (§6.1).
var queueCreateCUs = []int32{16, 64, 256}

// ValidateConfig applies the rules that span scaling policies and the property values.
func (r *dliQueueResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var policies types.Set
	var props types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("scaling_policies"), &policies)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("properties"), &props)...)
	validatePolicies(ctx, policies, &resp.Diagnostics)
	validateProperties(props, &resp.Diagnostics)
}

// ConfigValidators rejects, naming the attribute, integers that do not fit the API's int32.
func (r *dliQueueResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{validators.Int32Attributes()}
}

// ModifyPlan rejects a queue that does not fit its (existing) pool, and a create (or
// replacement) whose cu_count DLI does not accept at create.
func (r *dliQueueResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || framework.PlanUnchanged(req) {
		return // destroy, or nothing changes: nothing to fit into the pool, nothing created
	}
	var pool types.String
	var policies types.Set
	var cu types.Int32
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("elastic_resource_pool_name"), &pool)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("scaling_policies"), &policies)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("cu_count"), &cu)...)
	r.checkFitsPool(ctx, pool, cu, policies, resp)
	creating := req.State.Raw.IsNull() || len(resp.RequiresReplace) > 0
	if !creating {
		return
	}
	if cu.IsNull() || cu.IsUnknown() || slices.Contains(queueCreateCUs, cu.ValueInt32()) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("cu_count"), "Invalid cu_count for a new queue",
		fmt.Sprintf("cu_count must be 16, 64 or 256 when a queue is created, got %d. "+
			"Create the queue with one of these and change cu_count afterwards to scale it (any multiple of 16).", cu.ValueInt32()))
}
