package protoserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// stepKind is how a path pattern goes one level down into a state value.
type stepKind int

const (
	stepAttribute stepKind = iota // the named attribute of an object
	stepList                      // every element of a list, matched to the configuration's by index
	stepMap                       // every value of a map, matched to the configuration's by key
	stepSet                       // every element of a set, which has no counterpart in the configuration
)

type step struct {
	kind stepKind
	name string // for stepAttribute
}

// defaultCheck is an attribute with a default: where it is and the value the framework plans
// for it when the configuration leaves it null.
type defaultCheck struct {
	at    []step
	value tftypes.Value
}

// schemaChecks is what the framework's planning could change in a proposed state equal to
// the prior state, for one resource schema: the defaults it applies where the configuration
// is null, and the write-only attributes it sets to null.
type schemaChecks struct {
	defaults  []defaultCheck
	writeOnly [][]step
	// opaque is set when the schema has a block kind these checks cannot look into.
	opaque bool
}

// checksOf collects the checks of a resource schema. Defaults must be static, as the
// framework's stringdefault.StaticString and its siblings are: each is evaluated once.
func checksOf(ctx context.Context, s schema.Schema) schemaChecks {
	var c schemaChecks
	c.collect(ctx, s.Attributes, s.Blocks, nil)
	return c
}

func (c *schemaChecks) collect(ctx context.Context, attrs map[string]schema.Attribute, blocks map[string]schema.Block, prefix []step) {
	for name, a := range attrs {
		at := append(append([]step(nil), prefix...), step{kind: stepAttribute, name: name})
		if v, ok, err := defaultOf(ctx, a, path.Root(name)); err {
			c.opaque = true
		} else if ok {
			c.defaults = append(c.defaults, defaultCheck{at: at, value: v})
		}
		if a.IsWriteOnly() {
			c.writeOnly = append(c.writeOnly, at)
		}
		switch n := a.(type) {
		case schema.ListNestedAttribute:
			c.collect(ctx, n.NestedObject.Attributes, nil, append(at, step{kind: stepList}))
		case schema.SetNestedAttribute:
			c.collect(ctx, n.NestedObject.Attributes, nil, append(at, step{kind: stepSet}))
		case schema.MapNestedAttribute:
			c.collect(ctx, n.NestedObject.Attributes, nil, append(at, step{kind: stepMap}))
		case schema.SingleNestedAttribute:
			c.collect(ctx, n.Attributes, nil, at)
		}
	}
	for name, b := range blocks {
		at := append(append([]step(nil), prefix...), step{kind: stepAttribute, name: name})
		switch b := b.(type) {
		case schema.ListNestedBlock:
			c.collect(ctx, b.NestedObject.Attributes, b.NestedObject.Blocks, append(at, step{kind: stepList}))
		case schema.SetNestedBlock:
			c.collect(ctx, b.NestedObject.Attributes, b.NestedObject.Blocks, append(at, step{kind: stepSet}))
		case schema.SingleNestedBlock:
			c.collect(ctx, b.Attributes, b.Blocks, at)
		default:
			c.opaque = true
		}
	}
}

