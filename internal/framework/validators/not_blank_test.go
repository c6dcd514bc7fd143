package validators_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestNotBlank(t *testing.T) {
	t.Parallel()
	for value, wantErr := range map[string]bool{"": false, "x": false, " x ": false, " ": true, "\t\n ": true} {
		var resp validator.StringResponse
		validators.NotBlank().ValidateString(context.Background(), validator.StringRequest{
			Path: path.Root("guid"), ConfigValue: types.StringValue(value),
		}, &resp)
		if got := resp.Diagnostics.HasError(); got != wantErr {
			t.Errorf("NotBlank(%q): error %v, want %v (%v)", value, got, wantErr, resp.Diagnostics)
		}
	}
}
