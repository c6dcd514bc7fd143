package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// FailBatch makes an existing batch job end dead with reason when its (first) run ends,
// or after a retry when it was submitted with auto_recovery. It fails for an unknown job
// and for one that has already finished its first run.
func (e *Server) FailBatch(id, reason string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now().UnixMilli()
	for pid := range e.projectIDs {
		j := e.data.Project(pid).BatchData().Jobs[id]
		if j == nil {
			continue
		}
		if events := j.EventsAt(now); len(events) > 2 || j.CancelAt != 0 {
			return fmt.Errorf("batch job %s is already %s", id, events[len(events)-1].State)
		}
		j.FailReason = failReason(reason)
		return nil
	}
	return fmt.Errorf("batch job %s does not exist", id)
}

// FailBatchesNamed makes every batch job created later with this name (in any project) end
// dead with reason; an empty reason clears the rule.
func (e *Server) FailBatchesNamed(name, reason string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for pid := range e.projectIDs {
		rules := e.data.Project(pid).BatchData().FailNamed
		if reason == "" {
			delete(rules, name)
		} else {
			rules[name] = reason
		}
	}
}

// SetBatchRunTime sets how long (emulated time) batch jobs created later run before they
// end; 0 restores the default of 120 seconds.
func (e *Server) SetBatchRunTime(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for pid := range e.projectIDs {
		e.data.Project(pid).BatchData().RunSeconds = int64(d / time.Second)
	}
}

func failReason(reason string) string {
	if reason == "" {
		return "java.lang.RuntimeException: job failed (injected by the emulator)"
	}
	return reason
}

func (e *Server) adminFailBatch(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Reason string `json:"reason"`
	}
	if r.ContentLength != 0 {
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			writeError(w, badRequest("Invalid request: %v", err))
			return
		}
	}
	if err := e.FailBatch(r.PathValue("batch_id"), body.Reason); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (e *Server) adminFailBatchesNamed(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name   string `json:"name"`
		Reason string `json:"reason"`
		Clear  bool   `json:"clear"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil || body.Name == "" {
		writeError(w, badRequest("A body {\"name\": <job name>, \"reason\": <text>} is required (\"clear\": true removes the rule)."))
		return
	}
	reason := failReason(body.Reason)
	if body.Clear {
		reason = ""
	}
	e.FailBatchesNamed(body.Name, reason)
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (e *Server) adminBatchRunTime(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Seconds *float64 `json:"seconds"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil || body.Seconds == nil || *body.Seconds < 0 {
		writeError(w, badRequest("A body {\"seconds\": N} with N >= 0 is required."))
		return
	}
	e.SetBatchRunTime(time.Duration(*body.Seconds * float64(time.Second)))
	writeJSON(w, http.StatusOK, map[string]any{"seconds": *body.Seconds})
}
