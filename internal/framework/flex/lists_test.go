package flex_test

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

func TestStringList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var diags diag.Diagnostics
	list := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("--date"), types.StringValue("a b"), types.StringValue("")})
	if got := flex.StringList(ctx, list, &diags); diags.HasError() || !slices.Equal(got, []string{"--date", "a b", ""}) {
		t.Errorf("StringList = %q (%v), want the elements in order", got, diags)
	}
	for name, l := range map[string]types.List{"null": types.ListNull(types.StringType), "unknown": types.ListUnknown(types.StringType)} {
		if got := flex.StringList(ctx, l, &diags); got != nil || diags.HasError() {
			t.Errorf("StringList(%s) = %v (%v), want nil", name, got, diags)
		}
	}
}
