package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// FlinkJob returns the history of a job (including a deleted one) from any project.
func (e *Server) FlinkJob(jobID int64) (FlinkJobHistory, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, p := range e.data.Projects {
		if j := p.FlinkData().Jobs[jobID]; j != nil {
			return j.History(e.clock.Now().UnixMilli()), true
		}
	}
	return FlinkJobHistory{}, false
}

// FlinkJobs returns the history of every Flink job of every project, by job id.
func (e *Server) FlinkJobs() map[int64]FlinkJobHistory {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now().UnixMilli()
	out := map[int64]FlinkJobHistory{}
	for _, p := range e.data.Projects {
		for id, j := range p.FlinkData().Jobs {
			out[id] = j.History(now)
		}
	}
	return out
}

// FailNextFlinkRun arms a forced failure: the next run (phase submit or running) or stop
// (phase stop) of the job with f.JobID, or of a job named f.JobName, fails with f.Reason.
// Without a job id the failure is armed in every configured project.
func (e *Server) FailNextFlinkRun(f FlinkFailure) error {
	if f.Phase == "" {
		f.Phase = FlinkFailSubmit
	}
	if f.Phase != FlinkFailSubmit && f.Phase != FlinkFailRunning && f.Phase != FlinkFailStop {
		return fmt.Errorf("phase %q: must be submit, running or stop", f.Phase)
	}
	if f.JobID == 0 && f.JobName == "" {
		return fmt.Errorf("job_id or job_name is required")
	}
	if f.Reason == "" {
		f.Reason = "Forced failure (emulator)."
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	armed := false
	for id := range e.projectIDs {
		p := e.data.Project(id)
		if f.JobID != 0 && p.FlinkData().Jobs[f.JobID] == nil {
			continue
		}
		p.FlinkData().Failures = append(p.FlinkData().Failures, f)
		armed = true
	}
	if !armed {
		return fmt.Errorf("no Flink job %d", f.JobID)
	}
	return nil
}

// CrashFlinkJob makes a running job fail now: its status becomes job_running_exception.
func (e *Server) CrashFlinkJob(jobID int64, reason string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now().UnixMilli()
	for _, p := range e.data.Projects {
		j := p.FlinkData().Jobs[jobID]
		if j == nil || j.Deleted {
			continue
		}
		if st, _ := j.StatusAt(now); st != flinkRunning {
			return fmt.Errorf("job %d is not running (status %s)", jobID, st)
		}
		if reason == "" {
			reason = "The job hit a runtime exception and stopped (emulator)."
		}
		j.CrashedAt, j.CrashDesc = now, reason
		return nil
	}
	return fmt.Errorf("no Flink job %d", jobID)
}

func adminJobID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("job_id"), 10, 64)
	if err != nil {
		writeError(w, badRequest("Invalid job id %q.", r.PathValue("job_id")))
		return 0, false
	}
	return id, true
}

func (e *Server) adminFlinkJob(w http.ResponseWriter, r *http.Request) {
	id, valid := adminJobID(w, r)
	if !valid {
		return
	}
	h, found := e.FlinkJob(id)
	if !found {
		writeError(w, newError(http.StatusNotFound, "DLI.0002", fmt.Sprintf("No Flink job %d.", id)))
		return
	}
	writeJSON(w, http.StatusOK, h)
}

func (e *Server) adminFlinkFailNext(w http.ResponseWriter, r *http.Request) {
	var f FlinkFailure
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&f); err != nil {
		writeError(w, badRequest("Invalid request: %v", err))
		return
	}
	if err := e.FailNextFlinkRun(f); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "armed"})
}

func (e *Server) adminFlinkCrash(w http.ResponseWriter, r *http.Request) {
	id, valid := adminJobID(w, r)
	if !valid {
		return
	}
	var body struct {
		Reason string `json:"reason"`
	}
	if r.ContentLength != 0 {
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			writeError(w, badRequest("Invalid request: %v", err))
			return
		}
	}
	if err := e.CrashFlinkJob(id, body.Reason); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "crashed"})
}
