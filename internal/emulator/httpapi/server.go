// Package httpapi is the emulator's HTTP layer: the explicit route table, AK/SK
// authentication, fault injection and the rate limit, the /_emulator/ admin API, the wire
// DTOs and the handlers that turn domain outcomes into DLI/DataArts answers. See
// ../README.md for every behaviour decision.
package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Demo credentials and project used when Options leaves them empty.
const (
	DemoAccessKey = "HWDEMOACCESSKEY000001"
	DemoSecretKey = "hwdemosecretkey0000000000000000000000001"
	DemoRegion    = "cn-north-4"
	DemoProjectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
)

// maxBodyBytes caps every API request body before it is read (README.md, "Request
// pipeline"). The largest legitimate bodies are a Flink SQL job (sql_body up to 1 MiB,
// §9.2) and a connection's hosts (at most 20,000 records, §12.1), both well below 2 MiB
// once JSON-encoded. The gateway's documented 12 MB is an upper bound the emulator need
// not accept: it reads no more than this before the signature is known to be good.
const maxBodyBytes = 2 << 20

// Options configures an Emulator.
type Options struct {
	AccessKey, SecretKey string                           // "" -> demo pair
	Projects             map[string]string                // region -> project id; nil -> {DemoRegion: DemoProjectID}
	Speed                float64                          // emulated seconds per real second; 0 -> 1
	Seed                 int64                            // fault-injection randomness (deterministic per seed)
	Faults               Faults                           // initial fault configuration
	RateLimit            float64                          // requests per second per project (token bucket, burst = limit); 0 = none. Overrides Faults.RateLimit when set.
	Unpublished          []string                         // operations answered as not published (APIGW.0101)
	StateFile            string                           // "" -> in memory only; else loaded at New, written in the background, by Save and by Close
	DataArtsFixtures     string                           // DataArts fixture file; "" -> DefaultDataArtsFixture
	Logf                 func(format string, args ...any) // optional request log
}

// Emulator is an http.Handler serving the emulated DLI and IAM APIs plus the
// unauthenticated /_emulator/ admin API.
type Server struct {
	opts       Options
	ak, sk     string
	projects   map[string]string // region -> project id
	projectIDs map[string]string // project id -> region
	clock      *clock
	mux        *http.ServeMux

	mu      sync.Mutex // guards data and saves
	data    *stateData
	persist *store.Persister // background snapshot writer; nil without Options.StateFile

	dataarts dataArtsState // DataArts fixture (dataarts_fixtures.go); guarded by mu

	fmu         sync.Mutex // guards faults, rng, counts, throttled, limiter, replaced, unpublished and sqlFailures
	faults      Faults
	rng         *faultRand
	counts      map[string]int
	throttled   int
	limiter     *rateLimiter
	replaced    map[string][]Replacement // operation -> queued replaced responses
	unpublished map[string]bool
	sqlFailures []sqlJobFailure // FailSQLJobs fixtures (not persisted)

	realNow func() time.Time // real clock for the consistency delay and the rate limit; tests fake it

	creds *credentialState // temporary credentials and signer counts (iam_credentials.go)
}

// route is one API operation: an HTTP method and ServeMux path pattern, the
// operation name (the SDK method name, used for counts and fault filters)
// and its handler. Every route is listed in apiRoutes (routes.go).
type route struct {
	Method  string
	Pattern string
	Op      string
	Handle  func(e *Server, c *call) result
}

// New creates an Emulator, loading Options.StateFile if it exists.
func New(opts Options) (*Server, error) {
	e := &Server{opts: opts, ak: opts.AccessKey, sk: opts.SecretKey, realNow: time.Now, creds: newCredentialState()}
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
	e.clock = store.NewClock(time.Now(), speed)
	e.data = store.NewState()
	if err := e.initDataArts(); err != nil {
		return nil, err
	}
	if err := opts.Faults.validate(); err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	e.faults = opts.Faults
	if opts.RateLimit != 0 {
		e.faults.RateLimit = opts.RateLimit
	}
	if err := e.faults.validate(); err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	e.limiter = newRateLimiter(e.faults.RateLimit)
	e.rng = newFaultRand(opts.Seed)
	e.counts = map[string]int{}
	e.replaced = map[string][]Replacement{}
	if err := e.setUnpublished(opts.Unpublished); err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	if err := e.initPersistence(); err != nil {
		return nil, err
	}
	e.mux = http.NewServeMux()
	for _, rt := range apiRoutes {
		e.mux.Handle(rt.Method+" "+rt.Pattern, apiHandler{e: e, rt: rt})
	}
	e.registerAdmin()
	e.registerDataArtsAdmin()
	for _, rt := range unauthenticatedRoutes {
		e.mux.HandleFunc(rt.Pattern, func(w http.ResponseWriter, r *http.Request) { rt.Handle(e, w, r) })
	}
	e.mux.HandleFunc("/", e.serveUnrouted)
	return e, nil
}

// ServeHTTP implements http.Handler. Admin requests pass the admin guard first
// (admin.go): a state-changing one needs the X-Emulator-Admin header.
func (e *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	w.Header().Set("Content-Type", "application/json")
	admin := isAdminPath(r.URL.Path)
	if admin && !e.adminAllowed(w, r) {
		return
	}
	e.mux.ServeHTTP(w, r)
	if admin && r.Method != http.MethodGet && r.Method != http.MethodHead {
		e.stateChanged() // hooks and fixtures change state too
	}
}

func (e *Server) logf(format string, args ...any) {
	if e.opts.Logf != nil {
		e.opts.Logf(format, args...)
	}
}

// count records one request for an operation.
func (e *Server) count(op string) {
	e.fmu.Lock()
	e.counts[op]++
	e.fmu.Unlock()
}

// RequestCounts returns the number of API requests received per operation
// name, including faulted and rejected ones. Admin requests are not counted.
func (e *Server) RequestCounts() map[string]int {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	out := make(map[string]int, len(e.counts))
	for k, v := range e.counts {
		out[k] = v
	}
	return out
}

// ResetCounts clears the request counts.
func (e *Server) ResetCounts() {
	e.fmu.Lock()
	e.counts = map[string]int{}
	e.throttled = 0
	e.fmu.Unlock()
	e.creds.resetSigners()
}

// Advance moves the emulated clock forward by d.
func (e *Server) Advance(d time.Duration) { e.clock.Advance(d) }

// Now returns the current emulated time.
func (e *Server) Now() time.Time { return e.clock.Now() }

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
