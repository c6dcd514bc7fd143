package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

var _ resource.ResourceWithModifyPlan = (*dliBatchJobResource)(nil)

// ModifyPlan warns when a triggers change will submit the batch job again.
func (r *dliBatchJobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	framework.WarnRerunOnTriggers(ctx, req, resp, "batch job")
}
