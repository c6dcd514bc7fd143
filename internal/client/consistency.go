package client

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Eventual consistency: for a bounded window after this provider created or changed an
// object, the API may still answer "not found" for it (a read served by a replica that has
// not seen the write yet). Within that window a not-found means "not visible yet" and is
// polled with backoff; after it, it means what it says.

// ConsistencyWindow is how long after a write a not-found is read as "not visible yet"; 0
// when that is switched off.
func (c *Client) ConsistencyWindow() time.Duration { return c.cfg.ConsistencyWindow }

// AwaitVisible calls lookup until the object it reads is visible: while lookup returns an
// IsNotFound error and the consistency window that began at writtenAt (when this provider
// wrote the object) has not passed, it polls again with the waiters' growing backoff
// (PollMinDelay up to PollMaxDelay). It returns nil when lookup succeeds, lookup's
// not-found error once the window has passed, and any other error at once. When ctx ends
// first, the error wraps ctx.Err() and is not a not-found: the object's state is unknown.
//
// Resources call it for the read-back after a create or update:
//
//	err := c.AwaitVisible(ctx, writtenAt, func(ctx context.Context) error {
//		q, err = c.ShowQueue(ctx, name)
//		return err
//	})
func (c *Client) AwaitVisible(ctx context.Context, writtenAt time.Time, lookup func(context.Context) error) error {
	deadline := writtenAt.Add(c.cfg.ConsistencyWindow)
	delay := c.cfg.PollMinDelay
	for {
		err := lookup(ctx)
		if err == nil || !IsNotFound(err) {
			return err
		}
		remaining := time.Until(deadline)
		if remaining <= 0 {
			return err
		}
		if serr := sleep(ctx, min(delay, remaining)); serr != nil {
			// Only ctx.Err() is wrapped: err is a not-found, and wrapping it too would make
			// IsNotFound true, so that a read cut short here would drop the object from state.
			return fmt.Errorf("%w (still not visible %v after it was written, within the consistency window of %v: %v)",
				ctx.Err(), time.Since(writtenAt).Round(time.Millisecond), c.cfg.ConsistencyWindow, err) //nolint:errorlint // err is a not-found: wrapping it would make IsNotFound(result) true
		}
		delay = min(delay*3/2, c.cfg.PollMaxDelay)
	}
}

// writeLog remembers when this process last wrote each object, so that the waiters and the
// by-name lookups in cached listings can tell "not visible yet" from "gone".
type writeLog struct {
	mu sync.Mutex
	at map[string]time.Time
}

func objectKey(kind, id string) string { return kind + "\x00" + id }

// noteWrite records that this process has just created or changed an object.
func (c *Client) noteWrite(kind, id string) {
	now := time.Now()
	c.writes.mu.Lock()
	defer c.writes.mu.Unlock()
	if c.writes.at == nil {
		c.writes.at = map[string]time.Time{}
	}
	if len(c.writes.at) > 1024 { // forget writes whose window has passed
		for k, t := range c.writes.at {
			if now.Sub(t) > c.cfg.ConsistencyWindow {
				delete(c.writes.at, k)
			}
		}
	}
	c.writes.at[objectKey(kind, id)] = now
}

// writtenAt is when this process last wrote the object, or the zero time.
func (c *Client) writtenAt(kind, id string) time.Time {
	c.writes.mu.Lock()
	defer c.writes.mu.Unlock()
	return c.writes.at[objectKey(kind, id)]
}

// recentlyWritten reports whether this process wrote the object within the window.
func (c *Client) recentlyWritten(kind, id string) bool {
	t := c.writtenAt(kind, id)
	return !t.IsZero() && time.Since(t) < c.cfg.ConsistencyWindow
}

// notVisibleYet reports whether a not-found for the object, seen by a waiter that started
// at since, falls within the consistency window: counted from this process's last write
// of the object or from the start of the wait, whichever is later (a waiter is called
// right after a write was acknowledged, which retries can make long after it was sent).
func (c *Client) notVisibleYet(kind, id string, since time.Time) bool {
	base := c.writtenAt(kind, id)
	if base.Before(since) {
		base = since
	}
	return time.Since(base) < c.cfg.ConsistencyWindow
}

// Kinds of objects in the write log.
const (
	kindQueue      = "queue"
	kindDatabase   = "database"
	kindTable      = "table"
	kindVariable   = "global variable"
	kindConnection = "enhanced connection"
	kindFlinkJob   = "Flink job"
	kindBatchJob   = "batch job"
	kindSQLJob     = "SQL job"
	kindPermission = "permission" // id: <object>/<user_name>
	// kindFlinkTemplate is a Flink job template (dli_flink_template).
	kindFlinkTemplate = "Flink job template"
)
