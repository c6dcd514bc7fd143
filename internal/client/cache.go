package client

import (
	"context"
	"errors"
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
	// flightResult[T] (or nothing, with an error).
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
		var inconsistent *InconsistentListError
		if errors.As(err, &inconsistent) {
			return flightResult[T]{v}, err // not cached: the next read lists again
		}
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
		res, _ := r.Val.(flightResult[T]) // the zero value when the flight failed
		return res.items, r.Err
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

// pick returns a copy of the first item that matches. listErr is the error that came with
// items: nil, or an *InconsistentListError, in which case a miss is that error (the object
// may exist) rather than notFound. Any other listErr is returned as it is.
func pick[T any](items []T, listErr error, match func(T) bool, notFound error) (*T, error) {
	var inconsistent *InconsistentListError
	if listErr != nil && !errors.As(listErr, &inconsistent) {
		return nil, listErr
	}
	for i := range items {
		if match(items[i]) {
			x := items[i] // a copy: listings are shared
			return &x, nil
		}
	}
	if inconsistent != nil {
		return nil, listErr
	}
	return nil, notFound
}

// findListed looks an object up in a shared listing (list), by match. An object this
// process wrote recently may be newer than the cached listing, and a listing that kept
// changing while it was read (an *InconsistentListError) may lack it: in both cases the
// listing is fetched afresh once. A recently written object that is still missing is
// notFound, so that the caller polls through the consistency window; any other miss in a
// listing that is still inconsistent is that error: the object may exist.
func findListed[T any](ctx context.Context, list func(context.Context) ([]T, error), invalidate func(),
	match func(T) bool, recentlyWritten bool, notFound error) (*T, error) {
	for attempt := 0; ; attempt++ {
		items, listErr := list(ctx)
		x, err := pick(items, listErr, match, notFound)
		var inconsistent *InconsistentListError
		isInconsistent := errors.As(err, &inconsistent)
		switch {
		case err == nil:
			return x, nil
		case attempt == 0 && ((recentlyWritten && errors.Is(err, notFound)) || isInconsistent):
			invalidate() // a miss, or a changing listing: list once more
		case recentlyWritten && isInconsistent:
			return nil, notFound
		default:
			return nil, err
		}
	}
}
