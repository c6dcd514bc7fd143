package client

import (
	"context"
	"fmt"
	"math"
	"sync"
	"time"
)

// Adaptive rate control, in the spirit of the AWS SDKs' "adaptive" retry mode (CUBIC
// congestion control applied to API calls): the client sends at full speed until the API
// throttles it (429, or 503 with Retry-After) in this process. Then it limits itself to
// β × the rate it was measured sending at, and raises the limit again along a cubic curve
// that returns to that rate after adaptiveRecovery and then grows faster; once the limit
// passes twice the highest rate measured since limiting began without a new throttle,
// limiting is switched off again. Each API family (DLI, DataArts, IAM) has its own adaptive
// controller, shared by every resource of the process; a configured hard cap (rate_limit)
// applies on top, across all of them.
const (
	adaptiveBeta     = 0.7             // multiplicative decrease on a throttle
	adaptiveMinRate  = 1.0             // requests per second: the lowest limit
	adaptiveRecovery = 2 * time.Second // time for the cubic curve to return to the throttled rate
	adaptiveWindow   = time.Second     // the send rate is measured over this trailing window
)

// adaptiveScale is the cubic's constant relative to the throttled rate W: the limit is
// W·(1 + adaptiveScale·(t−K)³) with K = adaptiveRecovery, so it is back at W after K
// (from β·W) whatever the scale of W.
var adaptiveScale = (1 - adaptiveBeta) / math.Pow(adaptiveRecovery.Seconds(), 3)

// clock is the time source of the rate controller; tests replace it.
type clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx ends.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error { return sleep(ctx, d) }

// rateController is a token bucket that is either adaptive (off until a throttle, see
// above) or a plain hard cap, or both.
type rateController struct {
	clock    clock
	hardCap  float64 // requests per second; 0: none
	adaptive bool    // whether throttles switch adaptive limiting on

	mu sync.Mutex
	// The token bucket, active while limiting or under a hard cap. Tokens may go negative:
	// each caller reserves its slot and sleeps until it.
	tokens     float64
	lastRefill time.Time
	// Adaptive state.
	limiting     bool
	fillRate     float64     // the adaptive limit while limiting
	lastMaxRate  float64     // W: the rate at the last throttle
	lastThrottle time.Time   // when the limit was last lowered
	highest      float64     // highest measured send rate since limiting began
	sends        []time.Time // send times within the measurement window, from head on
	head         int
	// Counters for tests and logs.
	waits, throttles, decreases int64
}

func newRateController(c clock, hardCap float64, adaptive bool) *rateController {
	if hardCap < 0 {
		hardCap = 0
	}
	return &rateController{clock: c, hardCap: hardCap, adaptive: adaptive, tokens: max(1, hardCap), lastRefill: c.Now()}
}

// rateStats is a snapshot of the controller for tests and logs.
type rateStats struct {
	Limiting                    bool
	Rate                        float64 // the limit in force; 0: none
	Waits, Throttles, Decreases int64
}

func (r *rateController) stats() rateStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return rateStats{Limiting: r.limiting, Rate: r.rateLocked(), Waits: r.waits, Throttles: r.throttles, Decreases: r.decreases}
}

// rateLocked is the limit in force: the adaptive one, the hard cap, the lower of both, or 0
// for none.
func (r *rateController) rateLocked() float64 {
	switch {
	case r.limiting && r.hardCap > 0:
		return min(r.fillRate, r.hardCap)
	case r.limiting:
		return r.fillRate
	default:
		return r.hardCap
	}
}

func (r *rateController) capacityLocked() float64 { return max(1, r.rateLocked()) }

// refillLocked adds the tokens earned since the last refill at the current rate.
func (r *rateController) refillLocked(now time.Time) {
	if rate := r.rateLocked(); rate > 0 && now.After(r.lastRefill) {
		r.tokens = min(r.capacityLocked(), r.tokens+now.Sub(r.lastRefill).Seconds()*rate)
	}
	r.lastRefill = now
}

