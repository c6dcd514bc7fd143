// Package flex converts between Terraform values and API values: known-or-null
// conversions, pointers, tags and times. One helper for each conversion, used everywhere.
package flex

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// known is any Terraform value that can be null or not known yet.
type known interface {
	IsNull() bool
	IsUnknown() bool
}

// IsKnown reports whether v holds a value (neither null nor unknown).
func IsKnown(v known) bool { return !v.IsNull() && !v.IsUnknown() }

// StringPointer returns a pointer to the value, or nil when it is null or unknown (an
// optional argument left to the API's default).
func StringPointer(v types.String) *string {
	if !IsKnown(v) {
		return nil
	}
	return ptr.Of(v.ValueString())
}

// Int32Pointer returns a pointer to the value, or nil when it is null or unknown.
func Int32Pointer(v types.Int32) *int32 {
	if !IsKnown(v) {
		return nil
	}
	return ptr.Of(v.ValueInt32())
}

// BoolPointer returns a pointer to the value, or nil when it is null or unknown.
func BoolPointer(v types.Bool) *bool {
	if !IsKnown(v) {
		return nil
	}
	return ptr.Of(v.ValueBool())
}

// StringOrNull is the string as a Terraform value, null when it is empty.
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// Int32Value is the integer behind p as a Terraform Int32, null for nil.
func Int32Value[T ~int32 | ~int64 | ~int](p *T) types.Int32 {
	if p == nil {
		return types.Int32Null()
	}
	return types.Int32Value(int32(*p)) //nolint:gosec // API values are int32 by the SDK models
}

// Int64Value is the integer behind p as a Terraform Int64, null for nil.
func Int64Value[T ~int32 | ~int64 | ~int](p *T) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*p))
}

// UnknownToNull replaces unknown string values with null, for state saved before the
// API has filled computed attributes.
func UnknownToNull(vs ...*types.String) {
	for _, v := range vs {
		if v.IsUnknown() {
			*v = types.StringNull()
		}
	}
}
