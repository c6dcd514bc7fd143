package client

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// listCache shares the result of a full paged list between every resource refreshed in the
// same run: concurrent readers wait for one fetch (singleflight), results live for a short
// TTL, and any write to the collection invalidates them.
type listCache struct {
	ttl     time.Duration
	mu      sync.Mutex
	entries map[string]cacheEntry
	gen     map[string]uint64 // bumped by every invalidation
	group   singleflight.Group
}

type cacheEntry struct {
	value   any
	expires time.Time
}

func newListCache(ttl time.Duration) *listCache {
	return &listCache{ttl: ttl, entries: map[string]cacheEntry{}, gen: map[string]uint64{}}
}

// get returns the cached list for key, fetching it once if it is missing or stale.
func (lc *listCache) get(ctx context.Context, key string, fetch func(context.Context) (any, error)) (any, error) {
	lc.mu.Lock()
	if e, ok := lc.entries[key]; ok && time.Now().Before(e.expires) {
		lc.mu.Unlock()
		return e.value, nil
	}
	gen := lc.gen[key]
	lc.mu.Unlock()

	flight := fmt.Sprintf("%s#%d", key, gen)
	ch := lc.group.DoChan(flight, func() (any, error) {
		lc.mu.Lock()
		if e, ok := lc.entries[key]; ok && time.Now().Before(e.expires) && lc.gen[key] == gen {
			lc.mu.Unlock() // another flight filled it while this caller was joining
			return e.value, nil
		}
		lc.mu.Unlock()
		v, err := fetch(context.WithoutCancel(ctx))
		if err != nil {
			return nil, err
		}
		lc.mu.Lock()
		if lc.gen[key] == gen { // no write happened while we were listing
			lc.entries[key] = cacheEntry{value: v, expires: time.Now().Add(lc.ttl)}
		}
		lc.mu.Unlock()
		return v, nil
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		return r.Val, r.Err
	}
}

// invalidate drops the cached list for key; reads after it fetch afresh.
func (lc *listCache) invalidate(key string) {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	delete(lc.entries, key)
	lc.gen[key]++
}
