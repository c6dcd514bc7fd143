package main

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Garbage collector settings of the provider process when the environment sets none
// (neither GOGC nor GOMEMLIMIT). What a plan keeps alive is small (a few MiB, whatever the number of
// resources) but it allocates a lot per resource, so with the default GOGC=100 the
// collector runs every few MiB: about a third of the provider's CPU in a plan. Collecting
// at ten times the live heap, up to a limit of 120 MiB, cuts that CPU by about a third
// and keeps the peak RSS under 150 MiB.
const (
	tunedGCPercent   = 1000
	tunedMemoryLimit = 120 << 20
	// A live heap above this share of the limit would make the collector run almost
	// continuously under the limit: the defaults are restored instead.
	liveHeapLimitShare = 0.5
	heapWatchEvery     = time.Second
)

// tuneGC applies the settings above unless the environment sets either, and watches the
// live heap: if it outgrows its share of the limit, the Go defaults come back for the rest
// of the process.
func tuneGC(getenv func(string) string) {
	if getenv("GOMEMLIMIT") != "" || getenv("GOGC") != "" {
		return
	}
	debug.SetMemoryLimit(tunedMemoryLimit)
	debug.SetGCPercent(tunedGCPercent)
	go watchLiveHeap(func(live uint64) bool {
		if float64(live) <= liveHeapLimitShare*tunedMemoryLimit {
			return false
		}
		untuneGC()
		return true
	})
}

// untuneGC restores the Go defaults: no memory limit and GOGC=100.
func untuneGC() {
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(100)
}

// watchLiveHeap calls over with the live heap every heapWatchEvery until it returns true.
func watchLiveHeap(over func(live uint64) bool) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(heapWatchEvery) {
		metrics.Read(sample)
		if over(sample[0].Value.Uint64()) {
			return
		}
	}
}
