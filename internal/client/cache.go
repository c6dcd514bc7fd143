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
	expires time.Time
}

func newListCache[T any](ttl time.Duration) *listCache[T] {
	return &listCache[T]{ttl: ttl, entries: map[string]cacheEntry[T]{}, gen: map[string]uint64{}}
}

// get returns the cached list for key, fetching it once if it is missing or stale. Every
// caller gets the same slice: callers must not modify it.
func (lc *listCache[T]) get(ctx context.Context, key string, fetch func(context.Context) ([]T, error)) ([]T, error) {
	lc.mu.Lock()
	if e, ok := lc.entries[key]; ok && time.Now().Before(e.expires) {
		lc.mu.Unlock()
		return e.value, nil
	}
	gen := lc.gen[key]
	lc.mu.Unlock()

	// singleflight hands results around untyped; this flight only ever returns a
	// flightResult[T], so the assertion below cannot fail.
	flight := fmt.Sprintf("%s#%d", key, gen)
	ch := lc.group.DoChan(flight, func() (any, error) {
		lc.mu.Lock()
		if e, ok := lc.entries[key]; ok && time.Now().Before(e.expires) && lc.gen[key] == gen {
			lc.mu.Unlock() // another flight filled it while this caller was joining
			return flightResult[T]{e.value}, nil
		}
		lc.mu.Unlock()
		v, err := fetch(context.WithoutCancel(ctx))
		if err != nil {
			return nil, err
		}
		lc.mu.Lock()
		if lc.gen[key] == gen { // no write happened while we were listing
			lc.entries[key] = cacheEntry[T]{value: v, expires: time.Now().Add(lc.ttl)}
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
