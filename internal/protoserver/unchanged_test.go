package protoserver

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/provider"
)

// sampleKind is how a generated configuration sets the optional computed attributes.
type sampleKind int

const (
	sampleDefaults sampleKind = iota // left null: the prior state holds the defaults
	sampleExplicit                   // set, to values other than the defaults
	sampleDrifted                    // left null, while the prior state holds other values than the defaults
	sampleNulls                      // every optional attribute left null
)

func (k sampleKind) String() string {
	return [...]string{"defaults", "explicit", "drifted", "nulls"}[k]
}

// sampleOverrides are prior-state values a resource needs for its unchanged plan to be the
// prior state at all (a Flink job whose status is the desired one).
var sampleOverrides = map[string]map[string]tftypes.Value{
	"huaweidata_dli_flink_sql_job": {"status": tftypes.NewValue(tftypes.String, "job_running")},
	"huaweidata_dli_flink_jar_job": {"status": tftypes.NewValue(tftypes.String, "job_running")},
}

// TestUnchangedPlanIsTheFrameworksPlan plans generated unchanged objects of every resource
// type both ways: whenever the fast path answers, its answer must be the framework's, and
// it must answer for every resource that declares its unchanged plans are the prior state.
func TestUnchangedPlanIsTheFrameworksPlan(t *testing.T) {
	ctx := context.Background()
	newProvider := provider.New("test")
	framework := providerserver.NewProtocol6(newProvider())()
	fast := newUnchangedPlans(newProvider)
	fast.load(ctx)
	p := newProvider()
	var meta fwprovider.MetadataResponse
	p.Metadata(ctx, fwprovider.MetadataRequest{}, &meta)
	answered := map[string]int{}
	for _, factory := range p.Resources(ctx) {
		r := factory()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		var sch resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sch)
		for _, kind := range []sampleKind{sampleDefaults, sampleExplicit, sampleDrifted, sampleNulls} {
			prior, config := sampleObject(ctx, sch.Schema.Attributes, sch.Schema.Blocks, kind)
			if kind != sampleDrifted { // drifted: the status is not the desired one either
				for name, v := range sampleOverrides[md.TypeName] {
					prior[name] = v
				}
			}
			req := planRequest(t, ctx, sch.Schema, md.TypeName, prior, config, kind, fast.types[md.TypeName])
			got, ok := fast.plan(ctx, req)
			if !ok {
				continue
			}
			answered[md.TypeName]++
			want, err := framework.PlanResourceChange(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if msg := samePlan(want, got); msg != "" {
				t.Errorf("%s (%s sample): the fast path answers differently from the framework: %s", md.TypeName, kind, msg)
			}
		}
		if _, declared := fast.types[md.TypeName]; declared && answered[md.TypeName] == 0 {
			t.Errorf("%s declares its unchanged plans are its prior state, but the fast path never answered", md.TypeName)
		}
	}
	if len(answered) < 15 {
		t.Errorf("the fast path answered for %d resource types: %v", len(answered), answered)
	}
}

