package client

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// PollFunc reports whether the awaited state is reached, and a short description of the
// current state for messages. An error stops the wait at once (e.g. a terminal failure).
type PollFunc func(ctx context.Context) (done bool, state string, err error)

// Wait polls until poll reports done, poll fails, or ctx ends. Delays start at the client's
// PollMinDelay and grow to PollMaxDelay; there is no fixed sleep. what names the awaited
// state in the timeout message ("queue q1 to reach 64 CUs"). Each change of state is reported
// to the context's ProgressFunc (WithProgress).
func (c *Client) Wait(ctx context.Context, what string, poll PollFunc) error {
	delay := c.cfg.PollMinDelay
	lastState := "unknown"
	for {
		done, state, err := poll(ctx)
		if err != nil {
			// The deadline often ends during a poll's own API call: that is still a timeout.
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return fmt.Errorf("timed out waiting for %s; last state: %s (%w)", what, lastState, err)
			}
			return err
		}
		if state != "" {
			if state != lastState {
				reportProgress(ctx, what, state)
			}
			lastState = state
		}
		if done {
			return nil
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return fmt.Errorf("timed out waiting for %s; last state: %s", what, lastState)
			}
			return fmt.Errorf("stopped waiting for %s (last state: %s): %w", what, lastState, ctx.Err())
		case <-t.C:
		}
		delay = min(delay*3/2, c.cfg.PollMaxDelay)
	}
}
