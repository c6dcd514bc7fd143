package httpapi

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
)

// Replacement is a canned response served instead of the real handler for the
// next Count requests of Operation (admin PUT /_emulator/responses). The real
// handler does not run for those requests, so they change no state; they are
// counted as usual.
type Replacement struct {
	Operation   string `json:"operation"`
	Status      int    `json:"status"`
	Body        string `json:"body"`
	ContentType string `json:"content_type"` // "" -> application/json
	Count       int    `json:"count"`        // <= 0 -> 1
}

// knownOperation reports whether an operation name is one the emulator serves.
func knownOperation(op string) bool {
	for _, rt := range apiRoutes {
		if rt.Op == op {
			return true
		}
	}
	return false
}

// Operations returns the names of every operation the emulator serves, sorted.
func Operations() []string {
	var out []string
	for _, rt := range apiRoutes {
		if !slices.Contains(out, rt.Op) {
			out = append(out, rt.Op)
		}
	}
	sort.Strings(out)
	return out
}

func (r *Replacement) normalize() error {
	if !knownOperation(r.Operation) {
		return fmt.Errorf("unknown operation %q", r.Operation)
	}
	if r.Status < 100 || r.Status > 599 {
		return fmt.Errorf("status %d is not an HTTP status", r.Status)
	}
	if r.ContentType == "" {
		r.ContentType = "application/json"
	}
	if r.Count <= 0 {
		r.Count = 1
	}
	return nil
}

// Replace queues a replaced response; replacements of one operation are
// served in the order they were queued.
func (e *Server) Replace(r Replacement) error {
	if err := r.normalize(); err != nil {
		return err
	}
	e.fmu.Lock()
	e.replaced[r.Operation] = append(e.replaced[r.Operation], r)
	e.fmu.Unlock()
	return nil
}

// ReplaceNextResponse makes the next count requests (at least 1) of operation
// get status and body (application/json) instead of the real answer. It
// panics on an unknown operation or status, which is a mistake in the test.
func (e *Server) ReplaceNextResponse(operation string, status int, body string, count int) {
	if err := e.Replace(Replacement{Operation: operation, Status: status, Body: body, Count: count}); err != nil {
		panic("emulator: ReplaceNextResponse: " + err.Error())
	}
}

// ClearReplacements drops every queued replaced response.
func (e *Server) ClearReplacements() {
	e.fmu.Lock()
	e.replaced = map[string][]Replacement{}
	e.fmu.Unlock()
}

// PendingReplacements returns the queued replaced responses.
func (e *Server) PendingReplacements() []Replacement {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	out := []Replacement{}
	for _, op := range Operations() {
		out = append(out, e.replaced[op]...)
	}
	return out
}

// takeReplacement consumes one use of the operation's first replacement.
func (e *Server) takeReplacement(op string) (Replacement, bool) {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	q := e.replaced[op]
	if len(q) == 0 {
		return Replacement{}, false
	}
	r := q[0]
	q[0].Count--
	if q[0].Count <= 0 {
		q = q[1:]
	}
	if len(q) == 0 {
		delete(e.replaced, op)
	} else {
		e.replaced[op] = q
	}
	return r, true
}

func writeReplacement(w http.ResponseWriter, r Replacement) int {
	w.Header().Set("Content-Type", r.ContentType)
	w.WriteHeader(r.Status)
	_, _ = w.Write([]byte(r.Body))
	return r.Status
}

// SetUnpublished makes the given operations answer 404 APIGW.0101 ("does not
// exist or has not been published"), as an API not offered in a region does;
// no argument publishes everything again. It panics on an unknown operation.
func (e *Server) SetUnpublished(ops ...string) {
	if err := e.setUnpublished(ops); err != nil {
		panic("emulator: SetUnpublished: " + err.Error())
	}
}

func (e *Server) setUnpublished(ops []string) error {
	m := map[string]bool{}
	for _, op := range ops {
		if !knownOperation(op) {
			return fmt.Errorf("unknown operation %q", op)
		}
		m[op] = true
	}
	e.fmu.Lock()
	e.unpublished = m
	e.fmu.Unlock()
	return nil
}

// Unpublished returns the operations currently answered as not published, sorted.
func (e *Server) Unpublished() []string {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	out := []string{}
	for op := range e.unpublished {
		out = append(out, op)
	}
	sort.Strings(out)
	return out
}

func (e *Server) isUnpublished(op string) bool {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	return e.unpublished[op]
}
