package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The only slow test of the package: Retry-After is honoured to the second.
func TestDo429HonoursRetryAfter(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			writeDLIError(w, http.StatusTooManyRequests, "APIGW.0308", "throttled")
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"is_success": true})
	})
	c := newTestClient(t, ts.URL)
	if err := c.Do(testCtx(t), testRequest(), nil); err != nil {
		t.Fatalf("Do: %v", err)
	}
	reqs := ts.requests()
	if len(reqs) != 2 {
		t.Fatalf("requests = %d, want 2", len(reqs))
	}
	if gap := reqs[1].At.Sub(reqs[0].At); gap < 950*time.Millisecond {
		t.Errorf("gap between attempts = %v, want >= ~1s (Retry-After: 1)", gap)
	}
}

func TestDo429WithoutRetryAfterIsRetriedWithBackoff(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n <= 2 {
			writeDLIError(w, http.StatusTooManyRequests, "APIGW.0308", "throttled")
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"is_success": true, "value": 7})
	})
	c := newTestClient(t, ts.URL)
	var out struct {
		Value int `json:"value"`
	}
	if err := c.Do(testCtx(t), testRequest(), &out); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if got := ts.count(); got != 3 {
		t.Errorf("requests = %d, want 3", got)
	}
	if out.Value != 7 {
		t.Errorf("decoded value = %d, want 7", out.Value)
	}
	// Both 429s reached the adaptive rate control, which now limits the client.
	if st := c.adaptiveFor(ServiceDLI).stats(); st.Throttles != 2 || !st.Limiting {
		t.Errorf("limiter = %+v, want 2 throttles seen and limiting on", st)
	}
}

func TestDoRetryableStatusesExhaustRetries(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504, 408, 429} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("X-Request-Id", fmt.Sprintf("req-%d", n))
				writeDLIError(w, status, "DLI.9999", fmt.Sprintf("failure %d", n))
			})
			c := newTestClient(t, ts.URL)
			err := c.Do(testCtx(t), testRequest(), nil)
			if err == nil {
				t.Fatal("Do succeeded, want error")
			}
			if got, want := ts.count(), c.cfg.MaxRetries+1; got != want {
				t.Errorf("attempts = %d, want %d", got, want)
			}
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %T %v is not an *APIError", err, err)
			}
			if apiErr.StatusCode != status {
				t.Errorf("StatusCode = %d, want %d", apiErr.StatusCode, status)
			}
			// The last attempt's error is returned.
			for _, want := range []string{"TestOp", fmt.Sprintf("HTTP %d", status), "DLI.9999", "failure 4", "req-4"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

func TestDoMaxRetriesZeroMeansOneAttempt(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeDLIError(w, 503, "X", "down")
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.MaxRetries = 0 })
	if err := c.Do(testCtx(t), testRequest(), nil); err == nil {
		t.Fatal("want error")
	}
	if got := ts.count(); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
}

// hijack takes over the connection under w, so that a handler can close it without an
// answer, as a network failure would; nil if it cannot. It runs in a handler, so a failure
// is t.Errorf.
func hijack(t *testing.T, w http.ResponseWriter) net.Conn {
	t.Helper()
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Errorf("the response writer %T cannot be hijacked", w)
		return nil
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return nil
	}
	return conn
}

func TestDoConnectionErrorIsRetried(t *testing.T) {
	var hijacked atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		conn := hijack(t, w)
		if conn == nil {
			return
		}
		hijacked.Add(1) // before the close, which lets the client go on
		conn.Close()
	})
	c := newTestClient(t, ts.URL)
	err := c.Do(testCtx(t), testRequest(), nil)
	if err == nil {
		t.Fatal("Do succeeded, want error")
	}
	if got, want := int(hijacked.Load()), c.cfg.MaxRetries+1; got != want {
		t.Errorf("attempts = %d, want %d", got, want)
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		t.Errorf("connection error should not be an APIError: %v", err)
	}
	for _, want := range []string{"TestOp", "GET", "/v1.0/" + testProjectID + "/things"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestDoConnectionErrorThenSuccess(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			if conn := hijack(t, w); conn != nil {
				conn.Close()
			}
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true})
	})
	c := newTestClient(t, ts.URL)
	if err := c.Do(testCtx(t), testRequest(), nil); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if got := ts.count(); got != 2 {
		t.Errorf("requests = %d, want 2", got)
	}
}

func TestDoClientErrorsAreNotRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				writeDLIError(w, status, "DLI.0001", "nope")
			})
			c := newTestClient(t, ts.URL)
			err := c.Do(testCtx(t), testRequest(), nil)
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
				t.Fatalf("err = %v, want *APIError with status %d", err, status)
			}
			if got := ts.count(); got != 1 {
				t.Errorf("requests = %d, want exactly 1", got)
			}
		})
	}
}

