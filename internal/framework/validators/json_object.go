package validators

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// JSONObject validates a string that holds a JSON object, e.g. the result of jsonencode({...}).
func JSONObject() validator.String { return jsonObjectRule{} }

type jsonObjectRule struct{}

func (jsonObjectRule) Description(context.Context) string { return "a JSON object" }

func (v jsonObjectRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v jsonObjectRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(req.ConfigValue.ValueString()), &obj); err != nil || obj == nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON object",
			fmt.Sprintf("%s must be %s (use jsonencode), got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}
