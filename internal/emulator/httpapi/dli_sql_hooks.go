package httpapi

import "time"

// SetSQLJobRunTime makes SQL jobs other than DDL and DCL submitted from now on run for d
// (emulated) instead of 30 seconds, in every project; 0 restores the default. A test can
// so keep a job RUNNING while it destroys or cancels it. Not an API: a test hook.
func (e *Server) SetSQLJobRunTime(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for pid := range e.projectIDs {
		e.data.Project(pid).SQLQueryRunSeconds = int64(d / time.Second)
	}
}
