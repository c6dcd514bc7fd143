package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// profileDirEnv names the directory the provider writes its profiles to. Unset (the
// default) means no profiling at all.
const profileDirEnv = "HUAWEIDATA_PROFILE_DIR"

// heapSampleEvery is how often the profiler looks for a new peak of the live heap.
const heapSampleEvery = 200 * time.Millisecond

// startProfiling starts the opt-in profiling of this process when dir is not empty: a CPU
// profile of the whole run (cpu-PID.pprof, complete once stop is called) and a heap
// profile (heap-PID.pprof) rewritten whenever the heap in use reaches a new peak, so that
// it shows what was live at the worst moment even if the process is killed. stop ends it.
func startProfiling(dir string) (stop func(), err error) {
	if dir == "" {
		return func() {}, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	pid := os.Getpid()
	cpu, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", pid)))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		_ = cpu.Close()
		return nil, err
	}
	heap := filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", pid))
	done, finished := make(chan struct{}), make(chan struct{})
	go watchHeapPeak(heap, done, finished)
	return func() {
		close(done)
		<-finished
		pprof.StopCPUProfile()
		_ = cpu.Close()
	}, nil
}

// watchHeapPeak writes a heap profile to path at each new peak of the heap in use, and a
// last one when done is closed if nothing was written yet.
func watchHeapPeak(path string, done <-chan struct{}, finished chan<- struct{}) {
	defer close(finished)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	tick := time.NewTicker(heapSampleEvery)
	defer tick.Stop()
	for {
		select {
		case <-done:
			if peak == 0 {
				writeHeapProfile(path)
			}
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak+peak/10 {
			peak = v
			writeHeapProfile(path)
		}
	}
}

// writeHeapProfile replaces path with a heap profile (what was live at the last garbage
// collection, and every allocation since the start).
func writeHeapProfile(path string) {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return
	}
	err = pprof.Lookup("heap").WriteTo(f, 0)
	if cerr := f.Close(); err == nil && cerr == nil {
		_ = os.Rename(tmp, path)
	}
}
