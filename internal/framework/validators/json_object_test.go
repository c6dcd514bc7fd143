package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestJSONObject(t *testing.T) {
	t.Parallel()
	for value, wantErr := range map[string]bool{
		`{"root_logger_level":"INFO"}`: false, `{}`: false, `[1]`: true, `null`: true, `{"a":`: true, `"x"`: true,
	} {
		resp := &validator.StringResponse{}
		JSONObject().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("v"), ConfigValue: types.StringValue(value)}, resp)
		if resp.Diagnostics.HasError() != wantErr {
			t.Errorf("%s: error %v, want %v", value, resp.Diagnostics.HasError(), wantErr)
		}
	}
}
