package client

import "context"

// ProgressFunc receives the state changes of a wait: what is awaited ("batch job b1 to
// finish") and the state it has just reached.
type ProgressFunc func(what, state string)

type progressKey struct{}

// WithProgress returns a context whose waits (Wait, and every WaitFor* built on it) report
// each change of the awaited object's state to f. Actions use it to stream progress
// messages to Terraform while they wait.
func WithProgress(ctx context.Context, f ProgressFunc) context.Context {
	return context.WithValue(ctx, progressKey{}, f)
}

// reportProgress passes a state change to the context's ProgressFunc, if any.
func reportProgress(ctx context.Context, what, state string) {
	if f, ok := ctx.Value(progressKey{}).(ProgressFunc); ok {
		f(what, state)
	}
}
