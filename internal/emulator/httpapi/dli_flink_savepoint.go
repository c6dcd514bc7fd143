package httpapi

import (
	"fmt"
	"net/http"
	"strings"
)

// flinkSavepointBody is the ExecuteFlinkJobSavepoint body (sdk-extras §7.1).
type flinkSavepointBody struct {
	Action        *string `json:"action"`
	SavepointPath *string `json:"savepoint_path"`
}

// triggerFlinkSavepoint is ExecuteFlinkJobSavepoint: a running job takes a savepoint into
// the OBS directory savepoint_path ("bucket/dir/", obs:// accepted too); it is
// job_savepointing until the savepoint is complete, then job_running again with the new
// savepoint as its latest.
func (e *Server) triggerFlinkSavepoint(c *call) result {
	j, err := lookupFlinkJob(c, c.path("job_id"))
	if err != nil {
		return fail(err)
	}
	var b flinkSavepointBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Action == nil || !strings.EqualFold(*b.Action, "trigger") {
		return fail(badRequest("Invalid action: the only action is TRIGGER."))
	}
	dir := strings.TrimPrefix(strings.TrimSpace(ptrValue(b.SavepointPath)), "obs://")
	if dir == "" || strings.HasPrefix(dir, "/") || !strings.Contains(strings.TrimSuffix(dir, "/"), "/") {
		return fail(badRequest("Invalid savepoint_path %q: an OBS directory bucket_name/dir/ is required.", ptrValue(b.SavepointPath)))
	}
	now := c.nowMillis()
	if st, _ := j.StatusAt(now); st != flinkRunning {
		return fail(newError(http.StatusBadRequest, "DLI.0007", fmt.Sprintf("The job %d cannot take a savepoint: it is not running (status %s).", j.ID, st)))
	}
	done := now + flinkSavepointTime.Milliseconds()
	j.Savepoints = append(j.Savepoints, flinkSavepoint{
		Path: fmt.Sprintf("obs://%s/savepoint-%d", strings.TrimSuffix(dir, "/"), len(j.Savepoints)+1), Time: done})
	j.SavepointUntil = done
	return ok(flinkOK("The savepoint request is issued successfully."))
}

func ptrValue(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
