package resources

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/fwtypes"
)

// The direct conversions give what the framework's reflection gives.
func TestTableColumnConversionsMatchTheFramework(t *testing.T) {
	ctx := context.Background()
	cols := []tableColumnModel{
		{Name: types.StringValue("id"), Type: fwtypes.NewSparkTypeValue("bigint"), Description: types.StringValue(""), IsPartition: types.BoolValue(false)},
		{Name: types.StringValue("dt"), Type: fwtypes.NewSparkTypeValue("string"), Description: types.StringNull(), IsPartition: types.BoolValue(true)},
	}
	for _, in := range [][]tableColumnModel{cols, {}} {
		want, wantDiags := types.ListValueFrom(ctx, tableColumnObjectType, in)
		got, diags := tableColumnsList(in)
		if diags.HasError() || wantDiags.HasError() || !got.Equal(want) {
			t.Fatalf("tableColumnsList = %v (%v), ListValueFrom = %v (%v)", got, diags, want, wantDiags)
		}
		var viaReflection []tableColumnModel
		want.ElementsAs(ctx, &viaReflection, false)
		back, diags := tableColumns(ctx, got)
		if diags.HasError() || len(back) != len(viaReflection) {
			t.Fatalf("tableColumns: %v, %d columns, want %d", diags, len(back), len(viaReflection))
		}
		for i := range back {
			if back[i] != viaReflection[i] {
				t.Errorf("column %d: %+v, want %+v", i, back[i], viaReflection[i])
			}
		}
	}
	unknown := types.ListValueMust(tableColumnObjectType, []attr.Value{types.ObjectUnknown(tableColumnAttrTypes)})
	if _, diags := tableColumns(ctx, unknown); !diags.HasError() {
		t.Error("an unknown column is not handed to ElementsAs (which refuses it)")
	}
}
