package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/fixtures"
)

// dataArtsState is the emulator's DataArts fixture: the one loaded at start (restored by
// reset) and the current one.
type dataArtsState struct {
	start DataArtsFixture
	cur   *fixtures.Index
}

// initDataArts loads Options.DataArtsFixtures, or the default fixture.
func (e *Server) initDataArts() error {
	fx := DefaultDataArtsFixture()
	if e.opts.DataArtsFixtures != "" {
		var err error
		if fx, err = LoadDataArtsFixtureFile(e.opts.DataArtsFixtures); err != nil {
			return err
		}
	}
	idx, err := fixtures.NewIndex(fx)
	if err != nil {
		return fmt.Errorf("emulator: DataArts fixture: %w", err)
	}
	e.dataarts = dataArtsState{start: fx, cur: idx}
	return nil
}

// resetDataArtsLocked restores the fixture loaded at start; e.mu is held.
func (e *Server) resetDataArtsLocked() {
	if idx, err := fixtures.NewIndex(e.dataarts.start); err == nil {
		e.dataarts.cur = idx
	}
}

// SetDataArtsFixture replaces the DataArts metadata (until Reset or ResetDataArtsFixture).
func (e *Server) SetDataArtsFixture(fx DataArtsFixture) error {
	idx, err := fixtures.NewIndex(fx)
	if err != nil {
		return err
	}
	e.mu.Lock()
	e.dataarts.cur = idx
	e.mu.Unlock()
	return nil
}

// ResetDataArtsFixture restores the fixture the emulator started with.
func (e *Server) ResetDataArtsFixture() {
	e.mu.Lock()
	e.resetDataArtsLocked()
	e.mu.Unlock()
}

// DataArtsFixture returns a copy of the current fixture, generated data included.
func (e *Server) DataArtsFixture() DataArtsFixture {
	e.mu.Lock()
	defer e.mu.Unlock()
	data, _ := json.Marshal(e.dataarts.cur.Fx)
	var out DataArtsFixture
	_ = fixtures.Decode(bytes.NewReader(data), &out)
	return out
}

// registerDataArtsAdmin adds the fixture admin endpoints.
func (e *Server) registerDataArtsAdmin() {
	e.mux.HandleFunc("GET /_emulator/fixtures/dataarts", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, e.DataArtsFixture())
	})
	e.mux.HandleFunc("PUT /_emulator/fixtures/dataarts", func(w http.ResponseWriter, r *http.Request) {
		var fx DataArtsFixture
		if err := fixtures.Decode(http.MaxBytesReader(w, r.Body, 64<<20), &fx); err != nil {
			writeError(w, badRequest("Invalid DataArts fixture: %v", err))
			return
		}
		if err := e.SetDataArtsFixture(fx); err != nil {
			writeError(w, badRequest("Invalid DataArts fixture: %v", err))
			return
		}
		writeJSON(w, http.StatusOK, e.dataArtsSummary())
	})
	e.mux.HandleFunc("DELETE /_emulator/fixtures/dataarts", func(w http.ResponseWriter, r *http.Request) {
		e.ResetDataArtsFixture()
		writeJSON(w, http.StatusOK, e.dataArtsSummary())
	})
}

func (e *Server) dataArtsSummary() map[string]any {
	e.mu.Lock()
	defer e.mu.Unlock()
	idx := e.dataarts.cur
	return map[string]any{
		"instance_id": idx.Fx.InstanceID, "workspace_id": idx.Fx.WorkspaceID,
		"assets": len(idx.Fx.Assets), "operators": len(idx.Nodes), "relations": len(idx.Fx.Relations),
		"node_tasks": len(idx.Fx.NodeTasks),
	}
}

// DataArtsIDs returns the instance and workspace the current fixture accepts ("" for any).
func (e *Server) DataArtsIDs() (instance, workspace string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dataarts.cur.Fx.InstanceID, e.dataarts.cur.Fx.WorkspaceID
}