// TestUnchangedPlanLeavesChangesToTheFramework: a proposal other than the prior state, a
// drifted default and a resource without the declaration are all planned by the framework.
func TestUnchangedPlanLeavesChangesToTheFramework(t *testing.T) {
	ctx := context.Background()
	fast := newUnchangedPlans(provider.New("test"))
	fast.load(ctx)
	database := fast.types["huaweidata_dli_database"]
	if database == nil {
		t.Fatal("huaweidata_dli_database does not use the fast path")
	}
	obj := func(description, configDescription tftypes.Value) (tftypes.Value, tftypes.Value) {
		attrs := map[string]tftypes.Value{}
		cfg := map[string]tftypes.Value{}
		for name, typ := range objectAttributes(database.stateType) {
			attrs[name] = tftypes.NewValue(typ, nil)
			cfg[name] = tftypes.NewValue(typ, nil)
		}
		attrs["name"] = tftypes.NewValue(tftypes.String, "sales")
		cfg["name"] = attrs["name"]
		attrs["id"] = attrs["name"]
		attrs["force_destroy"] = tftypes.NewValue(tftypes.Bool, false)
		attrs["description"], cfg["description"] = description, configDescription
		return tftypes.NewValue(database.stateType, attrs), tftypes.NewValue(database.stateType, cfg)
	}
	dv := func(v tftypes.Value) *tfprotov6.DynamicValue {
		d, err := tfprotov6.NewDynamicValue(database.stateType, v)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	nullString := tftypes.NewValue(tftypes.String, nil)
	prior, config := obj(tftypes.NewValue(tftypes.String, ""), nullString)
	req := &tfprotov6.PlanResourceChangeRequest{TypeName: "huaweidata_dli_database", PriorState: dv(prior), ProposedNewState: dv(prior), Config: dv(config)}
	if _, ok := fast.plan(ctx, req); !ok {
		t.Fatal("an unchanged database with its default description is not answered by the fast path")
	}
	drifted, config := obj(tftypes.NewValue(tftypes.String, "changed in the console"), nullString)
	req.PriorState, req.ProposedNewState, req.Config = dv(drifted), dv(drifted), dv(config)
	if _, ok := fast.plan(ctx, req); ok {
		t.Error("a description drifted from its default (which the framework plans back) is answered by the fast path")
	}
	explicit, config := obj(tftypes.NewValue(tftypes.String, "set"), tftypes.NewValue(tftypes.String, "set"))
	req.PriorState, req.ProposedNewState, req.Config = dv(explicit), dv(explicit), dv(config)
	if _, ok := fast.plan(ctx, req); !ok {
		t.Error("a configured description is not answered by the fast path")
	}
	req.ProposedNewState = dv(prior)
	if _, ok := fast.plan(ctx, req); ok {
		t.Error("a proposal that differs from the prior state is answered by the fast path")
	}
	req.TypeName = "huaweidata_dli_undeclared"
	req.ProposedNewState = req.PriorState
	if _, ok := fast.plan(ctx, req); ok {
		t.Error("a resource type without the declaration is answered by the fast path")
	}
}

// planRequest is Terraform's plan of an unchanged object: the proposal is the prior state.
func planRequest(t *testing.T, ctx context.Context, s schema.Schema, typeName string, prior, config map[string]tftypes.Value, kind sampleKind, rp *resourcePlanning) *tfprotov6.PlanResourceChangeRequest {
	t.Helper()
	typ := s.Type().TerraformType(ctx)
	dv := func(v map[string]tftypes.Value) *tfprotov6.DynamicValue {
		d, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, v))
		if err != nil {
			t.Fatalf("%s: %v", typeName, err)
		}
		return &d
	}
	req := &tfprotov6.PlanResourceChangeRequest{TypeName: typeName, PriorState: dv(prior), ProposedNewState: dv(prior), Config: dv(config)}
	if kind == sampleExplicit {
		// What MarkWritten keeps, and an identity as Terraform 1.12 and later send it.
		req.PriorPrivate = []byte(`{"written_at":"IjIwMjYtMTItMDFUMTU6Mjc6MjUuODg2NjUwMzY5WiI="}`)
		if rp != nil && rp.identityType != nil {
			attrs := map[string]tftypes.Value{}
			for name, at := range objectAttributes(rp.identityType) {
				attrs[name] = sampleValue(at, "sample")
			}
			id, err := tfprotov6.NewDynamicValue(rp.identityType, tftypes.NewValue(rp.identityType, attrs))
			if err != nil {
				t.Fatal(err)
			}
			req.PriorIdentity = &tfprotov6.ResourceIdentityData{IdentityData: &id}
		}
	}
	return req
}

// sampleObject generates the prior state and the configuration of one object, as Terraform
// would have them when the configuration is unchanged: configured attributes hold the same
// value in both, computed ones only in the prior state.
func sampleObject(ctx context.Context, attrs map[string]schema.Attribute, blocks map[string]schema.Block, kind sampleKind) (prior, config map[string]tftypes.Value) {
	prior, config = map[string]tftypes.Value{}, map[string]tftypes.Value{}
	for name, a := range attrs {
		typ := a.GetType().TerraformType(ctx)
		null := tftypes.NewValue(typ, nil)
		value := sampleAttribute(ctx, a, kind)
		def, hasDefault, _ := defaultOf(ctx, a, path.Root(name))
		switch {
		case a.IsWriteOnly():
			prior[name], config[name] = null, value
		case a.IsRequired():
			prior[name], config[name] = value, value
		case a.IsOptional() && !a.IsComputed():
			if kind == sampleNulls {
				value = null
			}
			prior[name], config[name] = value, value
		case a.IsOptional() && kind == sampleExplicit:
			prior[name], config[name] = value, value
		case hasDefault && kind != sampleDrifted:
			prior[name], config[name] = def, null
		default: // computed, left to the provider
			prior[name], config[name] = value, null
		}
	}
	for name, b := range blocks {
		typ := b.Type().TerraformType(ctx)
		prior[name], config[name] = tftypes.NewValue(typ, nil), tftypes.NewValue(typ, nil)
	}
	return prior, config
}

