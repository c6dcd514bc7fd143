package client

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// listCache shares the result of a full paged list of one collection between every resource
// refreshed in the same run: concurrent readers wait for one fetch (singleflight), results
// live for a short TTL, and any write to the collection invalidates them. Keys name a
// collection within the cache's kind (e.g. the database of a table listing; "" for a
// project-wide collection).
type listCache[T any] struct {
	ttl     time.Duration
	mu      sync.Mutex
	entries map[string]cacheEntry[T]
	gen     map[string]uint64 // bumped by every invalidation
	group   singleflight.Group
}

type cacheEntry[T any] struct {
	value   []T
	fetched time.Time
	expires time.Time
}

// usable reports whether the entry is still fresh and was fetched after notBefore.
func (e cacheEntry[T]) usable(notBefore time.Time) bool {
	return time.Now().Before(e.expires) && e.fetched.After(notBefore)
}

type listedAfterKey struct{}

// ListedAfter returns a context in which reads through the shared listings only use a
// listing fetched after t: a lookup that found nothing at t and polls again (an object
// not visible yet) then sees a newer listing instead of the one that missed it.
func ListedAfter(ctx context.Context, t time.Time) context.Context {
	return context.WithValue(ctx, listedAfterKey{}, t)
}

func listedAfter(ctx context.Context) time.Time {
	t, _ := ctx.Value(listedAfterKey{}).(time.Time)
	return t
}

func newListCache[T any](ttl time.Duration) *listCache[T] {
	return &listCache[T]{ttl: ttl, entries: map[string]cacheEntry[T]{}, gen: map[string]uint64{}}
}

// get returns the cached list for key, fetching it once if it is missing or stale. Every
// caller gets the same slice: callers must not modify it.
func (lc *listCache[T]) get(ctx context.Context, key string, fetch func(context.Context) ([]T, error)) ([]T, error) {
	notBefore := listedAfter(ctx)
	lc.mu.Lock()
	if e, ok := lc.entries[key]; ok && e.usable(notBefore) {
		lc.mu.Unlock()
		return e.value, nil
	}
	gen := lc.gen[key]
	lc.mu.Unlock()

	// singleflight hands results around untyped; this flight only ever returns a
	// flightResult[T], so the assertion below cannot fail.
	flight := fmt.Sprintf("%s#%d#%d", key, gen, notBefore.UnixNano())
	ch := lc.group.DoChan(flight, func() (any, error) {
		lc.mu.Lock()
		if e, ok := lc.entries[key]; ok && e.usable(notBefore) && lc.gen[key] == gen {
			lc.mu.Unlock() // another flight filled it while this caller was joining
			return flightResult[T]{e.value}, nil
		}
		lc.mu.Unlock()
		started := time.Now()
		v, err := fetch(context.WithoutCancel(ctx))
		if err != nil {
			return nil, err
		}
		lc.mu.Lock()
		if lc.gen[key] == gen { // no write happened while we were listing
			lc.entries[key] = cacheEntry[T]{value: v, fetched: started, expires: time.Now().Add(lc.ttl)}
		}
		lc.mu.Unlock()
		return flightResult[T]{v}, nil
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.(flightResult[T]).items, nil
	}
}

// flightResult carries a typed listing through singleflight.
type flightResult[T any] struct{ items []T }

// invalidate drops the cached list for key; reads after it fetch afresh.
func (lc *listCache[T]) invalidate(key string) {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	delete(lc.entries, key)
	lc.gen[key]++
}
