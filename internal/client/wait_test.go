package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestWaitReturnsWhenDone(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	polls := 0
	err := c.Wait(testCtx(t), "thing to be ready", func(context.Context) (bool, string, error) {
		polls++
		return polls == 4, "step", nil
	})
	if err != nil || polls != 4 {
		t.Errorf("err = %v after %d polls, want nil after 4", err, polls)
	}
}

func TestWaitStopsAtOnceOnPollError(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	boom := errors.New("job failed: terminal state")
	polls := 0
	err := c.Wait(testCtx(t), "job to finish", func(context.Context) (bool, string, error) {
		polls++
		if polls == 2 {
			return false, "failed", boom
		}
		return false, "running", nil
	})
	if !errors.Is(err, boom) || polls != 2 {
		t.Errorf("err = %v after %d polls, want boom after 2", err, polls)
	}
}

func TestWaitDeadlineReportsLastState(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	polls := 0
	err := c.Wait(ctx, "queue q1 to reach 64 CUs", func(context.Context) (bool, string, error) {
		polls++
		if polls == 1 {
			return false, "32 CUs", nil
		}
		return false, "", nil // an empty state keeps the last one
	})
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{"timed out waiting for", "queue q1 to reach 64 CUs", "last state: 32 CUs"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	if polls < 2 {
		t.Errorf("polls = %d; Wait should keep polling until the deadline", polls)
	}
}

func TestWaitCancelled(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	err := c.Wait(ctx, "x", func(context.Context) (bool, string, error) {
		polls++
		if polls == 3 {
			cancel()
		}
		return false, "pending", nil
	})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "last state: pending") {
		t.Errorf("err = %v", err)
	}
	if strings.Contains(err.Error(), "timed out") {
		t.Errorf("a cancellation is not a timeout: %v", err)
	}
}

// Delays grow from PollMinDelay towards PollMaxDelay and never beyond it.
func TestWaitBackoffGrowsAndCaps(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1", func(c *Config) {
		c.PollMinDelay = 2 * time.Millisecond
		c.PollMaxDelay = 20 * time.Millisecond
	})
	var times []time.Time
	err := c.Wait(testCtx(t), "x", func(context.Context) (bool, string, error) {
		times = append(times, time.Now())
		return len(times) == 12, "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Delays: 2, 3, 4.5, 6.75, 10.1, 15.2, 20, 20, 20, 20, 20 ms = ~141 ms minimum.
	if total := times[len(times)-1].Sub(times[0]); total < 130*time.Millisecond {
		t.Errorf("11 delays took %v, want >= ~141ms (growing to PollMaxDelay)", total)
	}
	if first := times[1].Sub(times[0]); first < 2*time.Millisecond {
		t.Errorf("first delay %v < PollMinDelay", first)
	}
}

func TestRateLimiterConfigured(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1", func(c *Config) { c.RateLimit = 5 })
	if st := c.limiter.stats(); st.Rate != 5 || c.limiter.capacityLocked() != 5 {
		t.Errorf("limiter = %+v, capacity %v; want a hard cap of 5/s with a burst of 5", st, c.limiter.capacityLocked())
	}
}

// The hard cap spaces requests: past the burst, callers wait for their slot.
func TestRateLimitSpacesRequests(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.RateLimit = 4 })
	ctx := testCtx(t)
	for i := 0; i < 8; i++ {
		if err := c.Do(ctx, testRequest(), nil); err != nil {
			t.Fatal(err)
		}
	}
	// A burst of 4, then the other 4 wait: a token is 250 ms, far longer than a local call
	// takes even on a loaded machine.
	if st := c.limiter.stats(); st.Waits < 3 || st.Limiting {
		t.Errorf("limiter after 8 calls at a 4/s cap = %+v; want >= 3 waits and no adaptive limiting", st)
	}
	if got := ts.count(); got != 8 {
		t.Errorf("requests = %d", got)
	}
}

// Retries go through the limiter too.
func TestRateLimitAppliesToRetries(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeDLIError(w, 500, "", "down")
	})
	// A low cap, so that the retries past the burst wait for it (250 ms a token) however
	// slowly a loaded machine runs them.
	c := newTestClient(t, ts.URL, func(c *Config) { c.RateLimit = 4; c.MaxRetries = 6 })
	_ = c.Do(testCtx(t), testRequest(), nil)
	// 7 attempts, burst 4: the 3 retries past the burst waited for the cap.
	if st := c.limiter.stats(); st.Waits < 2 {
		t.Errorf("limiter after 7 attempts at a 4/s cap = %+v; want >= 2 waits", st)
	}
	if got := ts.count(); got != 7 {
		t.Errorf("attempts = %d, want 7", got)
	}
}