// sampleAttribute is a value for a: nested attributes are filled as objects of their own.
func sampleAttribute(ctx context.Context, a schema.Attribute, kind sampleKind) tftypes.Value {
	typ := a.GetType().TerraformType(ctx)
	nested := func(attrs map[string]schema.Attribute) tftypes.Value {
		p, _ := sampleObject(ctx, attrs, nil, kind)
		return tftypes.NewValue(elementType(typ), p)
	}
	switch n := a.(type) {
	case schema.ListNestedAttribute:
		return tftypes.NewValue(typ, []tftypes.Value{nested(n.NestedObject.Attributes)})
	case schema.SetNestedAttribute:
		return tftypes.NewValue(typ, []tftypes.Value{nested(n.NestedObject.Attributes)})
	case schema.MapNestedAttribute:
		return tftypes.NewValue(typ, map[string]tftypes.Value{"k": nested(n.NestedObject.Attributes)})
	case schema.SingleNestedAttribute:
		p, _ := sampleObject(ctx, n.Attributes, nil, kind)
		return tftypes.NewValue(typ, p)
	}
	// A time, so that it is valid for the RFC 3339 attributes too; each kind its own.
	return sampleValue(typ, fmt.Sprintf("2026-12-01T00:00:0%dZ", kind))
}

// sampleValue is a non-null value of typ.
func sampleValue(typ tftypes.Type, s string) tftypes.Value {
	switch {
	case typ.Is(tftypes.String):
		return tftypes.NewValue(typ, s)
	case typ.Is(tftypes.Number):
		return tftypes.NewValue(typ, big.NewFloat(7))
	case typ.Is(tftypes.Bool):
		return tftypes.NewValue(typ, true)
	case typ.Is(tftypes.List{}), typ.Is(tftypes.Set{}):
		return tftypes.NewValue(typ, []tftypes.Value{sampleValue(elementType(typ), s)})
	case typ.Is(tftypes.Map{}):
		return tftypes.NewValue(typ, map[string]tftypes.Value{"k": sampleValue(elementType(typ), s)})
	case typ.Is(tftypes.Object{}):
		attrs := map[string]tftypes.Value{}
		for name, at := range objectAttributes(typ) {
			attrs[name] = sampleValue(at, s)
		}
		return tftypes.NewValue(typ, attrs)
	}
	return tftypes.NewValue(typ, nil)
}

// samePlan says how two plan responses differ ("" when they do not).
func samePlan(want, got *tfprotov6.PlanResourceChangeResponse) string {
	for _, d := range want.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError || d.Severity == tfprotov6.DiagnosticSeverityWarning {
			return fmt.Sprintf("the framework's plan has a diagnostic: %s: %s", d.Summary, d.Detail)
		}
	}
	if len(want.RequiresReplace) > 0 {
		return fmt.Sprintf("the framework's plan replaces the object (%v)", want.RequiresReplace)
	}
	if !bytes.Equal(want.PlannedState.MsgPack, got.PlannedState.MsgPack) {
		return "the planned states differ"
	}
	if !bytes.Equal(want.PlannedPrivate, got.PlannedPrivate) {
		return fmt.Sprintf("the planned private states differ: %q and %q", want.PlannedPrivate, got.PlannedPrivate)
	}
	if (want.PlannedIdentity == nil) != (got.PlannedIdentity == nil) {
		return fmt.Sprintf("one plan has an identity and the other not: %v and %v", want.PlannedIdentity, got.PlannedIdentity)
	}
	if want.PlannedIdentity != nil && !bytes.Equal(want.PlannedIdentity.IdentityData.MsgPack, got.PlannedIdentity.IdentityData.MsgPack) {
		return "the planned identities differ"
	}
	return ""
}

// elementType is the element type of a list, set or map type.
func elementType(typ tftypes.Type) tftypes.Type {
	switch c := typ.(type) {
	case tftypes.List:
		return c.ElementType
	case tftypes.Set:
		return c.ElementType
	case tftypes.Map:
		return c.ElementType
	}
	return nil
}

// objectAttributes is the attribute types of an object type (none for any other type).
func objectAttributes(typ tftypes.Type) map[string]tftypes.Type {
	if o, ok := typ.(tftypes.Object); ok {
		return o.AttributeTypes
	}
	return nil
}
