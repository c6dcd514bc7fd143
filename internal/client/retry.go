package client

import (
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// retryable decides whether a failed attempt is retried and after how long: 429 (honouring
// Retry-After), 408, 5xx and connection errors are; every other status is not.
func (c *Client) retryable(err error, attempt int) (bool, time.Duration) {
	var ae *attemptError
	if !errors.As(err, &ae) {
		return false, 0
	}
	switch {
	case ae.malformed:
		// A 2xx the client cannot use: retried like a 5xx.
	case ae.status == http.StatusTooManyRequests:
		if ae.retryAfter > 0 {
			return true, ae.retryAfter
		}
	case ae.status == http.StatusRequestTimeout, ae.status >= 500, ae.status == 0:
		if ae.status == http.StatusServiceUnavailable && ae.retryAfter > 0 {
			return true, ae.retryAfter
		}
	default:
		return false, 0
	}
	return true, c.backoff(attempt)
}

// backoff is exponential with jitter: a random delay in [d/2, d], d = base·2^attempt capped.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.RetryBaseDelay << min(attempt, 16)
	if d > c.cfg.RetryMaxDelay || d <= 0 {
		d = c.cfg.RetryMaxDelay
	}
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

// outcomeUnknown reports whether a failed attempt may still have taken effect on the server:
// 408, 5xx, a connection error, or a malformed 2xx.
func outcomeUnknown(err error) bool {
	var ae *attemptError
	if !errors.As(err, &ae) {
		return false
	}
	// A malformed 2xx most likely took effect, but what it did cannot be read from it.
	return ae.malformed || ae.status == 0 || ae.status == http.StatusRequestTimeout || ae.status >= 500
}

// maxRetryAfter bounds how long a server may ask us to wait.
const maxRetryAfter = 2 * time.Minute

// parseRetryAfter reads a Retry-After header in seconds or as an HTTP date.
func parseRetryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(min(secs, int(maxRetryAfter/time.Second))) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	}
	if d < 0 {
		return 0
	}
	return min(d, maxRetryAfter)
}

// throttled reports whether a response says the client is sending too fast: 429, or 503
// with Retry-After.
func throttled(status int, retryAfter time.Duration) bool {
	return status == http.StatusTooManyRequests || (status == http.StatusServiceUnavailable && retryAfter > 0)
}
