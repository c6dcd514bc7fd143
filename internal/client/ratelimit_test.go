package client

import (
	"context"
	"math"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a clock whose Sleep advances time at once.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Unix(1_700_000_000, 0)} }

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	f.advance(d)
	return nil
}

func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

// send is one request through the controller: wait for the slot, then report the outcome.
func send(t *testing.T, rc *rateController, throttled bool) time.Time {
	t.Helper()
	at, err := rc.wait(context.Background())
	if err != nil {
		t.Fatalf("wait: %v", err)
	}
	rc.observe(at, throttled)
	return at
}

// (a) A server that never throttles never makes the client wait: no limit, no waits.
func TestAdaptiveRateNoWaitWithoutThrottling(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.RateLimit = 0 })
	ctx := testCtx(t)
	var wg sync.WaitGroup
	var failed atomic.Int32
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				if c.Do(ctx, testRequest(), nil) != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if failed.Load() != 0 {
		t.Fatalf("%d calls failed", failed.Load())
	}
	if st := c.adaptiveFor(ServiceDLI).stats(); st.Waits != 0 || st.Limiting || st.Rate != 0 || st.Throttles != 0 {
		t.Errorf("limiter after 300 unthrottled calls = %+v; want no limit and no waits", st)
	}
}

// (b) After a throttle the limit drops to β × the measured rate, once per congestion event;
// it then recovers past the old rate, and with demand below it switches limiting off.
func TestAdaptiveRateDropsAndRecovers(t *testing.T) {
	fc := newFakeClock()
	rc := newRateController(fc, 0, true)
	// 1 s at 100 requests/s, unthrottled: no limit.
	for i := 0; i < 100; i++ {
		send(t, rc, false)
		fc.advance(10 * time.Millisecond)
	}
	if st := rc.stats(); st.Limiting || st.Waits != 0 {
		t.Fatalf("before any throttle: %+v", st)
	}
	early, _ := rc.wait(context.Background()) // in flight while the throttle arrives
	send(t, rc, true)
	st := rc.stats()
	if !st.Limiting || math.Abs(st.Rate-0.7*100) > 3 {
		t.Fatalf("after a 429 at ~100/s: %+v, want limiting at ~70/s", st)
	}
	rc.observe(early, true) // sent before the decrease: no news
	if st2 := rc.stats(); st2.Decreases != 1 || st2.Rate != st.Rate || st2.Throttles != 2 {
		t.Fatalf("a throttle of a request sent before the decrease lowered the limit again: %+v", st2)
	}
	// Demand above the limit: every request waits for its slot; the limit climbs back.
	lowest, prev := st.Rate, st.Rate
	start := fc.Now()
	for fc.Now().Sub(start) < 3*time.Second {
		send(t, rc, false)
		r := rc.stats().Rate
		if r < prev-1e-9 {
			t.Fatalf("the limit fell from %.2f to %.2f without a throttle", prev, r)
		}
		prev = r
	}
	st = rc.stats()
	if !st.Limiting || st.Waits == 0 || st.Rate <= 100 || st.Rate <= lowest {
		t.Fatalf("3 s after the throttle with saturating demand: %+v; want the limit above the old 100/s", st)
	}
	// Demand well below the limit: the curve passes twice anything measured, limiting ends.
	for i := 0; i < 200 && rc.stats().Limiting; i++ {
		fc.advance(100 * time.Millisecond)
		send(t, rc, false)
	}
	if st = rc.stats(); st.Limiting || st.Rate != 0 {
		t.Fatalf("after 20 s of low demand: %+v; want limiting off", st)
	}
	waits := st.Waits
	for i := 0; i < 50; i++ {
		send(t, rc, false)
	}
	if st = rc.stats(); st.Waits != waits {
		t.Errorf("unlimited again, yet %d more waits", st.Waits-waits)
	}
}

// Repeated throttles never push the limit below the floor; a hard cap bounds it from above.
func TestAdaptiveRateFloorAndHardCap(t *testing.T) {
	fc := newFakeClock()
	rc := newRateController(fc, 0, true)
	for i := 0; i < 20; i++ {
		send(t, rc, true)
		fc.advance(time.Second)
	}
	if st := rc.stats(); st.Rate < adaptiveMinRate || st.Rate > adaptiveMinRate+1e-9 {
		t.Errorf("after 20 throttles: rate %.3f, want the floor %.1f", st.Rate, adaptiveMinRate)
	}
	capped := newRateController(fc, 5, true)
	for i := 0; i < 100; i++ {
		send(t, capped, false)
	}
	if st := capped.stats(); st.Rate != 5 || st.Limiting {
		t.Errorf("hard cap only: %+v", st)
	}
	before := fc.Now()
	for i := 0; i < 10; i++ {
		send(t, capped, false)
	}
	if got := fc.Now().Sub(before); got < time.Second {
		t.Errorf("10 requests at a 5/s cap advanced the (fake) clock by %v, want ≥ 1.8s", got)
	}
}