func TestDoContextCancelledDuringBackoffStopsRetrying(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeDLIError(w, 503, "X", "down")
	})
	c := newTestClient(t, ts.URL, func(c *Config) {
		c.RetryBaseDelay = time.Hour
		c.RetryMaxDelay = time.Hour
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := c.Do(ctx, testRequest(), nil)
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("Do took %v after the context ended", el)
	}
	if err == nil || !strings.Contains(err.Error(), "not retried") || !strings.Contains(err.Error(), "HTTP 503") {
		t.Errorf("err = %v, want the 503 with a note that it was not retried", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Errorf("err should still wrap the *APIError: %v", err)
	}
	if got := ts.count(); got != 1 {
		t.Errorf("requests = %d, want 1", got)
	}
}

func TestRetryable(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	maxBackoff := c.cfg.RetryBaseDelay // attempt 0: [base/2, base]
	cases := []struct {
		name      string
		err       error
		retry     bool
		wantDelay time.Duration // exact delay, or 0 for backoff
	}{
		{"429 with Retry-After", &attemptError{err: errors.New("x"), status: 429, retryAfter: 7 * time.Second}, true, 7 * time.Second},
		{"429 without Retry-After", &attemptError{err: errors.New("x"), status: 429}, true, 0},
		{"503 with Retry-After", &attemptError{err: errors.New("x"), status: 503, retryAfter: 3 * time.Second}, true, 3 * time.Second},
		{"500 ignores Retry-After", &attemptError{err: errors.New("x"), status: 500, retryAfter: time.Minute}, true, 0},
		{"502", &attemptError{err: errors.New("x"), status: 502}, true, 0},
		{"504", &attemptError{err: errors.New("x"), status: 504}, true, 0},
		{"408", &attemptError{err: errors.New("x"), status: 408}, true, 0},
		{"connection", &attemptError{err: errors.New("x")}, true, 0},
		{"wrapped", fmt.Errorf("outer: %w", &attemptError{err: errors.New("x"), status: 502}), true, 0},
		{"400", &attemptError{err: errors.New("x"), status: 400}, false, 0},
		{"401", &attemptError{err: errors.New("x"), status: 401}, false, 0},
		{"404", &attemptError{err: errors.New("x"), status: 404}, false, 0},
		{"409", &attemptError{err: errors.New("x"), status: 409}, false, 0},
		{"plain error", errors.New("x"), false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			retry, delay := c.retryable(tc.err, 0)
			if retry != tc.retry {
				t.Fatalf("retry = %v, want %v", retry, tc.retry)
			}
			if !retry {
				return
			}
			if tc.wantDelay != 0 {
				if delay != tc.wantDelay {
					t.Errorf("delay = %v, want %v", delay, tc.wantDelay)
				}
			} else if delay < maxBackoff/2 || delay > maxBackoff {
				t.Errorf("backoff delay = %v, want in [%v, %v]", delay, maxBackoff/2, maxBackoff)
			}
		})
	}
}

func TestBackoffBounds(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1", func(c *Config) {
		c.RetryBaseDelay = 100 * time.Millisecond
		c.RetryMaxDelay = 2 * time.Second
	})
	for attempt := 0; attempt < 70; attempt++ {
		d := c.cfg.RetryBaseDelay << min(attempt, 16)
		if d > c.cfg.RetryMaxDelay || d <= 0 {
			d = c.cfg.RetryMaxDelay
		}
		for i := 0; i < 20; i++ {
			got := c.backoff(attempt)
			if got < d/2 || got > d {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", attempt, got, d/2, d)
			}
		}
	}
	// Grows exponentially then caps.
	if got := c.backoff(0); got > 100*time.Millisecond {
		t.Errorf("backoff(0) = %v, want <= base", got)
	}
	if got := c.backoff(3); got < 400*time.Millisecond {
		t.Errorf("backoff(3) = %v, want >= base*8/2", got)
	}
	if got := c.backoff(50); got < time.Second || got > 2*time.Second {
		t.Errorf("backoff(50) = %v, want capped in [max/2, max]", got)
	}
}

func TestOutcomeUnknown(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&attemptError{err: errors.New("x")}, true},
		{&attemptError{err: errors.New("x"), status: 408}, true},
		{&attemptError{err: errors.New("x"), status: 500}, true},
		{&attemptError{err: errors.New("x"), status: 503}, true},
		{&attemptError{err: errors.New("x"), status: 429}, false},
		{&attemptError{err: errors.New("x"), status: 400}, false},
		{errors.New("plain"), false},
	}
	for _, tc := range cases {
		if got := outcomeUnknown(tc.err); got != tc.want {
			t.Errorf("outcomeUnknown(%#v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	cases := []struct {
		name     string
		in       string
		min, max time.Duration
	}{
		{"empty", "", 0, 0},
		{"seconds", "1", time.Second, time.Second},
		{"more seconds", "42", 42 * time.Second, 42 * time.Second},
		{"zero", "0", 0, 0},
		{"negative", "-5", 0, 0},
		{"garbage", "soon", 0, 0},
		{"fractional", "1.5", 0, 0},
		{"capped seconds", "3600", maxRetryAfter, maxRetryAfter},
		{"http date", time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat), 28 * time.Second, 31 * time.Second},
		{"http date in the past", time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat), 0, 0},
		{"capped http date", time.Now().Add(24 * time.Hour).UTC().Format(http.TimeFormat), maxRetryAfter, maxRetryAfter},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseRetryAfter(tc.in)
			if got < tc.min || got > tc.max {
				t.Errorf("parseRetryAfter(%q) = %v, want in [%v, %v]", tc.in, got, tc.min, tc.max)
			}
		})
	}
	if maxRetryAfter != 2*time.Minute {
		t.Errorf("maxRetryAfter = %v, want 2m", maxRetryAfter)
	}
}
