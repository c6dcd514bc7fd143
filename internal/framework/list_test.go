package framework_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

func TestMatchesRegex(t *testing.T) {
	t.Parallel()
	tests := []struct {
		re   types.String
		name string
		want bool
	}{
		{types.StringNull(), "anything", true},
		{types.StringValue(""), "anything", true},
		{types.StringValue("^sales_"), "sales_2024", true},
		{types.StringValue("^sales_"), "old_sales_2024", false},
		{types.StringValue("_b$"), "stream_b", true},
		{types.StringValue("(["), "([", false}, // invalid (rejected at plan time): matches nothing
	}
	for _, tt := range tests {
		if got := framework.MatchesRegex(tt.re, tt.name); got != tt.want {
			t.Errorf("MatchesRegex(%s, %q) = %v, want %v", tt.re, tt.name, got, tt.want)
		}
	}
}
