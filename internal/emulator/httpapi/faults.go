package httpapi

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"time"
)

// Faults configures fault injection for API requests (never for /_emulator/).
type Faults struct {
	ErrorRates        map[int]float64 `json:"error_rates"`         // status -> probability; statuses 500, 502, 503, 504, 429, 408
	RetryAfterSeconds int             `json:"retry_after_seconds"` // sent with 429 and 503; <= 0 sends 1
	Latency           time.Duration   `json:"latency"`             // JSON: "latency_ms"
	ConsistencyDelay  time.Duration   `json:"consistency_delay"`   // JSON: "consistency_delay_ms"; new objects are invisible to reads for this long (real time)
	Operations        []string        `json:"operations"`          // optional: only these operations get error rates and latency
	RateLimit         float64         `json:"rate_limit"`          // requests per second per project (token bucket, burst = limit); 0 = none; never filtered by Operations
}

// faultStatuses are the HTTP statuses that can be injected.
var faultStatuses = []int{408, 429, 500, 502, 503, 504}

// faultsJSON is the admin wire form of Faults.
type faultsJSON struct {
	ErrorRates         map[string]float64 `json:"error_rates"`
	RetryAfterSeconds  int                `json:"retry_after_seconds"`
	LatencyMS          int64              `json:"latency_ms"`
	ConsistencyDelayMS int64              `json:"consistency_delay_ms"`
	Operations         []string           `json:"operations"`
	RateLimit          float64            `json:"rate_limit"`
}

// MarshalJSON renders the admin form: error_rates keyed by status string,
// latency_ms and consistency_delay_ms in milliseconds.
func (f Faults) MarshalJSON() ([]byte, error) {
	out := faultsJSON{
		ErrorRates:         map[string]float64{},
		RetryAfterSeconds:  f.RetryAfterSeconds,
		LatencyMS:          f.Latency.Milliseconds(),
		ConsistencyDelayMS: f.ConsistencyDelay.Milliseconds(),
		Operations:         f.Operations,
		RateLimit:          f.RateLimit,
	}
	for k, v := range f.ErrorRates {
		out.ErrorRates[strconv.Itoa(k)] = v
	}
	if out.Operations == nil {
		out.Operations = []string{}
	}
	return json.Marshal(out)
}

// UnmarshalJSON parses the admin form written by MarshalJSON.
func (f *Faults) UnmarshalJSON(data []byte) error {
	var in faultsJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	nf := Faults{
		RetryAfterSeconds: in.RetryAfterSeconds,
		Latency:           time.Duration(in.LatencyMS) * time.Millisecond,
		ConsistencyDelay:  time.Duration(in.ConsistencyDelayMS) * time.Millisecond,
		Operations:        in.Operations,
		RateLimit:         in.RateLimit,
	}
	if len(in.ErrorRates) > 0 {
		nf.ErrorRates = map[int]float64{}
		for k, v := range in.ErrorRates {
			code, err := strconv.Atoi(k)
			if err != nil {
				return fmt.Errorf("error_rates: %q is not an HTTP status", k)
			}
			nf.ErrorRates[code] = v
		}
	}
	if err := nf.validate(); err != nil {
		return err
	}
	*f = nf
	return nil
}

// validate checks statuses and probabilities.
func (f Faults) validate() error {
	for code, p := range f.ErrorRates {
		if !slices.Contains(faultStatuses, code) {
			return fmt.Errorf("error_rates: status %d cannot be injected (allowed: %v)", code, faultStatuses)
		}
		if p < 0 || p > 1 {
			return fmt.Errorf("error_rates: probability %v for %d is outside [0, 1]", p, code)
		}
	}
	if f.RateLimit < 0 {
		return fmt.Errorf("rate_limit %v must not be negative", f.RateLimit)
	}
	if f.Latency < 0 || f.ConsistencyDelay < 0 {
		return fmt.Errorf("latency and consistency delay must not be negative")
	}
	return nil
}

// faultRand is a deterministic random source for fault decisions.
type faultRand struct{ r *rand.Rand }

func newFaultRand(seed int64) *faultRand {
	return &faultRand{r: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))}
}

// SetFaults replaces the fault configuration, including the rate limit (a
// changed limit starts every project with a full bucket).
func (e *Server) SetFaults(f Faults) {
	e.fmu.Lock()
	e.faults = f
	if e.limiter.rate != f.RateLimit {
		e.limiter = newRateLimiter(f.RateLimit)
	}
	e.fmu.Unlock()
}

// currentFaults returns a copy of the fault configuration.
func (e *Server) currentFaults() Faults {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	return e.faults
}

// pickFault decides, with one draw from the seeded source, which status (if
// any) to inject for an operation, and the latency to add.
func (e *Server) pickFault(op string) (status int, latency time.Duration) {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	f := e.faults
	if len(f.Operations) > 0 && !slices.Contains(f.Operations, op) {
		return 0, 0
	}
	if len(f.ErrorRates) == 0 {
		return 0, f.Latency
	}
	codes := make([]int, 0, len(f.ErrorRates))
	for c := range f.ErrorRates {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	x := e.rng.r.Float64()
	cum := 0.0
	for _, c := range codes {
		cum += f.ErrorRates[c]
		if x < cum {
			return c, f.Latency
		}
	}
	return 0, f.Latency
}

// visible reports whether an object created at the given real time can be
// seen by reads, given the consistency delay.
func (e *Server) visible(createdReal time.Time) bool {
	d := e.currentFaults().ConsistencyDelay
	return d <= 0 || createdReal.IsZero() || e.realNow().Sub(createdReal) >= d
}

// writeFault writes an injected error response.
func (e *Server) writeFault(w http.ResponseWriter, status int) int {
	retry := e.currentFaults().RetryAfterSeconds
	if retry <= 0 {
		retry = 1
	}
	var err *apiError
	switch status {
	case http.StatusTooManyRequests:
		w.Header().Set("Retry-After", strconv.Itoa(retry))
		err = newError(status, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit (injected fault).")
	case http.StatusServiceUnavailable:
		w.Header().Set("Retry-After", strconv.Itoa(retry))
		err = newError(status, "APIGW.0203", "Service unavailable: the backend is temporarily unavailable (injected fault).")
	case http.StatusRequestTimeout:
		err = newError(status, "DLI.0019", "Request timed out (injected fault; the operation was performed before the timeout).")
	case http.StatusBadGateway:
		err = newError(status, "APIGW.0202", "Bad gateway: the backend returned an invalid response (injected fault).")
	case http.StatusGatewayTimeout:
		err = newError(status, "APIGW.0204", "Gateway timeout: the backend did not respond in time (injected fault).")
	default:
		err = newError(status, "DLI.0999", "Server-side system error (injected fault).")
	}
	return writeError(w, err)
}
