package httpapi

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// jobIDsBody is the body of batch run, stop and delete.
type jobIDsBody struct {
	JobIDs           []json.Number `json:"job_ids"`
	ResumeSavepoint  flexBool      `json:"resume_savepoint"`
	TriggerSavepoint flexBool      `json:"trigger_savepoint"`
	TriggerSavePoint flexBool      `json:"trigger_save_point"`
}

func (c *call) decodeJobIDs() (jobIDsBody, []string, *apiError) {
	b := jobIDsBody{ResumeSavepoint: flexBool{name: "resume_savepoint"},
		TriggerSavepoint: flexBool{name: "trigger_savepoint"}, TriggerSavePoint: flexBool{name: "trigger_save_point"}}
	if err := c.decode(&b); err != nil {
		return b, nil, err
	}
	if len(b.JobIDs) == 0 {
		return b, nil, badRequest("job_ids is required and must not be empty.")
	}
	ids := make([]string, len(b.JobIDs))
	for i, n := range b.JobIDs {
		if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
			return b, nil, badRequest("Invalid job_ids[%d] %s: job ids are integers.", i, n)
		}
		ids[i] = n.String()
	}
	return b, ids, nil
}

// runFlinkJobs is §9.6. The response is a JSON array with one {is_success, message} per
// job, in request order; a job that cannot be run gets is_success "false" and the reason.
func (e *Server) runFlinkJobs(c *call) result {
	b, ids, err := c.decodeJobIDs()
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	items := make([]flinkEnvelope, 0, len(ids))
	for _, id := range ids {
		j, lerr := lookupFlinkJob(c, id)
		if lerr != nil {
			items = append(items, flinkItem(false, lerr.Msg))
			continue
		}
		if msg := e.runRefusal(c, j, now); msg != "" {
			items = append(items, flinkItem(false, msg))
			continue
		}
		rec := FlinkRunRecord{At: now, ResumeSavepoint: b.ResumeSavepoint.Value, SQL: j.SQL, Entrypoint: j.Config.Entrypoint}
		if b.ResumeSavepoint.Value {
			if sp := j.LatestSavepoint(now); sp != nil {
				rec.ResumedFrom = sp.Path
			}
		}
		j.Runs = append(j.Runs, rec)
		j.Action, j.ActionAt, j.StartTime, j.Savepoint = "run", now, now, false
		j.RunFrom = now
		if q := c.proj.Queues[j.QueueName]; q != nil && j.RunMode == "exclusive_cluster" {
			j.RunFrom = q.WorkStart(now) // a new queue accepts the run; it starts once provisioned
		}
		j.Outcome, j.OutcomeDesc, j.CrashedAt, j.CrashDesc = "", "", 0, ""
		if f := c.proj.TakeFlinkFailure(j, FlinkFailSubmit, FlinkFailRunning); f != nil {
			j.Outcome, j.OutcomeDesc = f.Phase, f.Reason
		}
		items = append(items, flinkItem(true, "The job submission request is issued successfully."))
	}
	return ok(items)
}

// runRefusal says why a job cannot be run now ("" when it can).
func (e *Server) runRefusal(c *call, j *flinkJob, now int64) string {
	switch st, _ := j.StatusAt(now); st {
	case flinkSubmitting, flinkRunning, flinkSavepointing, flinkCanceling:
		return fmt.Sprintf("The job %d cannot be run: its status is %s.", j.ID, st)
	}
	if j.IsJar() && j.Config.Entrypoint == "" { // dli_flink_jar_job
		return fmt.Sprintf("The job %d cannot be run: it has no entrypoint (the JAR with its main class).", j.ID)
	}
	if !j.IsJar() && j.SQL == "" {
		return fmt.Sprintf("The job %d cannot be run: it has no sql_body.", j.ID)
	}
	if j.RunMode != "exclusive_cluster" {
		return ""
	}
	if j.QueueName == "" {
		return fmt.Sprintf("The job %d cannot be run: a job in exclusive_cluster mode needs a queue (queue_name).", j.ID)
	}
	q := c.proj.Queues[j.QueueName]
	switch {
	case q == nil:
		return fmt.Sprintf("The job %d cannot be run: there is no queue named %s.", j.ID, j.QueueName)
	case q.Type != "general":
		return fmt.Sprintf("The job %d cannot be run: queue %s is a %s queue; Flink jobs need a general-purpose queue.", j.ID, q.Name, q.Type)
	case j.Config.CuNumber > q.CUCount(now):
		return fmt.Sprintf("The job %d cannot be run: cu_number %d exceeds the %d CUs of queue %s.", j.ID, j.Config.CuNumber, q.CUCount(now), q.Name)
	}
	return ""
}

