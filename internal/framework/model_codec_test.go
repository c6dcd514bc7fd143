package framework

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// codecRun is embedded in codecModel, as the Flink jobs' models embed their run state.
type codecRun struct {
	Created  timetypes.RFC3339 `tfsdk:"created"`
	Timeouts timeouts.Value    `tfsdk:"timeouts"`
}

// codecModel has a field of every kind the resources' models use.
type codecModel struct {
	codecRun
	ID      types.String  `tfsdk:"id"`
	Count   types.Int64   `tfsdk:"count"`
	Small   types.Int32   `tfsdk:"small"`
	Enabled types.Bool    `tfsdk:"enabled"`
	Ratio   types.Float64 `tfsdk:"ratio"`
	Args    types.List    `tfsdk:"args"`
	Tags    types.Map     `tfsdk:"tags"`
	Queues  types.Set     `tfsdk:"queues"`
	Columns types.List    `tfsdk:"columns"`
}

var codecColumn = types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "is_partition": types.BoolType}}

func codecSchema(ctx context.Context) schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{
		"id":       schema.StringAttribute{Computed: true},
		"count":    schema.Int64Attribute{Optional: true},
		"small":    schema.Int32Attribute{Optional: true},
		"enabled":  schema.BoolAttribute{Optional: true},
		"ratio":    schema.Float64Attribute{Optional: true},
		"args":     schema.ListAttribute{ElementType: types.StringType, Optional: true},
		"tags":     schema.MapAttribute{ElementType: types.StringType, Optional: true},
		"queues":   schema.SetAttribute{ElementType: types.StringType, Optional: true},
		"columns":  schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{"name": schema.StringAttribute{Required: true}, "is_partition": schema.BoolAttribute{Optional: true}}}},
		"created":  schema.StringAttribute{CustomType: timetypes.RFC3339Type{}, Computed: true},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true}),
	}}
}

func codecSample(t *testing.T) codecModel {
	t.Helper()
	col, d := types.ObjectValue(codecColumn.AttrTypes, map[string]attr.Value{"name": types.StringValue("id"), "is_partition": types.BoolNull()})
	if d.HasError() {
		t.Fatal(d)
	}
	cols, d := types.ListValue(codecColumn, []attr.Value{col})
	if d.HasError() {
		t.Fatal(d)
	}
	return codecModel{
		ID: types.StringValue("sales/orders"), Count: types.Int64Value(3), Small: types.Int32Null(), Enabled: types.BoolValue(true),
		Ratio: types.Float64Value(0.5), Args: types.ListValueMust(types.StringType, []attr.Value{types.StringValue("--x")}),
		Tags: types.MapNull(types.StringType), Queues: types.SetValueMust(types.StringType, []attr.Value{types.StringValue("q1"), types.StringValue("q2")}),
		Columns: cols,
		codecRun: codecRun{
			Created:  timetypes.NewRFC3339ValueMust("2026-12-01T15:27:25Z"),
			Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType})},
		},
	}
}

func TestStateCodecMatchesTheFramework(t *testing.T) {
	ctx := context.Background()
	s := codecSchema(ctx)
	typ := s.Type().TerraformType(ctx)
	empty := func() *tfsdk.State { return &tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, nil)} }
	m := codecSample(t)

	ours, theirs := empty(), empty()
	if d := SetState(ctx, ours, &m); d.HasError() {
		t.Fatal(d)
	}
	if d := theirs.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	if !ours.Raw.Equal(theirs.Raw) {
		t.Fatalf("SetState wrote\n%s\nthe framework\n%s", ours.Raw, theirs.Raw)
	}
	if c, _ := codecs.Load(reflect.TypeFor[codecModel]()); c == (*modelCodec)(nil) {
		t.Fatal("the model was converted by the framework, not the codec")
	}
	var got, want codecModel
	if d := GetState(ctx, *theirs, &got); d.HasError() {
		t.Fatal(d)
	}
	if d := theirs.Get(ctx, &want); d.HasError() {
		t.Fatal(d)
	}
	if !reflect.DeepEqual(got, want) || !got.Columns.Equal(m.Columns) || !got.Created.Equal(m.Created) {
		t.Fatalf("GetState read %+v, the framework %+v", got, want)
	}
}

// TestStateCodecLeavesTheRestToTheFramework: what the codec does not convert exactly as the
// framework does is the framework's, errors included.
func TestStateCodecLeavesTheRestToTheFramework(t *testing.T) {
	ctx := context.Background()
	s := codecSchema(ctx)
	typ := s.Type().TerraformType(ctx)

	t.Run("an invalid value", func(t *testing.T) {
		m := codecSample(t)
		st := &tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, nil)}
		if d := st.Set(ctx, &m); d.HasError() {
			t.Fatal(d)
		}
		raw := st.Raw
		var attrs map[string]tftypes.Value
		_ = raw.As(&attrs)
		attrs["created"] = tftypes.NewValue(tftypes.String, "yesterday")
		var got codecModel
		d := GetState(ctx, tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, attrs)}, &got)
		if !d.HasError() || !strings.Contains(d[0].Summary()+d[0].Detail(), "RFC3339") {
			t.Errorf("an invalid RFC 3339 value reads without the framework's error: %v", d)
		}
	})

	t.Run("a value of the wrong type", func(t *testing.T) {
		m := codecSample(t)
		m.Args = types.ListValueMust(types.Int64Type, []attr.Value{types.Int64Value(1)})
		d := SetState(ctx, &tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, nil)}, &m)
		if !d.HasError() {
			t.Error("a list of numbers is written to a list of strings without the framework's error")
		}
	})

	t.Run("a model of another shape", func(t *testing.T) {
		type native struct {
			ID   string        `tfsdk:"id"`
			Rest types.Dynamic `tfsdk:"-"`
		}
		small := schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Required: true}}}
		st := &tfsdk.State{Schema: small, Raw: tftypes.NewValue(small.Type().TerraformType(ctx), nil)}
		if d := SetState(ctx, st, native{ID: "x"}); d.HasError() {
			t.Fatal(d)
		}
		var got native
		if d := GetState(ctx, *st, &got); d.HasError() || got.ID != "x" {
			t.Fatalf("got %+v, %v", got, d)
		}
		if c, _ := codecs.Load(reflect.TypeFor[native]()); c != (*modelCodec)(nil) {
			t.Error("a model with a Go string field has a codec")
		}
	})

	t.Run("the same model with another schema", func(t *testing.T) {
		m := codecSample(t)
		other := codecSchema(ctx)
		other.Attributes["count"] = schema.StringAttribute{Optional: true}
		otherType := other.Type().TerraformType(ctx)
		if d := SetState(ctx, &tfsdk.State{Schema: other, Raw: tftypes.NewValue(otherType, nil)}, &m); !d.HasError() {
			t.Error("an Int64 field is written to a string attribute without the framework's error")
		}
		vals := map[string]tftypes.Value{}
		for name, at := range objectAttributeTypes(otherType) {
			vals[name] = tftypes.NewValue(at, nil)
		}
		vals["count"] = tftypes.NewValue(tftypes.String, "1")
		var got codecModel
		if d := GetState(ctx, tfsdk.State{Schema: other, Raw: tftypes.NewValue(otherType, vals)}, &got); !d.HasError() {
			t.Error("a string attribute reads into an Int64 field without the framework's error")
		}
	})
}

// objectAttributeTypes is the attribute types of an object type.
func objectAttributeTypes(typ tftypes.Type) map[string]tftypes.Type {
	if o, ok := typ.(tftypes.Object); ok {
		return o.AttributeTypes
	}
	return nil
}
