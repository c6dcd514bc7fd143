package framework

import (
	"context"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// GetState is req.State.Get(ctx, target) for a model struct whose fields are all attribute
// values (types.String, types.List, timetypes.RFC3339, timeouts.Value, ...) tagged
// `tfsdk:"name"`, directly or in an embedded struct, without the framework's reflection:
// that compiles a regular expression for every field of every model on every call, about a
// tenth of the provider's CPU time in a refresh. The fields of each model type are looked
// up once. Anything the codec does not handle exactly as the framework does (another kind
// of field, a model of another schema, a value that fails to convert or to validate) is
// left to the framework, diagnostics included.
func GetState(ctx context.Context, state tfsdk.State, target any) diag.Diagnostics {
	return getModel(ctx, state.Raw, state.Schema, target, state.Get)
}

// GetPlan is plan.Get(ctx, target) without the framework's reflection (see GetState).
func GetPlan(ctx context.Context, plan tfsdk.Plan, target any) diag.Diagnostics {
	return getModel(ctx, plan.Raw, plan.Schema, target, plan.Get)
}

// GetConfig is config.Get(ctx, target) without the framework's reflection (see GetState).
func GetConfig(ctx context.Context, config tfsdk.Config, target any) diag.Diagnostics {
	return getModel(ctx, config.Raw, config.Schema, target, config.Get)
}

func getModel(ctx context.Context, raw tftypes.Value, schema schemaTyper, target any,
	framework func(context.Context, any) diag.Diagnostics) diag.Diagnostics {
	if c := codecFor(ctx, reflect.TypeOf(target), schema); c != nil && c.get(ctx, raw, target) {
		return nil
	}
	return framework(ctx, target)
}

// SetState is state.Set(ctx, model) without the framework's reflection (see GetState).
func SetState(ctx context.Context, state *tfsdk.State, model any) diag.Diagnostics {
	if c := codecFor(ctx, reflect.TypeOf(model), state.Schema); c != nil && state.Raw.Type() != nil && c.objectType.Equal(state.Raw.Type()) {
		if v, ok := c.value(ctx, model); ok {
			state.Raw = v
			return nil
		}
	}
	return state.Set(ctx, model)
}

// modelCodec converts one model type to and from values of one schema's object type.
type modelCodec struct {
	objectType tftypes.Type
	fields     []modelField
}

type modelField struct {
	index    []int // of the field in the model, through the structs it embeds
	name     string
	attrType attr.Type
}

var codecs sync.Map // model struct type → *modelCodec (nil: the framework converts it)

// schemaTyper is the part of a state's schema the codec uses.
type schemaTyper interface {
	Type() attr.Type
}

var attrValueType = reflect.TypeFor[attr.Value]()

// codecFor returns the codec of model (a struct or a pointer to one), made for schema the
// first time, or nil when the framework must convert it. A codec converts values of the
// object type it was made for only: a model used with another schema is the framework's.
func codecFor(ctx context.Context, model reflect.Type, schema schemaTyper) *modelCodec {
	if schema == nil || model == nil {
		return nil
	}
	for model.Kind() == reflect.Pointer {
		model = model.Elem()
	}
	if model.Kind() != reflect.Struct {
		return nil
	}
	if c, ok := codecs.Load(model); ok {
		return c.(*modelCodec) //nolint:forcetypeassert // only *modelCodec is stored
	}
	objType, ok := schema.Type().(attr.TypeWithAttributeTypes)
	if !ok {
		return nil
	}
	c := newModelCodec(model, objType.AttributeTypes(), objType.TerraformType(ctx))
	codecs.Store(model, c)
	return c
}

// newModelCodec maps every field of model, and of the structs it embeds, to its
// attribute, or returns nil when a field is not an attribute value of the schema or an
// attribute has no field.
func newModelCodec(model reflect.Type, attrTypes map[string]attr.Type, tfType tftypes.Type) *modelCodec {
	c := &modelCodec{objectType: tfType}
	if !c.addFields(model, nil, attrTypes) || len(c.fields) != len(attrTypes) {
		return nil
	}
	return c
}

// addFields adds the fields of struct type t, reached through the field indexes at.
func (c *modelCodec) addFields(t reflect.Type, at []int, attrTypes map[string]attr.Type) bool {
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int(nil), at...), i)
		name := f.Tag.Get("tfsdk")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			if !c.addFields(f.Type, index, attrTypes) { // promoted fields, as the framework reads them
				return false
			}
			continue
		}
		attrType, ok := attrTypes[name]
		if name == "" || !ok || !f.IsExported() || f.Anonymous || !f.Type.Implements(attrValueType) || c.has(name) {
			return false
		}
		c.fields = append(c.fields, modelField{index: index, name: name, attrType: attrType})
	}
	return true
}

// has reports whether a field of the attribute name was added already.
func (c *modelCodec) has(name string) bool {
	for _, f := range c.fields {
		if f.name == name {
			return true
		}
	}
	return false
}

// get sets the fields of target from raw; false means nothing may be concluded from it.
func (c *modelCodec) get(ctx context.Context, raw tftypes.Value, target any) bool {
	rv := reflect.ValueOf(target)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || raw.IsNull() || !raw.IsKnown() || !c.objectType.Equal(raw.Type()) {
		return false
	}
	var attrs map[string]tftypes.Value
	if raw.As(&attrs) != nil {
		return false
	}
	rv = rv.Elem()
	for _, f := range c.fields {
		tv := attrs[f.name]
		v, err := f.attrType.ValueFromTerraform(ctx, tv)
		if err != nil || v == nil || !valid(ctx, f, v, tv) {
			return false
		}
		fv := reflect.ValueOf(v)
		field := rv.FieldByIndex(f.index)
		if fv.Type() != field.Type() {
			return false
		}
		field.Set(fv)
	}
	return true
}

// value is model as a value of the schema's object type; false when the framework must
// convert it (and report what is wrong with it).
func (c *modelCodec) value(ctx context.Context, model any) (v tftypes.Value, ok bool) {
	rv := reflect.ValueOf(model)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return tftypes.Value{}, false
		}
		rv = rv.Elem()
	}
	attrs := make(map[string]tftypes.Value, len(c.fields))
	for _, f := range c.fields {
		av, isAttr := rv.FieldByIndex(f.index).Interface().(attr.Value)
		if !isAttr {
			return tftypes.Value{}, false
		}
		if t := av.Type(ctx); !t.Equal(f.attrType) && !t.TerraformType(ctx).Equal(f.attrType.TerraformType(ctx)) {
			return tftypes.Value{}, false
		}
		tv, err := av.ToTerraformValue(ctx)
		if err != nil || !valid(ctx, f, av, tv) {
			return tftypes.Value{}, false
		}
		attrs[f.name] = tv
	}
	defer func() {
		if recover() != nil { // NewValue panics on values of the wrong types
			v, ok = tftypes.Value{}, false
		}
	}()
	return tftypes.NewValue(c.objectType, attrs), true
}

// valid runs the validation the framework runs when it converts the value v (tv as a
// Terraform value) of field f: the value's own, or else its type's.
func valid(ctx context.Context, f modelField, v attr.Value, tv tftypes.Value) bool {
	if va, ok := v.(xattr.ValidateableAttribute); ok {
		var resp xattr.ValidateAttributeResponse
		va.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Root(f.name)}, &resp)
		return !resp.Diagnostics.HasError()
	}
	//nolint:staticcheck // deprecated, but the framework still runs it
	if tv2, ok := f.attrType.(xattr.TypeWithValidate); ok {
		return !tv2.Validate(ctx, tv, path.Root(f.name)).HasError()
	}
	return true
}
