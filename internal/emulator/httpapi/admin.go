package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// AdminHeader must be sent, with the value "1", on every state-changing admin
// request (any method but GET and HEAD under /_emulator/). A web page cannot
// add a custom header to a cross-origin request without a CORS preflight, and
// the emulator refuses every preflight, so no page can reach these endpoints.
const AdminHeader = "X-Emulator-Admin"

func isAdminPath(path string) bool {
	return path == "/_emulator" || strings.HasPrefix(path, "/_emulator/")
}

// adminAllowed is the admin guard: it refuses CORS preflights and
// state-changing requests without AdminHeader with 403 (and no
// Access-Control-Allow-* header), and reports whether the request may go on.
func (e *Server) adminAllowed(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case r.Method == http.MethodOptions:
		writeError(w, newError(http.StatusForbidden, "EMU.0403",
			"The emulator admin API refuses cross-origin (CORS preflight) requests."))
	case r.Method == http.MethodGet || r.Method == http.MethodHead:
		return true
	case r.Header.Get(AdminHeader) != "1":
		writeError(w, newError(http.StatusForbidden, "EMU.0403",
			"State-changing emulator admin requests need the header "+AdminHeader+": 1."))
	default:
		return true
	}
	e.logf("%s %s refused by the admin guard", r.Method, r.URL.RequestURI())
	return false
}

// adminRoute is an unauthenticated /_emulator/ endpoint added by a feature
// file (forced failures and the like), listed in adminHookRoutes (routes.go).
type adminRoute struct {
	Pattern string // ServeMux pattern with method, e.g. "POST /_emulator/batches/{batch_id}/fail"
	Handle  func(e *Server, w http.ResponseWriter, r *http.Request)
}

// registerAdmin adds the unauthenticated /_emulator/ endpoints. They are
// never faulted and never counted.
func (e *Server) registerAdmin() {
	for _, rt := range adminHookRoutes {
		handle := rt.Handle
		e.mux.HandleFunc(rt.Pattern, func(w http.ResponseWriter, r *http.Request) { handle(e, w, r) })
	}
	e.mux.HandleFunc("GET /_emulator/health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	e.mux.HandleFunc("GET /_emulator/requests", func(w http.ResponseWriter, r *http.Request) {
		counts := e.RequestCounts()
		total := 0
		for _, n := range counts {
			total += n
		}
		writeJSON(w, http.StatusOK, map[string]any{"counts": counts, "total": total, "throttled": e.ThrottledCount()})
	})
	e.mux.HandleFunc("DELETE /_emulator/requests", func(w http.ResponseWriter, r *http.Request) {
		e.ResetCounts()
		writeJSON(w, http.StatusOK, map[string]any{"counts": map[string]int{}, "total": 0, "throttled": 0})
	})
	e.mux.HandleFunc("GET /_emulator/inventory", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, e.Inventory())
	})
	e.mux.HandleFunc("GET /_emulator/leftovers", func(w http.ResponseWriter, r *http.Request) {
		inv := e.Inventory()
		writeJSON(w, http.StatusOK, map[string][]string{"leftovers": inv.Leftovers(), "duplicates": inv.Duplicates()})
	})
	e.mux.HandleFunc("GET /_emulator/responses", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"responses": e.PendingReplacements()})
	})
	e.mux.HandleFunc("PUT /_emulator/responses", func(w http.ResponseWriter, r *http.Request) {
		var rep Replacement
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes)).Decode(&rep); err != nil {
			writeError(w, badRequest("Invalid replaced response: %v", err))
			return
		}
		if err := e.Replace(rep); err != nil {
			writeError(w, badRequest("Invalid replaced response: %v", err))
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"responses": e.PendingReplacements()})
	})
	e.mux.HandleFunc("DELETE /_emulator/responses", func(w http.ResponseWriter, r *http.Request) {
		e.ClearReplacements()
		writeJSON(w, http.StatusOK, map[string]any{"responses": []Replacement{}})
	})
	e.mux.HandleFunc("GET /_emulator/unpublished", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"operations": e.Unpublished()})
	})
	e.mux.HandleFunc("PUT /_emulator/unpublished", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Operations []string `json:"operations"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			writeError(w, badRequest("Invalid unpublished operations: %v", err))
			return
		}
		if err := e.setUnpublished(body.Operations); err != nil {
			writeError(w, badRequest("Invalid unpublished operations: %v", err))
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"operations": e.Unpublished()})
	})
	e.mux.HandleFunc("POST /_emulator/reset", func(w http.ResponseWriter, r *http.Request) {
		e.Reset()
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	e.mux.HandleFunc("GET /_emulator/faults", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, e.currentFaults())
	})
	e.mux.HandleFunc("PUT /_emulator/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Faults
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&f); err != nil {
			writeError(w, badRequest("Invalid faults: %v", err))
			return
		}
		e.SetFaults(f)
		writeJSON(w, http.StatusOK, e.currentFaults())
	})
	e.mux.HandleFunc("GET /_emulator/clock", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, e.clockJSON())
	})
	e.mux.HandleFunc("POST /_emulator/clock", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			AdvanceSeconds *float64 `json:"advance_seconds"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			writeError(w, badRequest("Invalid clock request: %v", err))
			return
		}
		if body.AdvanceSeconds == nil || *body.AdvanceSeconds < 0 {
			writeError(w, badRequest("advance_seconds is required and must not be negative."))
			return
		}
		e.Advance(time.Duration(*body.AdvanceSeconds * float64(time.Second)))
		writeJSON(w, http.StatusOK, e.clockJSON())
	})
	e.mux.HandleFunc("/_emulator/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, newError(http.StatusNotFound, "DLI.0023", "No admin endpoint matches "+r.Method+" "+r.URL.Path+"."))
	})
}

func (e *Server) clockJSON() map[string]any {
	return map[string]any{"now": e.clock.Now().UTC().Format(time.RFC3339), "speed": e.clock.Speed()}
}

// Reset clears all data, request counts, faults (the rate limit too) and
// replaced responses, re-seeds the fault random source, and restores the
// unpublished operations of Options.
func (e *Server) Reset() {
	e.resetData()
	e.fmu.Lock()
	e.faults = Faults{}
	e.limiter = newRateLimiter(0)
	e.rng = newFaultRand(e.opts.Seed)
	e.counts = map[string]int{}
	e.throttled = 0
	e.replaced = map[string][]Replacement{}
	e.fmu.Unlock()
	_ = e.setUnpublished(e.opts.Unpublished)
}
