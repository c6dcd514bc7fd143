package httpapi

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// rateLimiter is a token bucket per project: rate tokens per second, burst =
// rate (at least 1). It is exact, never random: a request that finds less
// than one token is throttled.
type rateLimiter struct {
	rate    float64
	buckets map[string]*tokenBucket // project id ("" for IAM) -> bucket
}

type tokenBucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(rate float64) *rateLimiter {
	return &rateLimiter{rate: rate, buckets: map[string]*tokenBucket{}}
}

func (l *rateLimiter) burst() float64 { return math.Max(l.rate, 1) }

// take spends one token of the project's bucket at now. When none is left it
// returns false and how long until the next token.
func (l *rateLimiter) take(project string, now time.Time) (bool, time.Duration) {
	if l.rate <= 0 {
		return true, 0
	}
	b := l.buckets[project]
	if b == nil {
		b = &tokenBucket{tokens: l.burst(), last: now}
		l.buckets[project] = b
	}
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = math.Min(l.burst(), b.tokens+elapsed.Seconds()*l.rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// throttle applies the rate limit to one request of a project; a throttled
// request is added to ThrottledCount.
func (e *Server) throttle(project string) (throttled, bool) {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	allowed, wait := e.limiter.take(project, e.realNow())
	if allowed {
		return throttled{}, false
	}
	e.throttled++
	return throttled{wait: wait, rate: e.limiter.rate}, true
}

// throttled describes a refused request: the wait until the next token and the limit.
type throttled struct {
	wait time.Duration
	rate float64
}

// writeThrottled answers 429 with Retry-After: the whole seconds until the
// next token, at least 1.
func writeThrottled(w http.ResponseWriter, t throttled) int {
	secs := max(1, int(math.Ceil(t.wait.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	return writeError(w, newError(http.StatusTooManyRequests, "APIGW.0308",
		"The throttling threshold has been reached: policy project over ratelimit, limit:"+
			strconv.FormatFloat(t.rate, 'f', -1, 64)+" requests per second."))
}

// ThrottledCount returns how many API requests the rate limit refused since
// the last ResetCounts (each is also counted under its operation).
func (e *Server) ThrottledCount() int {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	return e.throttled
}
