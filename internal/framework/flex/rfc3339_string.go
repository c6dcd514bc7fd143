package flex

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// RFC3339OrNull is an RFC 3339 timestamp the API returns as a string, kept as it is (offset
// included); "" is null.
func RFC3339OrNull(s string) timetypes.RFC3339 {
	if s == "" {
		return timetypes.NewRFC3339Null()
	}
	return timetypes.RFC3339{StringValue: basetypes.NewStringValue(s)}
}
