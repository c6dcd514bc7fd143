// Package emulator is a local, in-process emulator of the Huawei Cloud Data
// Lake Insight (DLI) and IAM APIs used by the huaweidata Terraform provider.
//
// It is an independent reading of the published API documents: it verifies
// SDK-HMAC-SHA256 signatures itself, keeps per-project state, models the
// asynchronous parts of the service lazily from an emulated clock, and can
// inject faults. See README.md in this directory for every behaviour decision.
package emulator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Demo credentials and project used when Options leaves them empty.
const (
	DemoAccessKey = "HWDEMOACCESSKEY000001"
	DemoSecretKey = "hwdemosecretkey0000000000000000000000001"
	DemoRegion    = "cn-north-4"
	DemoProjectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
)

// maxBodyBytes is the AK/SK body limit documented in §3.2 (12 MB).
const maxBodyBytes = 12 << 20

// Options configures an Emulator.
type Options struct {
	AccessKey, SecretKey string                           // "" -> demo pair
	Projects             map[string]string                // region -> project id; nil -> {DemoRegion: DemoProjectID}
	Speed                float64                          // emulated seconds per real second; 0 -> 1
	Seed                 int64                            // fault-injection randomness (deterministic per seed)
	Faults               Faults                           // initial fault configuration
	StateFile            string                           // "" -> in memory only; else loaded at New, written by Save
	DataArtsFixtures     string                           // DataArts fixture file; "" -> DefaultDataArtsFixture
	Logf                 func(format string, args ...any) // optional request log
}

// Emulator is an http.Handler serving the emulated DLI and IAM APIs plus the
// unauthenticated /_emulator/ admin API.
type Emulator struct {
	opts       Options
	ak, sk     string
	projects   map[string]string // region -> project id
	projectIDs map[string]string // project id -> region
	clock      *clock
	mux        *http.ServeMux

	mu   sync.Mutex // guards data and saves
	data *stateData

	dataarts dataArtsState // DataArts fixture (dataarts_fixtures.go); guarded by mu

	fmu    sync.Mutex // guards faults, rng and counts
	faults Faults
	rng    *faultRand
	counts map[string]int
}

// route is one API operation: an HTTP method and ServeMux path pattern, the
// operation name (the SDK method name, used for counts and fault filters)
// and its handler. Feature files add their routes with registerRoutes.
type route struct {
	Method  string
	Pattern string
	Op      string
	Handle  func(e *Emulator, c *call) result
}

var allRoutes []route

// registerRoutes adds API routes; called from init functions of feature files.
func registerRoutes(rs ...route) { allRoutes = append(allRoutes, rs...) }

// New creates an Emulator, loading Options.StateFile if it exists.
func New(opts Options) (*Emulator, error) {
	e := &Emulator{opts: opts, ak: opts.AccessKey, sk: opts.SecretKey}
	if e.ak == "" && e.sk == "" {
		e.ak, e.sk = DemoAccessKey, DemoSecretKey
	}
	if e.ak == "" || e.sk == "" {
		return nil, errors.New("emulator: access key and secret key must both be set")
	}
	e.projects = map[string]string{}
	for k, v := range opts.Projects {
		e.projects[k] = v
	}
	if len(e.projects) == 0 {
		e.projects[DemoRegion] = DemoProjectID
	}
	e.projectIDs = map[string]string{}
	for region, id := range e.projects {
		if id == "" {
			return nil, fmt.Errorf("emulator: empty project id for region %q", region)
		}
		e.projectIDs[id] = region
	}
	speed := opts.Speed
	if speed <= 0 {
		speed = 1
	}
	e.clock = newClock(time.Now(), speed)
	e.data = newStateData()
	if err := e.initDataArts(); err != nil {
		return nil, err
	}
	if err := opts.Faults.validate(); err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	e.faults = opts.Faults
	e.rng = newFaultRand(opts.Seed)
	e.counts = map[string]int{}
	if opts.StateFile != "" {
		if err := e.load(); err != nil {
			return nil, err
		}
	}
	e.mux = http.NewServeMux()
	for _, rt := range allRoutes {
		e.mux.Handle(rt.Method+" "+rt.Pattern, apiHandler{e: e, rt: rt})
	}
	e.registerAdmin()
	e.registerDataArtsAdmin()
	e.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, newError(http.StatusNotFound, "DLI.0023",
			fmt.Sprintf("No API matches %s %s.", r.Method, r.URL.Path)))
	})
	return e, nil
}

