package client

import (
	"context"
	"slices"
	"testing"
)

// Each change of the awaited state is reported once, in order; repeats and empty states
// are not.
func TestWaitReportsStateChanges(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	states := []string{"starting", "starting", "", "running", "running", "success"}
	var got []string
	ctx := WithProgress(testCtx(t), func(what, state string) { got = append(got, what+": "+state) })
	polls := 0
	err := c.Wait(ctx, "batch job b1 to finish", func(context.Context) (bool, string, error) {
		s := states[polls]
		polls++
		return polls == len(states), s, nil
	})
	want := []string{"batch job b1 to finish: starting", "batch job b1 to finish: running", "batch job b1 to finish: success"}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("err = %v, progress = %q, want %q", err, got, want)
	}
}
