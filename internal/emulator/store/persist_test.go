package store

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"
)

// Changes are written off the caller's path and coalesced: many changes, then Flush,
// give one write; Close flushes what is pending; a reloaded file has the data.
func TestPersisterCoalescesAndFlushes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := NewState()
	p := NewPersister(path, time.Hour, func() ([]byte, error) { return json.Marshal(s) }, nil)
	for i := 0; i < 50; i++ {
		s.Project("p1").Variables["v"] = &GlobalVar{Name: "v", Value: "x"}
		p.MarkDirty()
	}
	if p.Writes() != 0 {
		t.Fatalf("written on the request path: %d writes", p.Writes())
	}
	if err := p.Flush(); err != nil || p.Writes() != 1 {
		t.Fatalf("flush: %v, %d writes", err, p.Writes())
	}
	if err := p.Flush(); err != nil || p.Writes() != 1 {
		t.Fatalf("a clean flush wrote: %v, %d writes", err, p.Writes())
	}
	s.NextID = 42
	p.MarkDirty()
	if err := p.Close(); err != nil || p.Writes() != 2 {
		t.Fatalf("close: %v, %d writes", err, p.Writes())
	}
	got, err := Load(path)
	if err != nil || got.NextID != 42 || got.Projects["p1"].Variables["v"].Value != "x" {
		t.Fatalf("reloaded %+v, %v", got, err)
	}
	if missing, err := Load(filepath.Join(t.TempDir(), "none.json")); missing != nil || err != nil {
		t.Fatalf("missing file: %v %v", missing, err)
	}
}

// The background writer writes without any Flush: the test waits for the write (polling,
// with a generous deadline), not for a fixed time.
func TestPersisterWritesInTheBackground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := NewState()
	p := NewPersister(path, time.Millisecond, func() ([]byte, error) { return json.Marshal(s) }, func(err error) { t.Error(err) })
	defer p.Close()
	s.NextID = 7
	p.MarkDirty()
	deadline := time.Now().Add(10 * time.Second)
	for p.Writes() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no background write")
		}
		time.Sleep(time.Millisecond)
	}
	if got, err := Load(path); err != nil || got.NextID != 7 {
		t.Fatalf("background write %+v, %v", got, err)
	}
}
