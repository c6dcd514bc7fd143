package store

import (
	"sync"
	"time"
)

// clock is the emulated clock: start + real elapsed time * speed + manual
// advances. All asynchronous state (queue provisioning, scaling) is derived
// from it lazily when read; nothing runs in the background.
type Clock struct {
	mu        sync.Mutex
	start     time.Time // emulated time at realStart
	realStart time.Time
	speed     float64
	advanced  time.Duration
}

func NewClock(start time.Time, speed float64) *Clock {
	return &Clock{start: start, realStart: time.Now(), speed: speed}
}

// Now returns the current emulated time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	elapsed := time.Duration(float64(time.Since(c.realStart)) * c.speed)
	return c.start.Add(elapsed + c.advanced)
}

// Advance moves the emulated clock forward by d (negative values are ignored).
func (c *Clock) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	c.mu.Lock()
	c.advanced += d
	c.mu.Unlock()
}

// Speed returns the emulated seconds per real second.
func (c *Clock) Speed() float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.speed
}

// EnsureAtLeast moves the clock forward so Now() is not before t; used when
// loading a state file written by a faster-running emulator.
func (c *Clock) EnsureAtLeast(t time.Time) {
	if now := c.Now(); now.Before(t) {
		c.Advance(t.Sub(now))
	}
}
