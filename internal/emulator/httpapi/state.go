package httpapi

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// persistDebounce is how long after a change the background writer saves the state file;
// changes meanwhile share the write.
const persistDebounce = 100 * time.Millisecond

// initPersistence loads Options.StateFile (a missing file means empty state) and starts
// the background snapshot writer.
func (e *Server) initPersistence() error {
	if e.opts.StateFile == "" {
		return nil
	}
	s, err := store.Load(e.opts.StateFile)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	if s != nil {
		e.data = s
		e.clock.EnsureAtLeast(s.SavedAt)
	}
	e.persist = store.NewPersister(e.opts.StateFile, persistDebounce, e.snapshot,
		func(err error) { e.logf("emulator: saving state: %v", err) })
	return nil
}

// snapshot encodes the state under the data lock (called by the background writer).
func (e *Server) snapshot() ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.data.SavedAt = e.clock.Now()
	data, err := json.Marshal(e.data)
	if err != nil {
		return nil, fmt.Errorf("emulator: encoding state: %w", err)
	}
	return data, nil
}

// stateChanged tells the background writer that the state changed.
func (e *Server) stateChanged() {
	if e.persist != nil {
		e.persist.MarkDirty()
	}
}

// Save writes all data to Options.StateFile now (a no-op without one).
func (e *Server) Save() error {
	if e.persist == nil {
		return nil
	}
	return e.persist.Write()
}

// Close writes pending changes to Options.StateFile and stops the background writer.
func (e *Server) Close() error {
	if e.persist == nil {
		return nil
	}
	return e.persist.Close()
}

// resetData clears all data (admin reset).
func (e *Server) resetData() {
	e.mu.Lock()
	e.data = store.NewState()
	e.resetDataArtsLocked()
	e.mu.Unlock()
	e.stateChanged()
}
