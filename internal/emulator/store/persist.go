package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Load reads a state file; a missing file is (nil, nil).
func Load(path string) (*State, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading state: %w", err)
	}
	s := NewState()
	if err := json.Unmarshal(data, s); err != nil {
		return nil, fmt.Errorf("parsing state file %s: %w", path, err)
	}
	if s.Version != StateVersion {
		return nil, fmt.Errorf("state file %s has version %d, want %d", path, s.Version, StateVersion)
	}
	if s.Projects == nil {
		s.Projects = map[string]*Project{}
	}
	for _, p := range s.Projects {
		p.Init()
	}
	if s.NextID < 1 {
		s.NextID = 1
	}
	return s, nil
}

// writeFile replaces path atomically (temporary file in the same directory, then rename).
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".emulator-state-*")
	if err != nil {
		return fmt.Errorf("writing state: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("writing state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing state: %w", err)
	}
	return nil
}

// Persister writes snapshots of the state to a file off the request path: a change marks
// the state dirty, and one background write happens Debounce later however many changes
// came meanwhile. Flush writes at once; Close flushes and stops.
type Persister struct {
	path     string
	debounce time.Duration
	snapshot func() ([]byte, error) // encodes the state; takes the owner's lock itself
	onError  func(error)

	mu      sync.Mutex
	dirty   bool
	timer   *time.Timer
	closed  bool
	writeMu sync.Mutex // one write at a time, in order
	writes  int
}

// NewPersister returns a Persister for path. snapshot must be safe to call from any
// goroutine; onError (optional) receives background write errors.
func NewPersister(path string, debounce time.Duration, snapshot func() ([]byte, error), onError func(error)) *Persister {
	if onError == nil {
		onError = func(error) {}
	}
	return &Persister{path: path, debounce: debounce, snapshot: snapshot, onError: onError}
}

// MarkDirty schedules a background write.
func (p *Persister) MarkDirty() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.dirty = true
	if p.timer == nil {
		p.timer = time.AfterFunc(p.debounce, func() {
			if err := p.Flush(); err != nil {
				p.onError(err)
			}
		})
	}
}

// Flush writes the state now if it changed since the last write.
func (p *Persister) Flush() error {
	p.writeMu.Lock()
	defer p.writeMu.Unlock()
	p.mu.Lock()
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	dirty := p.dirty
	p.dirty = false
	p.mu.Unlock()
	if !dirty {
		return nil
	}
	return p.write()
}

// Write writes the state now, changed or not.
func (p *Persister) Write() error {
	p.writeMu.Lock()
	defer p.writeMu.Unlock()
	p.mu.Lock()
	p.dirty = false
	p.mu.Unlock()
	return p.write()
}

func (p *Persister) write() error {
	data, err := p.snapshot()
	if err != nil {
		return err
	}
	if err := writeFile(p.path, data); err != nil {
		return err
	}
	p.mu.Lock()
	p.writes++
	p.mu.Unlock()
	return nil
}

// Writes is how many times the file has been written.
func (p *Persister) Writes() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.writes
}

// Close flushes pending changes and stops background writes.
func (p *Persister) Close() error {
	err := p.Flush()
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	return err
}
