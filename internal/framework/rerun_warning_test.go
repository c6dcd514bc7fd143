package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestWarnRerunOnTriggers(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"triggers": schema.MapAttribute{Optional: true, ElementType: types.StringType},
	}}
	objType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"triggers": tftypes.Map{ElementType: tftypes.String}}}
	value := func(kv map[string]any) tftypes.Value {
		if kv == nil {
			return tftypes.NewValue(objType, map[string]tftypes.Value{"triggers": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, nil)})
		}
		elems := map[string]tftypes.Value{}
		for k, v := range kv {
			elems[k] = tftypes.NewValue(tftypes.String, v)
		}
		return tftypes.NewValue(objType, map[string]tftypes.Value{"triggers": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, elems)})
	}
	unknown := tftypes.NewValue(objType, map[string]tftypes.Value{"triggers": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, tftypes.UnknownValue)})
	noObject := tftypes.NewValue(objType, nil)
	cases := map[string]struct {
		state, plan tftypes.Value
		want        string // "" for no warning
	}{
		"create":          {state: noObject, plan: value(map[string]any{"run": "1"})},
		"destroy":         {state: value(map[string]any{"run": "1"}), plan: noObject},
		"unchanged":       {state: value(map[string]any{"run": "1"}), plan: value(map[string]any{"run": "1"})},
		"changed":         {state: value(map[string]any{"run": "1", "same": "x"}), plan: value(map[string]any{"run": "2", "same": "x", "new": "y"}), want: `changed: "new", "run"`},
		"removed":         {state: value(map[string]any{"run": "1"}), plan: value(nil), want: `changed: "run"`},
		"unknown at plan": {state: value(map[string]any{"run": "1"}), plan: unknown, want: "not known until apply"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			req := resource.ModifyPlanRequest{State: tfsdk.State{Schema: s, Raw: c.state}, Plan: tfsdk.Plan{Schema: s, Raw: c.plan}}
			resp := &resource.ModifyPlanResponse{Plan: req.Plan}
			WarnRerunOnTriggers(context.Background(), req, resp, "SQL job")
			if resp.Diagnostics.ErrorsCount() > 0 {
				t.Fatalf("errors: %v", resp.Diagnostics)
			}
			warnings := resp.Diagnostics.Warnings()
			switch {
			case c.want == "" && len(warnings) > 0:
				t.Fatalf("unexpected warning: %v", warnings)
			case c.want != "" && len(warnings) != 1:
				t.Fatalf("want one warning, got %v", warnings)
			case c.want != "":
				w := warnings[0]
				if w.Summary() != "The SQL job will be submitted again" || !strings.Contains(w.Detail(), c.want) || !strings.Contains(w.Detail(), "run again") {
					t.Fatalf("warning %q: %q; want it to contain %q", w.Summary(), w.Detail(), c.want)
				}
			}
		})
	}
}