// wait blocks until the caller may send and returns the moment it is allowed to (the
// send time that throttle responses are matched against). With no limit in force it
// returns at once. A wait that would outlast ctx's deadline is refused without waiting.
func (r *rateController) wait(ctx context.Context) (time.Time, error) {
	r.mu.Lock()
	now := r.clock.Now()
	rate := r.rateLocked()
	if rate == 0 {
		r.recordSendLocked(now)
		r.mu.Unlock()
		return now, nil
	}
	r.refillLocked(now)
	r.tokens--
	var d time.Duration
	if r.tokens < 0 {
		d = time.Duration(-r.tokens / rate * float64(time.Second))
	}
	if dl, ok := ctx.Deadline(); ok && d > 0 && now.Add(d).After(dl) {
		r.tokens++
		r.mu.Unlock()
		return time.Time{}, fmt.Errorf("%w: waiting %v for the rate limit (%.3g requests/s) would pass the deadline",
			context.DeadlineExceeded, d.Round(time.Millisecond), rate)
	}
	sendAt := now.Add(d)
	r.recordSendLocked(sendAt)
	if d > 0 {
		r.waits++
	}
	r.mu.Unlock()
	if d > 0 {
		if err := r.clock.Sleep(ctx, d); err != nil {
			r.mu.Lock()
			r.tokens++ // the slot was not used
			r.mu.Unlock()
			return time.Time{}, err
		}
	}
	return sendAt, nil
}

func (r *rateController) recordSendLocked(t time.Time) {
	r.sends = append(r.sends, t)
	r.trimLocked(t)
}

// trimLocked drops sends that left the measurement window (sends are recorded in order of
// their send time, give or take callers racing for the lock).
func (r *rateController) trimLocked(now time.Time) {
	cut := now.Add(-adaptiveWindow)
	for r.head < len(r.sends) && !r.sends[r.head].After(cut) {
		r.head++
	}
	if r.head > 64 && r.head > len(r.sends)/2 {
		r.sends = append(r.sends[:0], r.sends[r.head:]...)
		r.head = 0
	}
}

// measuredLocked is the send rate over the trailing window, in requests per second.
// Reserved sends still in the future do not count yet.
func (r *rateController) measuredLocked(now time.Time) float64 {
	r.trimLocked(now)
	n := len(r.sends) - r.head
	for i := len(r.sends) - 1; i >= r.head && r.sends[i].After(now); i-- {
		n--
	}
	return float64(n) / adaptiveWindow.Seconds()
}

// observe feeds the outcome of a request sent at sentAt back into the controller: throttled
// lowers the limit (once per congestion event: a throttle of a request sent before the last
// decrease carries no news), anything else lets it recover.
func (r *rateController) observe(sentAt time.Time, throttled bool) {
	if !r.adaptive {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.clock.Now()
	measured := r.measuredLocked(now)
	if throttled {
		r.throttles++
		if r.limiting && !sentAt.After(r.lastThrottle) {
			return
		}
		base := measured
		if r.limiting {
			base = min(base, r.fillRate)
		}
		r.refillLocked(now)
		r.lastMaxRate = max(base, adaptiveMinRate)
		r.lastThrottle = now
		r.fillRate = max(base*adaptiveBeta, adaptiveMinRate)
		if !r.limiting {
			r.limiting = true
			r.tokens = 0 // no burst right after a throttle
			r.highest = measured
		}
		r.tokens = min(r.tokens, r.capacityLocked())
		r.decreases++
		return
	}
	if !r.limiting {
		return
	}
	r.highest = max(r.highest, measured)
	elapsed := now.Sub(r.lastThrottle).Seconds() - adaptiveRecovery.Seconds()
	calculated := r.lastMaxRate * (1 + adaptiveScale*elapsed*elapsed*elapsed)
	if calculated > 2*max(r.highest, r.lastMaxRate) {
		r.refillLocked(now)
		r.limiting = false // recovered well past anything measured: full speed again
		r.tokens = r.capacityLocked()
		return
	}
	r.refillLocked(now)
	// Never grow far ahead of what is actually being sent (the AWS SDK's bound of twice the
	// measured rate); but only a throttle lowers the limit, not a lull in demand.
	r.fillRate = max(min(calculated, max(2*measured, r.fillRate)), adaptiveMinRate)
	r.tokens = min(r.tokens, r.capacityLocked())
}