// defaultOf evaluates the default of a, if it has one; failed reports a default that could
// not be evaluated.
func defaultOf(ctx context.Context, a schema.Attribute, p path.Path) (v tftypes.Value, ok, failed bool) {
	var planned attr.Value
	var diags diag.Diagnostics
	switch a := a.(type) {
	case interface{ StringDefaultValue() defaults.String }:
		if d := a.StringDefaultValue(); d != nil {
			var r defaults.StringResponse
			d.DefaultString(ctx, defaults.StringRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ BoolDefaultValue() defaults.Bool }:
		if d := a.BoolDefaultValue(); d != nil {
			var r defaults.BoolResponse
			d.DefaultBool(ctx, defaults.BoolRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ Int64DefaultValue() defaults.Int64 }:
		if d := a.Int64DefaultValue(); d != nil {
			var r defaults.Int64Response
			d.DefaultInt64(ctx, defaults.Int64Request{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ Int32DefaultValue() defaults.Int32 }:
		if d := a.Int32DefaultValue(); d != nil {
			var r defaults.Int32Response
			d.DefaultInt32(ctx, defaults.Int32Request{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ Float64DefaultValue() defaults.Float64 }:
		if d := a.Float64DefaultValue(); d != nil {
			var r defaults.Float64Response
			d.DefaultFloat64(ctx, defaults.Float64Request{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ Float32DefaultValue() defaults.Float32 }:
		if d := a.Float32DefaultValue(); d != nil {
			var r defaults.Float32Response
			d.DefaultFloat32(ctx, defaults.Float32Request{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ NumberDefaultValue() defaults.Number }:
		if d := a.NumberDefaultValue(); d != nil {
			var r defaults.NumberResponse
			d.DefaultNumber(ctx, defaults.NumberRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ ListDefaultValue() defaults.List }:
		if d := a.ListDefaultValue(); d != nil {
			var r defaults.ListResponse
			d.DefaultList(ctx, defaults.ListRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ SetDefaultValue() defaults.Set }:
		if d := a.SetDefaultValue(); d != nil {
			var r defaults.SetResponse
			d.DefaultSet(ctx, defaults.SetRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ MapDefaultValue() defaults.Map }:
		if d := a.MapDefaultValue(); d != nil {
			var r defaults.MapResponse
			d.DefaultMap(ctx, defaults.MapRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ ObjectDefaultValue() defaults.Object }:
		if d := a.ObjectDefaultValue(); d != nil {
			var r defaults.ObjectResponse
			d.DefaultObject(ctx, defaults.ObjectRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ DynamicDefaultValue() defaults.Dynamic }:
		if d := a.DynamicDefaultValue(); d != nil {
			var r defaults.DynamicResponse
			d.DefaultDynamic(ctx, defaults.DynamicRequest{Path: p}, &r)
			planned, diags = r.PlanValue, r.Diagnostics
		}
	}
	if planned == nil {
		return tftypes.Value{}, false, false
	}
	if diags.HasError() {
		return tftypes.Value{}, false, true
	}
	v, err := planned.ToTerraformValue(ctx)
	if err != nil {
		return tftypes.Value{}, false, true
	}
	return v, true, false
}

// defaultsHold reports whether applying the defaults leaves prior as it is: wherever config
// is null at a defaulted attribute, prior already holds the default.
func (c *schemaChecks) defaultsHold(prior, config tftypes.Value) bool {
	for _, d := range c.defaults {
		if !holds(prior, config, d.at, func(p, c tftypes.Value) bool { return !isNull(c) || p.Equal(d.value) }) {
			return false
		}
	}
	return true
}

// writeOnlyNull reports whether every write-only attribute of prior is null, as the
// framework plans them.
func (c *schemaChecks) writeOnlyNull(prior tftypes.Value) bool {
	for _, at := range c.writeOnly {
		if !holds(prior, tftypes.Value{}, at, func(p, _ tftypes.Value) bool { return isNull(p) }) {
			return false
		}
	}
	return true
}

// holds reports whether ok holds for every value at the path pattern at in prior, each with
// its counterpart in config (the zero Value where there is none). Nothing is below a null.
func holds(prior, config tftypes.Value, at []step, ok func(prior, config tftypes.Value) bool) bool {
	if len(at) == 0 {
		return ok(prior, config)
	}
	if isNull(prior) || !prior.IsKnown() {
		return true
	}
	switch at[0].kind {
	case stepAttribute, stepMap:
		var p, c map[string]tftypes.Value
		if prior.As(&p) != nil {
			return false
		}
		if !isNull(config) && config.IsKnown() && config.As(&c) != nil {
			return false
		}
		if at[0].kind == stepAttribute {
			return holds(p[at[0].name], c[at[0].name], at[1:], ok)
		}
		for k, e := range p {
			if !holds(e, c[k], at[1:], ok) {
				return false
			}
		}
		return true
	case stepList, stepSet:
		var p, c []tftypes.Value
		if prior.As(&p) != nil {
			return false
		}
		if at[0].kind == stepList && !isNull(config) && config.IsKnown() && config.As(&c) != nil {
			return false
		}
		for i, e := range p {
			var ce tftypes.Value
			if i < len(c) {
				ce = c[i]
			}
			if !holds(e, ce, at[1:], ok) {
				return false
			}
		}
		return true
	}
	return false
}

// isNull reports whether v is null or absent (the zero Value reads as null).
func isNull(v tftypes.Value) bool { return v.IsNull() }
