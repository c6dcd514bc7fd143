package protoserver

import (
	"bytes"
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// unchangedPlans answers the plans of unchanged objects without the framework.
//
// In a plan of an unchanged estate Terraform proposes, for every resource, its prior state
// as it is. The framework still decodes the configuration, the proposal and the prior
// state, applies the defaults, walks every attribute's plan modifiers, runs ModifyPlan and
// encodes the result: about half of the provider's CPU time in such a plan, growing with
// the square of the number of attributes (each step of each attribute path copies the
// schema's attribute map). Its answer is the prior state unless a default or a write-only
// attribute changes it, or the resource's own plan logic does. unchangedPlans gives that
// answer directly when the resource declares it has no such logic for the object
// (framework.UnchangedPlanner) and neither the defaults nor the write-only attributes
// change anything; otherwise the framework plans as usual.
type unchangedPlans struct {
	newProvider func() provider.Provider
	once        sync.Once
	types       map[string]*resourcePlanning
}

// resourcePlanning is what the fast path needs to know of one resource type.
type resourcePlanning struct {
	stateType    tftypes.Type
	identityType tftypes.Type // nil without a resource identity
	planner      framework.UnchangedPlanner
	checks       schemaChecks
}

func newUnchangedPlans(p func() provider.Provider) *unchangedPlans {
	return &unchangedPlans{newProvider: p}
}

// load reads every resource type's schema, once per process (only a process that plans
// pays for it).
func (u *unchangedPlans) load(ctx context.Context) {
	u.once.Do(func() {
		u.types = map[string]*resourcePlanning{}
		p := u.newProvider()
		var meta provider.MetadataResponse
		p.Metadata(ctx, provider.MetadataRequest{}, &meta)
		for _, factory := range p.Resources(ctx) {
			r := factory()
			planner, ok := r.(framework.UnchangedPlanner)
			if !ok {
				continue
			}
			var md resource.MetadataResponse
			r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
			var sch resource.SchemaResponse
			r.Schema(ctx, resource.SchemaRequest{}, &sch)
			if sch.Diagnostics.HasError() {
				continue
			}
			rp := &resourcePlanning{stateType: sch.Schema.Type().TerraformType(ctx), planner: planner, checks: checksOf(ctx, sch.Schema)}
			if rp.checks.opaque {
				continue
			}
			if ri, ok := r.(resource.ResourceWithIdentity); ok {
				var id resource.IdentitySchemaResponse
				ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &id)
				if id.Diagnostics.HasError() {
					continue
				}
				rp.identityType = id.IdentitySchema.Type().TerraformType(ctx)
			}
			u.types[md.TypeName] = rp
		}
	})
}

// plan answers req with its prior state when that is what the framework would plan, and
// reports whether it did.
func (u *unchangedPlans) plan(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, bool) {
	if req.PriorState == nil || req.ProposedNewState == nil || len(req.PriorState.MsgPack) == 0 ||
		!bytes.Equal(req.PriorState.MsgPack, req.ProposedNewState.MsgPack) {
		return nil, false
	}
	u.load(ctx)
	rp := u.types[req.TypeName]
	if rp == nil {
		return nil, false
	}
	if req.Config == nil {
		return nil, false
	}
	prior, err := req.PriorState.Unmarshal(rp.stateType)
	if err != nil || prior.IsNull() || !rp.checks.writeOnlyNull(prior) {
		return nil, false
	}
	config, err := req.Config.Unmarshal(rp.stateType)
	if err != nil || !rp.checks.defaultsHold(prior, config) || !rp.planner.PriorIsUnchangedPlan(prior, config) {
		return nil, false
	}
	resp := &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}
	switch {
	case req.PriorIdentity != nil:
		resp.PlannedIdentity = req.PriorIdentity
	case rp.identityType != nil:
		// Terraform before 1.12 sends no identity; the framework plans a null one.
		null, err := tfprotov6.NewDynamicValue(rp.identityType, tftypes.NewValue(rp.identityType, nil))
		if err != nil {
			return nil, false
		}
		resp.PlannedIdentity = &tfprotov6.ResourceIdentityData{IdentityData: &null}
	}
	return resp, true
}
