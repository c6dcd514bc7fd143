package client

import (
	"context"
	"time"
)

// DefaultConsistencyWindow is how long after a write a not-found means "not visible yet".
const DefaultConsistencyWindow = 60 * time.Second

// ConsistencyWindow is how long after this provider wrote an object a not-found from a
// lookup means "not visible yet" rather than "gone".
func (c *Client) ConsistencyWindow() time.Duration { return c.cfg.ConsistencyWindow }

// AwaitVisible calls lookup until it succeeds. While lookup reports not-found and the
// consistency window that began at writtenAt is still open, it polls again with growing
// delays; after the window the not-found is returned. Any other error is returned at once.
func (c *Client) AwaitVisible(ctx context.Context, writtenAt time.Time, lookup func(context.Context) error) error {
	deadline := writtenAt.Add(c.ConsistencyWindow())
	var last error
	err := c.Wait(ctx, "the object to become visible", func(ctx context.Context) (bool, string, error) {
		last = lookup(ctx)
		switch {
		case last == nil:
			return true, "", nil
		case IsNotFound(last) && time.Now().Before(deadline):
			return false, "not visible yet", nil
		default:
			return false, "", last
		}
	})
	if err != nil && last != nil && IsNotFound(last) {
		return last
	}
	return err
}
