package planmodifiers_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/planmodifiers"
)

func TestInt32UseStateUnlessChanged(t *testing.T) {
	t.Parallel()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"cu":    schema.Int32Attribute{Optional: true},
		"slots": schema.Int32Attribute{Optional: true, Computed: true},
	}}
	objType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"cu": tftypes.Number, "slots": tftypes.Number}}
	object := func(cu, slots any) tftypes.Value {
		return tftypes.NewValue(objType, map[string]tftypes.Value{
			"cu": tftypes.NewValue(tftypes.Number, cu), "slots": tftypes.NewValue(tftypes.Number, slots),
		})
	}
	n := func(x int64) *big.Float { return big.NewFloat(float64(x)) }
	for name, tc := range map[string]struct {
		config, state types.Int32
		plannedCU     int64
		want          types.Int32
	}{
		"inputs unchanged: kept":      {config: types.Int32Null(), state: types.Int32Value(3), plannedCU: 2, want: types.Int32Value(3)},
		"input changed: unknown":      {config: types.Int32Null(), state: types.Int32Value(3), plannedCU: 4, want: types.Int32Unknown()},
		"configured: left as planned": {config: types.Int32Value(5), state: types.Int32Value(3), plannedCU: 2, want: types.Int32Unknown()},
		"no state value: unknown":     {config: types.Int32Null(), state: types.Int32Null(), plannedCU: 2, want: types.Int32Unknown()},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var stateSlots any
			if !tc.state.IsNull() {
				stateSlots = n(int64(tc.state.ValueInt32()))
			}
			req := planmodifier.Int32Request{
				Path:        path.Root("slots"),
				ConfigValue: tc.config,
				StateValue:  tc.state,
				PlanValue:   types.Int32Unknown(),
				Plan:        tfsdk.Plan{Schema: s, Raw: object(n(tc.plannedCU), tftypes.UnknownValue)},
				State:       tfsdk.State{Schema: s, Raw: object(n(2), stateSlots)},
			}
			resp := &planmodifier.Int32Response{PlanValue: req.PlanValue}
			planmodifiers.Int32UseStateUnlessChanged("cu").PlanModifyInt32(context.Background(), req, resp)
			if resp.Diagnostics.HasError() || !resp.PlanValue.Equal(tc.want) {
				t.Errorf("planned %v (%v), want %v", resp.PlanValue, resp.Diagnostics, tc.want)
			}
		})
	}
}
