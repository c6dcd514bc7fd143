package store

import (
	"fmt"
	"strings"
)

// TriggerSavepoint takes a savepoint of a running job (ExecuteFlinkJobSavepoint) into the
// OBS directory dir ("bucket/dir/", with or without obs://). The job is job_savepointing
// for FlinkSavepointTime, then job_running again with the new savepoint as its latest. A
// job that is not running cannot take one.
func (j *FlinkJob) TriggerSavepoint(dir string, now int64) (FlinkSavepoint, error) {
	if st, _ := j.StatusAt(now); st != FlinkRunning {
		return FlinkSavepoint{}, &UnsupportedError{Msg: fmt.Sprintf("The job %d cannot take a savepoint: it is not running (status %s).", j.ID, st)}
	}
	dir = strings.TrimSuffix(strings.TrimPrefix(dir, "obs://"), "/")
	sp := FlinkSavepoint{
		Path: fmt.Sprintf("obs://%s/savepoint-%d-%d", dir, j.ID, len(j.Savepoints)+1),
		Time: now + FlinkSavepointTime.Milliseconds(),
	}
	j.Savepoints = append(j.Savepoints, sp)
	return sp, nil
}

// savepointingAt reports whether a savepoint triggered while the job runs is still being
// taken at now.
func (j *FlinkJob) savepointingAt(now int64) bool {
	n := len(j.Savepoints)
	return j.Action == "run" && n > 0 && j.Savepoints[n-1].Time > now
}
