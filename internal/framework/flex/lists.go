package flex

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringList returns the elements of a list of strings, in order; nil when the list is null
// or unknown.
func StringList(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	if !IsKnown(l) {
		return nil
	}
	var out []string
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}
