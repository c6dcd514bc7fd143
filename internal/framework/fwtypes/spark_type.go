// Package fwtypes holds the provider's custom Terraform value types: string types whose
// values compare by meaning (semantic equality), so an API's own spelling of a value never
// shows as a difference.
package fwtypes

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var (
	_ basetypes.StringTypable                    = SparkTypeType{}
	_ basetypes.StringValuableWithSemanticEquals = SparkType{}
)

// SparkTypeType is the custom string type of Spark SQL column types (CustomType of a
// schema.StringAttribute): values that normalise to the same Spark type (INT, Integer and
// int) are semantically equal, so DLI's spelling never shows as a difference.
type SparkTypeType struct{ basetypes.StringType }

// Equal reports whether o is a SparkTypeType.
func (t SparkTypeType) Equal(o attr.Type) bool { _, ok := o.(SparkTypeType); return ok }

// String names the type in framework messages.
func (t SparkTypeType) String() string { return "fwtypes.SparkTypeType" }

// ValueType returns the value type of this type.
func (t SparkTypeType) ValueType(context.Context) attr.Value { return SparkType{} }

// ValueFromString wraps a string value as a SparkType.
func (t SparkTypeType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return SparkType{StringValue: in}, nil
}

// ValueFromTerraform converts a Terraform value to a SparkType.
func (t SparkTypeType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return SparkType{StringValue: s}, nil
}

// SparkType is a Spark SQL column type value, as written in the configuration or returned by
// DLI.
type SparkType struct{ basetypes.StringValue }

// NewSparkTypeValue is a known SparkType.
func NewSparkTypeValue(s string) SparkType {
	return SparkType{StringValue: basetypes.NewStringValue(s)}
}

// NewSparkTypeNull is a null SparkType.
func NewSparkTypeNull() SparkType { return SparkType{StringValue: basetypes.NewStringNull()} }

// NewSparkTypeUnknown is a SparkType not known until apply.
func NewSparkTypeUnknown() SparkType { return SparkType{StringValue: basetypes.NewStringUnknown()} }

// Type returns SparkTypeType.
func (v SparkType) Type(context.Context) attr.Type { return SparkTypeType{} }

// Equal reports whether o is a SparkType with exactly the same spelling (state equality;
// StringSemanticEquals compares meanings).
func (v SparkType) Equal(o attr.Value) bool {
	other, ok := o.(SparkType)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether two types normalise to the same Spark type.
func (v SparkType) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := nv.(SparkType)
	if !ok {
		return false, nil
	}
	return SameSparkType(v.ValueString(), other.ValueString()), nil
}

// Normalized is the canonical spelling of the type (see NormalizeSparkType), or the value as
// written when it does not parse (validation reports that before any API call).
func (v SparkType) Normalized() string {
	if n, err := NormalizeSparkType(v.ValueString()); err == nil {
		return n
	}
	return v.ValueString()
}
