package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// stateVersion is the state file format version.
const stateVersion = 1

// stateData is all emulated data; it is what the state file holds.
type stateData struct {
	Version  int                     `json:"version"`
	SavedAt  time.Time               `json:"saved_at_emulated"` // emulated clock when saved
	NextID   int64                   `json:"next_id"`           // numeric ids (queue_id, variable id, ...)
	Projects map[string]*projectData `json:"projects"`          // project id -> data
}

// projectData is the data of one project. Feature files add their maps here.
type projectData struct {
	Queues      map[string]*queue     `json:"queues"`                         // lowercase name -> queue
	Variables   map[string]*globalVar `json:"global_variables"`               // name -> variable
	QueueJobs   []queueJob            `json:"queue_jobs"`                     // RESTART_QUEUE jobs from forced restarts
	Connections *connectionData       `json:"enhanced_connections,omitempty"` // enhanced connections (dli_connections.go)
	Batches     *batchData            `json:"batches,omitempty"`              // Spark batch jobs (dli_batches.go)
	Flink       *flinkData            `json:"flink,omitempty"`                // Flink SQL jobs (dli_flink_jobs.go)
	Databases   map[string]*database  `json:"databases"`                      // lowercase name -> database with its tables (dli_databases.go)
	SQLJobs     map[string]*sqlJob    `json:"sql_jobs"`                       // job id -> SQL job (dli_sql_jobs.go)
}

func newStateData() *stateData {
	return &stateData{Version: stateVersion, NextID: 1, Projects: map[string]*projectData{}}
}

// project returns (creating if needed) the data of a project.
func (s *stateData) project(id string) *projectData {
	p := s.Projects[id]
	if p == nil {
		p = &projectData{}
		s.Projects[id] = p
	}
	p.init()
	return p
}

func (p *projectData) init() {
	if p.Queues == nil {
		p.Queues = map[string]*queue{}
	}
	if p.Variables == nil {
		p.Variables = map[string]*globalVar{}
	}
	p.initCatalog()
}

// nextID allocates a numeric id.
func (s *stateData) nextID() int64 {
	id := s.NextID
	s.NextID++
	return id
}

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
	s := newStateData()
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
		p.init()
	}
	if s.NextID < 1 {
		s.NextID = 1
	}
	e.data = s
	e.clock.ensureAtLeast(s.SavedAt)
	return nil
}

// resetData clears all data (admin reset).
func (e *Server) resetData() {
	e.mu.Lock()
	e.data = newStateData()
	e.resetDataArtsLocked()
	if err := e.saveLocked(); err != nil {
		e.logf("emulator: saving state: %v", err)
	}
	e.mu.Unlock()
}
