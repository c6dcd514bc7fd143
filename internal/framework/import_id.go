package framework

import (
	"context"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Accepts reports whether the validator v accepts value as the attribute attr: for checking
// an import id (or a part of it) by the rule its attribute has in the configuration.
func Accepts(ctx context.Context, v validator.String, attr, value string) bool {
	resp := &validator.StringResponse{}
	v.ValidateString(ctx, validator.StringRequest{Path: path.Root(attr), ConfigValue: types.StringValue(value)}, resp)
	return !resp.Diagnostics.HasError()
}

// SetImported sets the attributes of an imported resource that its import id gives (and
// those whose value an import knows), by attribute name, in name order.
func SetImported(ctx context.Context, resp *resource.ImportStateResponse, values map[string]any) {
	for _, name := range slices.Sorted(maps.Keys(values)) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), values[name])...)
	}
}
