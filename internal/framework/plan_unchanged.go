package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// PlanUnchanged reports whether the plan of req is the prior state as it is: a no-op plan
// of an existing object. A ModifyPlan that only compares plan and state (to warn or to
// refuse a change) has nothing to do then and can skip decoding them: each Get of a whole
// model goes through the framework's reflection (a few hundred microseconds for the larger
// models), once per resource in every plan of an unchanged estate.
func PlanUnchanged(req resource.ModifyPlanRequest) bool {
	return !req.Plan.Raw.IsNull() && !req.State.Raw.IsNull() && req.Plan.Raw.Equal(req.State.Raw)
}
