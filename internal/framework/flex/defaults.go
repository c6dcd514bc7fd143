package flex

import "github.com/hashicorp/terraform-plugin-framework/types"

// StringOrDefault is the value, or def when it is null (an argument left to its default).
func StringOrDefault(v types.String, def string) string {
	if v.IsNull() {
		return def
	}
	return v.ValueString()
}

// Int32OrDefault is the value, or def when it is null (an argument left to its default).
func Int32OrDefault(v types.Int32, def int32) int32 {
	if v.IsNull() {
		return def
	}
	return v.ValueInt32()
}
