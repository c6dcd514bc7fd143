package framework

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestPlanUnchanged(t *testing.T) {
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"name": tftypes.String}}
	obj := func(v any) tftypes.Value {
		return tftypes.NewValue(typ, map[string]tftypes.Value{"name": tftypes.NewValue(tftypes.String, v)})
	}
	null := tftypes.NewValue(typ, nil)
	for _, tc := range []struct {
		name        string
		plan, state tftypes.Value
		want        bool
	}{
		{"same values", obj("a"), obj("a"), true},
		{"a change", obj("b"), obj("a"), false},
		{"unknown in the plan", obj(tftypes.UnknownValue), obj("a"), false},
		{"create", obj("a"), null, false},
		{"destroy", null, obj("a"), false},
	} {
		req := resource.ModifyPlanRequest{Plan: tfsdk.Plan{Raw: tc.plan}, State: tfsdk.State{Raw: tc.state}}
		if got := PlanUnchanged(req); got != tc.want {
			t.Errorf("%s: PlanUnchanged = %t, want %t", tc.name, got, tc.want)
		}
	}
}
