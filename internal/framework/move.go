package framework

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// incumbentProvider is the namespace and type of the huaweicloud provider, whose
// huaweicloud_dli_* resources move to this provider's with `moved` blocks.
const incumbentProvider = "huaweicloud/huaweicloud"

// IncumbentState is the raw state of a huaweicloud_dli_* resource: its attributes as that
// provider stored them, decoded as JSON (numbers are float64). A MoveFromIncumbent rewrite
// renames and converts them into this provider's attributes in place.
type IncumbentState map[string]any

// Rename moves the value of the incumbent attribute from to the attribute to.
func (s IncumbentState) Rename(from, to string) {
	if v, ok := s[from]; ok {
		delete(s, from)
		s[to] = v
	}
}

// String returns the incumbent attribute as a string ("" when absent or not a string).
func (s IncumbentState) String(name string) string {
	v, _ := s[name].(string)
	return v
}

// IsIncumbentProvider reports whether a provider address (e.g.
// registry.terraform.io/huaweicloud/huaweicloud, or a mirror's host with the same namespace
// and type) is the huaweicloud provider.
func IsIncumbentProvider(address string) bool {
	_, nsType, found := strings.Cut(address, "/")
	return found && strings.EqualFold(nsType, incumbentProvider)
}

// MoveFromIncumbent is the StateMover taking a `moved` block from the huaweicloud provider's
// sourceType. It decodes the source state leniently, lets rewrite turn (or refuse, with an
// error) the incumbent's
// names, formats and ids into this resource's, keeps the attributes the target schema
// knows (the rest is dropped: this provider has no equivalent), sets null optional
// attributes that have a default to that default, and leaves everything else null for the
// next refresh to fill. No API call is made: Terraform moves state before configuring.
func MoveFromIncumbent(sourceType string, rewrite func(IncumbentState) error) resource.StateMover {
	return resource.StateMover{StateMover: func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
		if req.SourceTypeName != sourceType || !IsIncumbentProvider(req.SourceProviderAddress) {
			return // another mover, or the framework's "not supported" error
		}
		if req.SourceRawState == nil || len(req.SourceRawState.JSON) == 0 {
			resp.Diagnostics.AddError("Unable to move "+sourceType,
				"The source state has no attributes in JSON form; refresh it with the huaweicloud provider first.")
			return
		}
		state := IncumbentState{}
		if err := json.Unmarshal(req.SourceRawState.JSON, &state); err != nil {
			resp.Diagnostics.AddError("Unable to move "+sourceType, "The source state is not a JSON object: "+err.Error())
			return
		}
		if err := rewrite(state); err != nil {
			resp.Diagnostics.AddError("Unable to move "+sourceType, err.Error())
			return
		}
		DropEmpty(state)
		resp.Diagnostics.Append(setMovedState(ctx, state, resp)...)
	}}
}

// DropEmpty turns the incumbent's empty strings, lists and maps for unset arguments into
// absent (null) values, as this provider reads unset values, also inside its blocks (lists
// of objects). Maps, such as tags, keep their entries.
func DropEmpty(s map[string]any) {
	for k, v := range s {
		switch v := v.(type) {
		case string:
			if v == "" {
				delete(s, k)
			}
		case []any:
			for _, e := range v {
				if block, ok := e.(map[string]any); ok {
					DropEmpty(block)
				}
			}
			if len(v) == 0 {
				delete(s, k)
			}
		case map[string]any:
			if len(v) == 0 {
				delete(s, k)
			}
		}
	}
}

func setMovedState(ctx context.Context, s IncumbentState, resp *resource.MoveStateResponse) diag.Diagnostics {
	var diags diag.Diagnostics
	data, err := json.Marshal(s)
	if err != nil {
		diags.AddError("Unable to move resource state", err.Error())
		return diags
	}
	typ := resp.TargetState.Schema.Type().TerraformType(ctx)
	value, err := tftypes.ValueFromJSONWithOpts(data, typ, tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true})
	if err != nil {
		diags.AddError("Unable to move resource state",
			"An attribute of the huaweicloud state does not fit this resource's schema: "+err.Error())
		return diags
	}
	resp.TargetState.Raw = value
	sch, ok := resp.TargetState.Schema.(schema.Schema)
	if !ok {
		return diags
	}
	for name, attr := range sch.Attributes {
		if _, present := s[name]; present {
			continue
		}
		if v, ok := defaultOf(ctx, attr); ok {
			diags.Append(resp.TargetState.SetAttribute(ctx, path.Root(name), v)...)
		}
	}
	return diags
}

// defaultOf returns the default value of an attribute that has one.
func defaultOf(ctx context.Context, attr schema.Attribute) (any, bool) {
	switch a := attr.(type) {
	case schema.BoolAttribute:
		if a.Default != nil {
			r := &defaults.BoolResponse{}
			a.Default.DefaultBool(ctx, defaults.BoolRequest{}, r)
			return r.PlanValue, true
		}
	case schema.StringAttribute:
		if a.Default != nil {
			r := &defaults.StringResponse{}
			a.Default.DefaultString(ctx, defaults.StringRequest{}, r)
			return r.PlanValue, true
		}
	case schema.Int64Attribute:
		if a.Default != nil {
			r := &defaults.Int64Response{}
			a.Default.DefaultInt64(ctx, defaults.Int64Request{}, r)
			return r.PlanValue, true
		}
	case schema.Int32Attribute:
		if a.Default != nil {
			r := &defaults.Int32Response{}
			a.Default.DefaultInt32(ctx, defaults.Int32Request{}, r)
			return r.PlanValue, true
		}
	}
	return nil, false
}
