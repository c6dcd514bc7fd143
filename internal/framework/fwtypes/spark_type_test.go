package fwtypes

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestSparkTypeSemanticEquals(t *testing.T) {
	ctx := context.Background()
	eq, _ := NewSparkTypeValue("DECIMAL(10, 2)").StringSemanticEquals(ctx, NewSparkTypeValue("decimal(10,2)"))
	ne, _ := NewSparkTypeValue("int").StringSemanticEquals(ctx, NewSparkTypeValue("bigint"))
	other, _ := NewSparkTypeValue("int").StringSemanticEquals(ctx, types.StringValue("int"))
	if !eq || ne || other {
		t.Errorf("semantic equality: DECIMAL(10, 2)~decimal(10,2) = %v, int~bigint = %v, int~plain string int = %v", eq, ne, other)
	}
	if NewSparkTypeValue("INT").Equal(NewSparkTypeValue("int")) {
		t.Error("Equal compares spellings: INT and int must differ (semantic equality is separate)")
	}
	if !NewSparkTypeValue("int").Equal(NewSparkTypeValue("int")) || NewSparkTypeValue("int").Equal(types.StringValue("int")) {
		t.Error("Equal must hold for the same SparkType and fail for another value type")
	}
}

func TestSparkTypeType(t *testing.T) {
	ctx := context.Background()
	v, err := SparkTypeType{}.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, "Array<INT>"))
	if err != nil {
		t.Fatal(err)
	}
	st, ok := v.(SparkType)
	if !ok || st.ValueString() != "Array<INT>" || st.Normalized() != "array<int>" {
		t.Errorf("ValueFromTerraform = %#v (normalized %q)", v, st.Normalized())
	}
	if !(SparkTypeType{}).Equal(st.Type(ctx)) || (SparkTypeType{}).Equal(types.StringType) {
		t.Error("SparkTypeType equality")
	}
	if got := NewSparkTypeValue("int4").Normalized(); got != "int4" {
		t.Errorf("Normalized of an invalid type = %q, want it as written", got)
	}
	if !NewSparkTypeUnknown().IsUnknown() || !NewSparkTypeNull().IsNull() {
		t.Error("unknown/null constructors")
	}
}