// stopFlinkJobs is §9.10; the response is an array like §9.6 (WIRE-NOTES).
func (e *Server) stopFlinkJobs(c *call) result {
	b, ids, err := c.decodeJobIDs()
	if err != nil {
		return fail(err)
	}
	savepoint := b.TriggerSavepoint.Value || b.TriggerSavePoint.Value
	now := c.nowMillis()
	items := make([]flinkEnvelope, 0, len(ids))
	for _, id := range ids {
		j, lerr := lookupFlinkJob(c, id)
		if lerr != nil {
			items = append(items, flinkItem(false, lerr.Msg))
			continue
		}
		st, _ := j.StatusAt(now)
		if st != flinkRunning && st != flinkSubmitting && st != flinkCancelFail {
			items = append(items, flinkItem(false, fmt.Sprintf("The job %d cannot be stopped: it is not running (status %s).", j.ID, st)))
			continue
		}
		rec := FlinkStopRecord{At: now, TriggerSavepoint: savepoint, StatusBefore: st}
		j.Action, j.ActionAt, j.Savepoint = "stop", now, savepoint && st != flinkSubmitting
		j.Outcome, j.OutcomeDesc = "", ""
		if f := c.proj.TakeFlinkFailure(j, FlinkFailStop); f != nil {
			j.Outcome, j.OutcomeDesc = f.Phase, f.Reason
		}
		if j.Savepoint && j.Outcome == "" {
			sp := flinkSavepoint{
				Path: fmt.Sprintf("obs://dli-savepoints/%s/%d/savepoint-%d", c.projectID, j.ID, len(j.Savepoints)+1),
				Time: now + flinkSavepointTime.Milliseconds(),
			}
			j.Savepoints = append(j.Savepoints, sp)
			rec.SavepointPath = sp.Path
		}
		j.Stops = append(j.Stops, rec)
		items = append(items, flinkItem(true, "The job stop request is issued successfully."))
	}
	return ok(items)
}

// deleteFlinkJob is §9.11: any status; a running job is stopped without a savepoint.
func (e *Server) deleteFlinkJob(c *call) result {
	j, err := lookupFlinkJob(c, c.path("job_id"))
	if err != nil {
		return fail(err)
	}
	j.MarkDeleted(c.nowMillis())
	c.proj.DropPrivileges("jobs.flink." + strconv.FormatInt(j.ID, 10)) // permissions: grants go with the object
	return ok(flinkOK("The job is deleted successfully."))
}

// batchDeleteFlinkJobs is §9.12; every id must exist. The seed's example is one
// {is_success, message} object, but the SDK's BatchDeleteFlinkJobsResponse decodes a JSON
// array (as for run and stop, WIRE-NOTES), so it answers one element per job.
func (e *Server) batchDeleteFlinkJobs(c *call) result {
	_, ids, err := c.decodeJobIDs()
	if err != nil {
		return fail(err)
	}
	jobs := make([]*flinkJob, 0, len(ids))
	for _, id := range ids {
		j, lerr := lookupFlinkJob(c, id)
		if lerr != nil {
			return fail(lerr)
		}
		jobs = append(jobs, j)
	}
	items := make([]flinkEnvelope, 0, len(jobs))
	for _, j := range jobs {
		j.MarkDeleted(c.nowMillis())
		c.proj.DropPrivileges("jobs.flink." + strconv.FormatInt(j.ID, 10)) // permissions: grants go with the object
		items = append(items, flinkItem(true, "The job is deleted successfully."))
	}
	return ok(items)
}
