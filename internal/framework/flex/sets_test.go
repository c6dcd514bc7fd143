package flex_test

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

func TestStringSet(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	set := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("q2"), types.StringValue("q1"), types.StringValue("a")})
	got, diags := flex.StringSet(ctx, set)
	if diags.HasError() || !slices.Equal(got, []string{"a", "q1", "q2"}) {
		t.Errorf("StringSet = %v (%v), want [a q1 q2] sorted", got, diags)
	}
	for name, s := range map[string]types.Set{"null": types.SetNull(types.StringType), "unknown": types.SetUnknown(types.StringType)} {
		if got, diags := flex.StringSet(ctx, s); got != nil || diags.HasError() {
			t.Errorf("StringSet(%s) = %v (%v), want nil", name, got, diags)
		}
	}
	if got, _ := flex.StringSet(ctx, types.SetValueMust(types.StringType, nil)); len(got) != 0 {
		t.Errorf("StringSet(empty) = %v, want empty", got)
	}
}
