package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Save writes all data to Options.StateFile (a no-op without one).
func (e *Server) Save() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.saveLocked()
}

func (e *Server) saveLocked() error {
	if e.opts.StateFile == "" {
		return nil
	}
	e.data.SavedAt = e.clock.Now()
	data, err := json.MarshalIndent(e.data, "", "  ")
	if err != nil {
		return fmt.Errorf("emulator: encoding state: %w", err)
	}
	dir := filepath.Dir(e.opts.StateFile)
	tmp, err := os.CreateTemp(dir, ".emulator-state-*")
	if err != nil {
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	if err := os.Rename(tmp.Name(), e.opts.StateFile); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	return nil
}

// load reads Options.StateFile; a missing file means empty state.
func (e *Server) load() error {
	data, err := os.ReadFile(e.opts.StateFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("emulator: reading state: %w", err)
	}
	s := store.NewState()
	if err := json.Unmarshal(data, s); err != nil {
		return fmt.Errorf("emulator: parsing state file %s: %w", e.opts.StateFile, err)
	}
	if s.Version != stateVersion {
		return fmt.Errorf("emulator: state file %s has version %d, want %d", e.opts.StateFile, s.Version, stateVersion)
	}
	if s.Projects == nil {
		s.Projects = map[string]*projectData{}
	}
	for _, p := range s.Projects {
		p.Init()
	}
	if s.NextID < 1 {
		s.NextID = 1
	}
	e.data = s
	e.clock.EnsureAtLeast(s.SavedAt)
	return nil
}

// resetData clears all data (admin reset).
func (e *Server) resetData() {
	e.mu.Lock()
	e.data = store.NewState()
	e.resetDataArtsLocked()
	if err := e.saveLocked(); err != nil {
		e.logf("emulator: saving state: %v", err)
	}
	e.mu.Unlock()
}
