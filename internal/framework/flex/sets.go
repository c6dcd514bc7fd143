package flex

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringSet returns the elements of a set of strings, sorted; nil when the set is null or
// unknown.
func StringSet(ctx context.Context, s types.Set) ([]string, diag.Diagnostics) {
	if !IsKnown(s) {
		return nil, nil
	}
	var out []string
	diags := s.ElementsAs(ctx, &out, false)
	sort.Strings(out)
	return out, diags
}
