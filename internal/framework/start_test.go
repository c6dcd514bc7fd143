package framework

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type startModel struct {
	Name     types.String   `tfsdk:"name"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// startState is a state of a resource with a name and a timeouts block setting delete.
func startState(t *testing.T, deleteTimeout string) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	s := schema.Schema{
		Attributes: map[string]schema.Attribute{"name": schema.StringAttribute{Required: true}},
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx, timeouts.Opts{Delete: true})},
	}
	typ, ok := s.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("schema type %T is not an object", s.Type().TerraformType(ctx))
	}
	tt := typ.AttributeTypes["timeouts"]
	raw := tftypes.NewValue(typ, map[string]tftypes.Value{
		"name":     tftypes.NewValue(tftypes.String, "q1"),
		"timeouts": tftypes.NewValue(tt, map[string]tftypes.Value{"delete": tftypes.NewValue(tftypes.String, deleteTimeout)}),
	})
	return tfsdk.State{Schema: s, Raw: raw}
}

func TestStartDelete(t *testing.T) {
	t.Parallel()
	b := NewResourceBase("x", Timeouts{Delete: time.Hour})
	var state startModel
	var diags diag.Diagnostics
	ctx, cancel, ok := b.StartDelete(context.Background(), resource.DeleteRequest{State: startState(t, "2m")}, &state, &state.Timeouts, &diags)
	defer cancel()
	if !ok || diags.HasError() {
		t.Fatalf("StartDelete failed: %v", diags)
	}
	if state.Name.ValueString() != "q1" {
		t.Errorf("state not read: %+v", state)
	}
	deadline, has := ctx.Deadline()
	if left := time.Until(deadline); !has || left > 2*time.Minute || left < time.Minute {
		t.Errorf("want a deadline in 2m (the timeouts block), got %v", left)
	}

	_, cancel2, ok := b.StartDelete(context.Background(), resource.DeleteRequest{State: startState(t, "soon")}, &state, &state.Timeouts, &diags)
	defer cancel2()
	if ok || !diags.HasError() {
		t.Error("StartDelete accepted an invalid delete timeout")
	}
}
