package framework

import "github.com/hashicorp/terraform-plugin-go/tftypes"

// UnchangedPlanner is implemented by a resource whose plan of an unchanged configuration
// is its prior state: when Terraform proposes the prior state as it is, neither the
// resource's ModifyPlan nor any of its attribute plan modifiers changes the plan, asks for
// a replacement or adds a diagnostic. The provider then answers such a plan without running
// the framework's planning, which costs most of a plan of an unchanged estate (see
// internal/protoserver); defaults and write-only attributes are checked there, not here.
//
// PriorIsUnchangedPlan reports whether that holds for the object whose prior state is
// prior, configured as config (both object values of the resource's schema type).
type UnchangedPlanner interface {
	PriorIsUnchangedPlan(prior, config tftypes.Value) bool
}

// PlansUnchangedAsPrior is embedded in a resource to declare that its plan of an unchanged
// configuration is always its prior state (see UnchangedPlanner). Only a resource whose
// ModifyPlan and plan modifiers do nothing when the plan equals the state may embed it.
type PlansUnchangedAsPrior struct{}

// PriorIsUnchangedPlan reports true: the plan of an unchanged configuration is the prior
// state.
func (PlansUnchangedAsPrior) PriorIsUnchangedPlan(_, _ tftypes.Value) bool { return true }