// ServeHTTP implements http.Handler.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	w.Header().Set("Content-Type", "application/json")
	e.mux.ServeHTTP(w, r)
}

func (e *Emulator) logf(format string, args ...any) {
	if e.opts.Logf != nil {
		e.opts.Logf(format, args...)
	}
}

// apiHandler runs one API route: count, authenticate, check the project,
// inject faults, then call the handler under the data lock.
type apiHandler struct {
	e  *Emulator
	rt route
}

func (h apiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e, rt := h.e, h.rt
	start := time.Now()
	status := e.serveAPI(w, r, rt)
	e.logf("%s %s op=%s status=%d dur=%s", r.Method, r.URL.RequestURI(), rt.Op, status, time.Since(start).Round(time.Microsecond))
}

func (e *Emulator) serveAPI(w http.ResponseWriter, r *http.Request, rt route) int {
	e.count(rt.Op)
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return writeError(w, newError(http.StatusBadRequest, "DLI.0001", "Failed to read the request body."))
	}
	if len(body) > maxBodyBytes {
		return writeError(w, newError(http.StatusRequestEntityTooLarge, "DLI.0001", "The request body exceeds 12 MB."))
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	user, aerr := e.authenticate(r, body)
	if aerr != nil {
		aerr.RequestID = w.Header().Get("X-Request-Id")
		return writeError(w, aerr)
	}
	projectID := r.PathValue("project_id")
	if strings.Contains(rt.Pattern, "{project_id}") {
		if _, ok := e.projectIDs[projectID]; !ok {
			return writeError(w, newError(http.StatusUnauthorized, "DLI.0013",
				fmt.Sprintf("User authentication error: project %s does not belong to the authenticated account.", projectID)))
		}
	}
	fault, latency := e.pickFault(rt.Op)
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return 0
		}
	}
	if fault != 0 && fault != http.StatusRequestTimeout {
		return e.writeFault(w, fault)
	}
	c := &call{r: r, body: body, projectID: projectID, user: user}
	e.mu.Lock()
	c.now = e.clock.Now()
	if projectID != "" {
		c.proj = e.data.project(projectID)
	}
	res := rt.Handle(e, c)
	if res.Status == 0 {
		res.Status = http.StatusOK
	}
	if r.Method != http.MethodGet && res.Status < 300 && e.opts.StateFile != "" {
		if err := e.saveLocked(); err != nil {
			e.logf("emulator: saving state: %v", err)
		}
	}
	e.mu.Unlock()
	if fault == http.StatusRequestTimeout {
		return e.writeFault(w, fault)
	}
	return writeJSON(w, res.Status, res.Body)
}

// count records one request for an operation.
func (e *Emulator) count(op string) {
	e.fmu.Lock()
	e.counts[op]++
	e.fmu.Unlock()
}

// RequestCounts returns the number of API requests received per operation
// name, including faulted and rejected ones. Admin requests are not counted.
func (e *Emulator) RequestCounts() map[string]int {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	out := make(map[string]int, len(e.counts))
	for k, v := range e.counts {
		out[k] = v
	}
	return out
}

// ResetCounts clears the request counts.
func (e *Emulator) ResetCounts() {
	e.fmu.Lock()
	e.counts = map[string]int{}
	e.fmu.Unlock()
}

// Advance moves the emulated clock forward by d.
func (e *Emulator) Advance(d time.Duration) { e.clock.Advance(d) }

// Now returns the current emulated time.
func (e *Emulator) Now() time.Time { return e.clock.Now() }

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// newUUID returns a random RFC 4122 version 4 UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}
