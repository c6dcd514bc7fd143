package validators_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestRegex(t *testing.T) {
	t.Parallel()
	for value, wantErr := range map[string]bool{"": false, "^sales_": false, `^t\d+$`: false, "([": true, `\p{Bogus}`: true, "a**": true} {
		var resp validator.StringResponse
		validators.Regex().ValidateString(context.Background(), validator.StringRequest{
			Path: path.Root("name_regex"), ConfigValue: types.StringValue(value),
		}, &resp)
		if got := resp.Diagnostics.HasError(); got != wantErr {
			t.Errorf("Regex(%q): error %v, want %v (%v)", value, got, wantErr, resp.Diagnostics)
		}
	}
}
