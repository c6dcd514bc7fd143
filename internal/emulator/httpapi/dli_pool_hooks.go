package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"
)

// FailPoolsNamed makes the provisioning of every elastic resource pool created later with
// this name (in any project) end FAILED with reason; an empty reason clears the rule.
func (e *Server) FailPoolsNamed(name, reason string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	name = strings.ToLower(name)
	for pid := range e.projectIDs {
		rules := e.data.Project(pid).PoolData().FailNamed
		if reason == "" {
			delete(rules, name)
		} else {
			rules[name] = reason
		}
	}
}

// adminSetPoolFailure is PUT /_emulator/pool-failures {"name": "...", "reason": "..."}.
func (e *Server) adminSetPoolFailure(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Name   string `json:"name"`
		Reason string `json:"reason"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&b); err != nil || b.Name == "" {
		writeError(w, badRequest("Invalid pool failure: a JSON object with name and reason is required."))
		return
	}
	e.FailPoolsNamed(b.Name, b.Reason)
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
