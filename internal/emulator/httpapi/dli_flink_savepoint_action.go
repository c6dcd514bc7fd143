package httpapi

import (
	"regexp"
)

// savepointDirRe is an OBS directory as ExecuteFlinkJobSavepoint takes it: "bucket/dir/"
// (the SDK's example), also accepted with obs:// (dli-sdk-extras.md reading 26).
var savepointDirRe = regexp.MustCompile(`^(obs://)?[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^/\s]+)*/?$`)

// flinkSavepointBody is the ExecuteFlinkJobSavepoint body (dli-sdk-extras.md §7.1).
type flinkSavepointBody struct {
	Action        *string `json:"action"`
	SavepointPath *string `json:"savepoint_path"`
}

// executeFlinkJobSavepoint triggers a savepoint of a running Flink job: the job is
// job_savepointing for a while, then job_running with has_savepoint and savepoint_path
// set. A job that is not running is refused with DLI.0007.
func (e *Server) executeFlinkJobSavepoint(c *call) result {
	var b flinkSavepointBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Action == nil || *b.Action != "TRIGGER" {
		return fail(badRequest("Invalid action: the only supported action is TRIGGER."))
	}
	if b.SavepointPath == nil || !savepointDirRe.MatchString(*b.SavepointPath) {
		return fail(badRequest("Invalid savepoint_path: it must be an OBS directory such as bucket_name/file_name/."))
	}
	j, err := lookupFlinkJob(c, c.path("job_id"))
	if err != nil {
		return fail(err)
	}
	if _, serr := j.TriggerSavepoint(*b.SavepointPath, c.nowMillis()); serr != nil {
		return failDomain(serr)
	}
	return ok(flinkOK("The savepoint of the job is being created."))
}
