package protoserver

import (
	"context"
	"sync/atomic"
	"time"
)

// served is what a detached context reads as once its request was served: canceled, with
// no values.
var served = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

// holder boxes a context for atomic.Pointer.
type holder struct{ ctx context.Context }

var servedHolder = &holder{served}

// detachable forwards to a request's context until detach is called, and reads as
// canceled, without values, afterwards, so that it no longer keeps the request's context
// alive.
type detachable struct{ p atomic.Pointer[holder] }

func newDetachable(ctx context.Context) *detachable {
	d := &detachable{}
	d.p.Store(&holder{ctx})
	return d
}

// detach cuts the context loose from the request's.
func (d *detachable) detach() { d.p.Store(servedHolder) }

func (d *detachable) current() context.Context { return d.p.Load().ctx }

// Deadline is the request context's deadline.
func (d *detachable) Deadline() (time.Time, bool) { return d.current().Deadline() }

// Done is the request context's Done channel (a closed one once detached).
func (d *detachable) Done() <-chan struct{} { return d.current().Done() }

// Err is the request context's error (context.Canceled once detached).
func (d *detachable) Err() error { return d.current().Err() }

// Value is the request context's value for key (nil once detached).
func (d *detachable) Value(key any) any { return d.current().Value(key) }

// serve calls f with a context that is detached from ctx when f returns. Only for calls
// whose work is over when they return (not the streaming ones).
func serve[Req, Resp any](ctx context.Context, req Req, f func(context.Context, Req) (Resp, error)) (Resp, error) {
	d := newDetachable(ctx)
	defer d.detach()
	return f(d, req)
}
