package flex

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
)

// RFC3339FromMillis formats an epoch-milliseconds timestamp as RFC 3339 in UTC; 0 is null.
func RFC3339FromMillis(ms int64) timetypes.RFC3339 {
	if ms == 0 {
		return timetypes.NewRFC3339Null()
	}
	return timetypes.NewRFC3339TimeValue(time.UnixMilli(ms).UTC())
}