// A wait that would pass the deadline is refused at once, and gives its slot back.
func TestAdaptiveRateRefusesWaitPastDeadline(t *testing.T) {
	fc := newFakeClock()
	rc := newRateController(fc, 1, true)
	send(t, rc, false) // uses the one token
	ctx, cancel := context.WithDeadline(context.Background(), fc.Now().Add(100*time.Millisecond))
	defer cancel()
	if _, err := rc.wait(ctx); err == nil {
		t.Fatal("want an error: the next slot is 1 s away, the deadline 100 ms")
	}
	fc.advance(time.Second)
	if st := rc.stats(); st.Waits != 0 {
		t.Errorf("refused wait counted: %+v", st)
	}
	before := fc.Now()
	send(t, rc, false)
	if fc.Now() != before {
		t.Error("the refused wait did not give its slot back")
	}
}

// (c) Against a server that throttles above N requests/s (a token bucket answering 429 with
// Retry-After), 500 requests from 10 goroutines all complete, and no more than 5% of the
// requests the server saw were answered 429.
func TestAdaptiveRateAgainstThrottlingServer(t *testing.T) {
	const (
		limit    = 200.0 // requests per second the server accepts
		capacity = 200.0 // its burst
	)
	var mu sync.Mutex
	tokens, last := capacity, time.Now()
	var ok, throttled atomic.Int64
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		now := time.Now()
		tokens = min(capacity, tokens+now.Sub(last).Seconds()*limit)
		last = now
		allow := tokens >= 1
		if allow {
			tokens--
		}
		mu.Unlock()
		if !allow {
			throttled.Add(1)
			w.Header().Set("Retry-After", "1")
			writeDLIError(w, http.StatusTooManyRequests, "APIGW.0308", "The throttling threshold has been reached")
			return
		}
		ok.Add(1)
		writeJSON(w, 200, map[string]any{"is_success": true})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.RateLimit = 0; c.MaxRetries = 20 })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	var failed atomic.Int32
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if err := c.Do(ctx, testRequest(), nil); err != nil {
					failed.Add(1)
					t.Errorf("call failed: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if failed.Load() != 0 {
		t.FailNow()
	}
	total := ok.Load() + throttled.Load()
	ratio := float64(throttled.Load()) / float64(total)
	t.Logf("500 calls: %d requests, %d answered 429 (%.2f%%); limiter %+v", total, throttled.Load(), 100*ratio, c.adaptiveFor(ServiceDLI).stats())
	if ok.Load() != 500 {
		t.Errorf("successful requests = %d, want 500", ok.Load())
	}
	if ratio > 0.05 {
		t.Errorf("%.2f%% of requests were answered 429, want ≤ 5%%", 100*ratio)
	}
}

// Throttling is per API family: DLI answering 429 does not slow DataArts calls down, while
// the adaptive controller is shared by every call to DLI.
func TestAdaptiveRatePerService(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/v1.0/"+testProjectID+"/things" {
			writeDLIError(w, http.StatusTooManyRequests, "APIGW.0308", "throttled")
			return
		}
		writeJSON(w, 200, map[string]any{"ok": true})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.Endpoints[ServiceDataArts] = ts.URL; c.MaxRetries = 0 })
	ctx := testCtx(t)
	if err := c.Do(ctx, testRequest(), nil); err == nil {
		t.Fatal("want the 429")
	}
	var out map[string]any
	if err := c.Do(ctx, Request{Service: ServiceDataArts, Operation: "Other", Method: http.MethodGet, Path: "/v1/other"}, &out); err != nil {
		t.Fatal(err)
	}
	if dli, da := c.adaptiveFor(ServiceDLI).stats(), c.adaptiveFor(ServiceDataArts).stats(); !dli.Limiting || da.Limiting || da.Waits != 0 {
		t.Errorf("DLI %+v, DataArts %+v; want only DLI limited", dli, da)
	}
}
