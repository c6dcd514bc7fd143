package httpapi

import (
	"encoding/json"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// epochParam parses a required epoch-milliseconds query parameter. The SDK sends float32
// values formatted like 1.705248e+12 (WIRE-NOTES), so decimal and exponent forms are
// accepted and truncated to whole milliseconds.
func (c *call) epochParam(name string) (int64, *result) {
	if !c.hasQuery(name) {
		r := dataMapBadRequest("%s is required (epoch milliseconds).", name)
		return 0, &r
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(c.query(name)), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		r := dataMapBadRequest("Invalid value for %s: %q is not a number of epoch milliseconds.", name, c.query(name))
		return 0, &r
	}
	return int64(f), nil
}

// requiredInt parses a required integer query parameter (seed 002: offset and limit have
// no defaults).
func (c *call) requiredInt(name string, least int) (int, *result) {
	if !c.hasQuery(name) {
		r := dataMapBadRequest("%s is required.", name)
		return 0, &r
	}
	v, err := c.intParam(name, 0, least)
	if err != nil {
		r := dataMapBadRequest("%s", err.Msg)
		return 0, &r
	}
	return v, nil
}

// rowPlanTime reads the planTime (epoch milliseconds) of a fixture row.
func rowPlanTime(row map[string]any) int64 {
	switch v := row["planTime"].(type) {
	case int64:
		return v
	case int:
		return int64(v)
	case float64:
		return int64(v)
	case json.Number:
		f, _ := v.Float64()
		return int64(f)
	}
	return 0
}

// instanceHeaders is the fixed header_map of the wrapped scheduler response.
var instanceHeaders = map[string]string{
	"Server": "CloudMiddleWareTomcat", "Connection": "keep-alive", "Pragma": "no-cache",
	"Cache-Control": "no-cache, no-store, must-revalidate", "X-Content-Type-Options": "nosniff",
	"Content-Type": "application/json;charset=UTF-8",
}

// showInstanceInfos returns the instances of one operator whose planTime lies in
// [start_time, end_time], newest first, as seed 002's proxy envelope with a JSON string body.
func (e *Server) showInstanceInfos(c *call) result {
	idx, errRes := e.dataMapInstance(c)
	if errRes != nil {
		return *errRes
	}
	if strings.TrimSpace(c.query("job_name")) == "" {
		return dataMapBadRequest("job_name is required.")
	}
	start, r := c.epochParam("start_time")
	if r != nil {
		return *r
	}
	end, r := c.epochParam("end_time")
	if r != nil {
		return *r
	}
	if end < start {
		return dataMapBadRequest("end_time (%d) must not be earlier than start_time (%d).", end, start)
	}
	offset, r := c.requiredInt("offset", 0)
	if r != nil {
		return *r
	}
	limit, r := c.requiredInt("limit", 1)
	if r != nil {
		return *r
	}
	taskID, jobName, workspace := c.path("task_id"), c.query("job_name"), c.query("workspace_id")

	var rows []map[string]any
	for _, t := range idx.Fx.NodeTasks {
		if t.TaskID != taskID || t.JobName != jobName {
			continue
		}
		if t.RawBody != nil {
			status := t.StatusCode
			if status == 0 {
				status = http.StatusOK
			}
			return ok(map[string]any{"status_code": status, "body": *t.RawBody, "header_map": instanceHeaders})
		}
		for _, row := range t.Rows {
			plan := rowPlanTime(row)
			if plan < start || plan > end {
				continue
			}
			if ws, _ := row["workspaceId"].(string); workspace != "" && ws != workspace {
				continue
			}
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rowPlanTime(rows[i]) > rowPlanTime(rows[j]) })
	page := []map[string]any{}
	for i := offset; i < len(rows) && i < offset+limit; i++ {
		page = append(page, rows[i])
	}
	body, err := json.MarshalIndent(map[string]any{"msg": "success", "rows": page, "success": true, "total": len(rows)}, "", "\t ")
	if err != nil {
		return fail(newError(http.StatusInternalServerError, "DLS.1999", "Failed to encode the instances."))
	}
	return ok(map[string]any{"status_code": http.StatusOK, "body": string(body), "header_map": instanceHeaders})
}
