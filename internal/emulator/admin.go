package emulator

import (
	"encoding/json"
	"net/http"
	"time"
)

// adminRoute is an unauthenticated /_emulator/ endpoint added by a feature
// file (forced failures and the like) with registerAdminRoutes in its init.
type adminRoute struct {
	Pattern string // ServeMux pattern with method, e.g. "POST /_emulator/batches/{batch_id}/fail"
	Handle  func(e *Emulator, w http.ResponseWriter, r *http.Request)
}

var allAdminRoutes []adminRoute

// registerAdminRoutes adds admin endpoints; called from init functions of feature files.
func registerAdminRoutes(rs ...adminRoute) { allAdminRoutes = append(allAdminRoutes, rs...) }

// registerAdmin adds the unauthenticated /_emulator/ endpoints. They are
// never faulted and never counted.
func (e *Emulator) registerAdmin() {
	for _, rt := range allAdminRoutes {
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
		writeJSON(w, http.StatusOK, map[string]any{"counts": counts, "total": total})
	})
	e.mux.HandleFunc("DELETE /_emulator/requests", func(w http.ResponseWriter, r *http.Request) {
		e.ResetCounts()
		writeJSON(w, http.StatusOK, map[string]any{"counts": map[string]int{}, "total": 0})
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

func (e *Emulator) clockJSON() map[string]any {
	return map[string]any{"now": e.clock.Now().UTC().Format(time.RFC3339), "speed": e.clock.Speed()}
}

// Reset clears all data, request counts and faults, and re-seeds the fault
// random source.
func (e *Emulator) Reset() {
	e.resetData()
	e.fmu.Lock()
	e.faults = Faults{}
	e.rng = newFaultRand(e.opts.Seed)
	e.counts = map[string]int{}
	e.fmu.Unlock()
}
