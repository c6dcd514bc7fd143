package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestAccepts(t *testing.T) {
	t.Parallel()
	v := stringvalidator.LengthBetween(1, 3)
	if !Accepts(context.Background(), v, "name", "abc") {
		t.Error("Accepts rejected a valid value")
	}
	if Accepts(context.Background(), v, "name", "abcd") {
		t.Error("Accepts accepted an invalid value")
	}
}

func TestSetImported(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":            schema.StringAttribute{Computed: true},
		"name":          schema.StringAttribute{Required: true},
		"force_destroy": schema.BoolAttribute{Optional: true},
	}}
	resp := &resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}}
	SetImported(ctx, resp, map[string]any{"id": "q1", "name": "q1", "force_destroy": false})
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	var name string
	var force bool
	resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("force_destroy"), &force)...)
	if resp.Diagnostics.HasError() || name != "q1" || force {
		t.Errorf("got name %q, force_destroy %v (%v)", name, force, resp.Diagnostics)
	}
}
