package httpapi

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// archError is the Architecture error body (seed 003): error_code, error_msg and data.
// DS.6000 is the documented generic code; the message says what failed.
func archError(status int, format string, args ...any) result {
	return result{Status: status, Body: map[string]any{
		"error_code": "DS.6000", "error_msg": fmt.Sprintf(format, args...), "data": nil,
	}}
}

// listRelations implements seed 003: name is a case-insensitive substring match, create_by
// exact, the time window applies to create_time only when both ends are given, limit is in
// [1,100] (default 50), and offset is rounded down to a multiple of limit.
func (e *Server) listRelations(c *call) result {
	idx := e.dataarts.cur
	ws := strings.TrimSpace(c.r.Header.Get("workspace"))
	if ws == "" {
		return archError(http.StatusBadRequest, "The workspace header (DataArts Studio workspace ID) is required.")
	}
	if idx.Fx.WorkspaceID != "" && ws != idx.Fx.WorkspaceID {
		return archError(http.StatusForbidden, "The workspace %s does not exist or you do not have permission to access it.", ws)
	}
	limit, err := c.intParam("limit", 50, 1)
	if err != nil {
		return archError(http.StatusBadRequest, "%s", err.Msg)
	}
	if limit > 100 {
		return archError(http.StatusBadRequest, "Invalid value for limit: %d; the range is [1,100].", limit)
	}
	offset, err := c.intParam("offset", 0, 0)
	if err != nil {
		return archError(http.StatusBadRequest, "%s", err.Msg)
	}
	offset = offset / limit * limit

	var begin, end time.Time
	window := c.query("begin_time") != "" && c.query("end_time") != ""
	if window {
		var perr error
		if begin, perr = time.Parse(time.RFC3339, c.query("begin_time")); perr != nil {
			return archError(http.StatusBadRequest, "Invalid value for begin_time: %q is not RFC 3339 (e.g. 1970-01-01T00:00:00Z).", c.query("begin_time"))
		}
		if end, perr = time.Parse(time.RFC3339, c.query("end_time")); perr != nil {
			return archError(http.StatusBadRequest, "Invalid value for end_time: %q is not RFC 3339 (e.g. 1970-01-01T00:00:00Z).", c.query("end_time"))
		}
	}
	name, createBy := strings.ToLower(c.query("name")), c.query("create_by")
	var matched []Relation
	for _, r := range idx.Fx.Relations {
		if name != "" && !strings.Contains(strings.ToLower(r.Name), name) {
			continue
		}
		if createBy != "" && r.CreateBy != createBy {
			continue
		}
		if window {
			t, _ := time.Parse(time.RFC3339, r.CreateTime)
			if t.Before(begin) || t.After(end) {
				continue
			}
		}
		matched = append(matched, r)
	}
	records := []Relation{}
	for i := offset; i < len(matched) && i < offset+limit; i++ {
		records = append(records, matched[i])
	}
	return ok(map[string]any{"data": map[string]any{"value": map[string]any{"total": len(matched), "records": records}}})
}
