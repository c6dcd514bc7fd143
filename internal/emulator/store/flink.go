package store

import (
	"strconv"
	"time"
)

// Flink run/stop timing on the emulated clock (see README.md).
const (
	FlinkSubmitTime    = 60 * time.Second // job_submitting, then job_running (or job_submit_fail)
	FlinkSavepointTime = 20 * time.Second // job_savepointing, when a stop asks for a savepoint
	FlinkCancelTime    = 20 * time.Second // job_canceling, then job_cancel_success (or job_cancel_fail)
	FlinkSQLMaxLen     = 1024 * 1024
)

// Flink job statuses (§9.7 Table 9-33). The emulator spells "stopping" job_canceling.
const (
	FlinkInit          = "job_init"
	FlinkSubmitting    = "job_submitting"
	FlinkSubmitFail    = "job_submit_fail"
	FlinkRunning       = "job_running"
	FlinkRunException  = "job_running_exception"
	FlinkCanceling     = "job_canceling"
	FlinkCancelSuccess = "job_cancel_success"
	FlinkCancelFail    = "job_cancel_fail"
	FlinkSavepointing  = "job_savepointing"
)

// Phases of a forced failure (FailNextFlinkRun).
const (
	FlinkFailSubmit  = "submit"  // the run ends in job_submit_fail
	FlinkFailRunning = "running" // the run is submitted, then ends in job_running_exception
	FlinkFailStop    = "stop"    // the next stop ends in job_cancel_fail
)

// FlinkData is the Flink data of a project.
type FlinkData struct {
	Jobs     map[int64]*FlinkJob `json:"jobs"`     // job id -> job (deleted jobs stay, marked)
	Failures []FlinkFailure      `json:"failures"` // armed forced failures
	// Templates are the Flink job templates (dli_flink_template), by template id.
	Templates map[int64]*FlinkTemplate `json:"templates,omitempty"`
}

// FlinkData returns the project's Flink data, creating it on first use.
func (p *Project) FlinkData() *FlinkData {
	if p.Flink == nil {
		p.Flink = &FlinkData{}
	}
	if p.Flink.Jobs == nil {
		p.Flink.Jobs = map[int64]*FlinkJob{}
	}
	return p.Flink
}

// FlinkJob is a stored Flink SQL job. Times are emulated epoch milliseconds.
type FlinkJob struct {
	ID          int64          `json:"job_id"`
	Name        string         `json:"name"`
	Desc        string         `json:"desc"`
	JobType     string         `json:"job_type"`
	QueueName   string         `json:"queue_name"`
	SQL         string         `json:"sql_body"`
	RunMode     string         `json:"run_mode"`
	Config      FlinkJobConfig `json:"job_config"`
	Tags        []Tag          `json:"tags"`
	UserName    string         `json:"user_name"`
	UserID      string         `json:"user_id"`
	CreateTime  int64          `json:"create_time"`
	UpdateTime  int64          `json:"update_time"`
	Deleted     bool           `json:"deleted"` // §9.11 keeps the job record; reads see "not exist"
	CreatedReal time.Time      `json:"-"`       // real creation time, for the consistency delay

	// The last run or stop request, from which the status is derived lazily.
	Action      string `json:"action"`       // "" (never run), "run" or "stop"
	ActionAt    int64  `json:"action_at"`    // when it was accepted
	Outcome     string `json:"outcome"`      // "" (success) or a FlinkFail* phase
	OutcomeDesc string `json:"outcome_desc"` // status_desc of a failure
	Savepoint   bool   `json:"savepoint"`    // the stop takes a savepoint
	StartTime   int64  `json:"start_time"`   // when the last run was accepted
	RunFrom     int64  `json:"run_from"`     // when the last run can start: its queue's provisioning end (0 = ActionAt)
	CrashedAt   int64  `json:"crashed_at"`   // admin crash of a running job
	CrashDesc   string `json:"crash_desc"`

	FlinkRecords
	FlinkJarProgram // Flink Jar jobs only (dli_flink_jar_job)
}

// FlinkRecords are a job's savepoints and the run and stop requests it accepted.
type FlinkRecords struct {
	Savepoints []FlinkSavepoint  `json:"savepoints"`
	Runs       []FlinkRunRecord  `json:"runs"`
	Stops      []FlinkStopRecord `json:"stops"`
}

// FlinkJobConfig is the stored job configuration (§9.2 fields, rendered as §9.8 job_config).
type FlinkJobConfig struct {
	CheckpointEnabled    bool     `json:"checkpoint_enabled"`
	CheckpointMode       int      `json:"checkpoint_mode"` // 1 exactly_once, 2 at_least_once
	CheckpointInterval   int      `json:"checkpoint_interval"`
	ObsBucket            string   `json:"obs_bucket"`
	LogEnabled           bool     `json:"log_enabled"`
	SmnTopic             string   `json:"smn_topic"`
	RestartWhenException bool     `json:"restart_when_exception"`
	IdleStateRetention   int      `json:"idle_state_retention"`
	DirtyDataStrategy    string   `json:"dirty_data_strategy"`
	UdfJarURL            string   `json:"udf_jar_url"`
	CuNumber             int      `json:"cu_number"`
	ManagerCuNumber      int      `json:"manager_cu_number"`
	ParallelNumber       int      `json:"parallel_number"`
	TmCus                int      `json:"tm_cus"`
	TmSlotNum            int      `json:"tm_slot_num"`
	TmSlotNumSet         bool     `json:"tm_slot_num_set"` // else derived from the formula
	ResumeCheckpoint     bool     `json:"resume_checkpoint"`
	ResumeMaxNum         int      `json:"resume_max_num"`
	RuntimeConfig        *string  `json:"runtime_config"`
	FlinkVersion         *string  `json:"flink_version"`
	EdgeGroupIDs         []string `json:"edge_group_ids"`
	OperatorConfig       *string  `json:"operator_config"`
	StaticEstimator      *string  `json:"static_estimator_config"`
	FlinkJarConfig                // Flink Jar jobs only (dli_flink_jar_job)
}

// FlinkSavepoint is a savepoint taken by a stop with trigger_savepoint, or triggered while the job
// runs (TriggerSavepoint).
type FlinkSavepoint struct {
	Path string `json:"path"`
	Time int64  `json:"time"` // when it was complete
}

// FlinkRunRecord is one accepted run request of a job (admin API).
type FlinkRunRecord struct {
	At              int64  `json:"at"`
	ResumeSavepoint bool   `json:"resume_savepoint"`
	ResumedFrom     string `json:"resumed_from"` // savepoint path, "" for a fresh start
	SQL             string `json:"sql_body"`     // the SQL the run executes
	Entrypoint      string `json:"entrypoint"`   // the JAR a Flink Jar job's run executes (dli_flink_jar_job)
}

// FlinkStopRecord is one accepted stop request of a job (admin API).
type FlinkStopRecord struct {
	At               int64  `json:"at"`
	TriggerSavepoint bool   `json:"trigger_savepoint"`
	StatusBefore     string `json:"status_before"`
	SavepointPath    string `json:"savepoint_path"` // "" when none was taken
}

// FlinkJobHistory is what the admin API reports about a job, deleted or not.
type FlinkJobHistory struct {
	JobID   int64  `json:"job_id"`
	Name    string `json:"name"`
	Status  string `json:"status"`
	Deleted bool   `json:"deleted"`
	FlinkRecords
}

// FlinkFailure arms a forced failure for the next run (or stop) of a job, chosen by id or,
// before it exists, by name.
type FlinkFailure struct {
	JobID   int64  `json:"job_id"`
	JobName string `json:"job_name"`
	Phase   string `json:"phase"` // FlinkFailSubmit (default), FlinkFailRunning or FlinkFailStop
	Reason  string `json:"reason"`
}

// StatusAt derives the job's status and status_desc at now.
func (j *FlinkJob) StatusAt(now int64) (string, string) {
	switch j.Action {
	case "run":
		if now < max(j.ActionAt, j.RunFrom)+FlinkSubmitTime.Milliseconds() {
			return FlinkSubmitting, ""
		}
		switch j.Outcome {
		case FlinkFailSubmit:
			return FlinkSubmitFail, j.OutcomeDesc
		case FlinkFailRunning:
			return FlinkRunException, j.OutcomeDesc
		}
		if j.CrashedAt > 0 && now >= j.CrashedAt {
			return FlinkRunException, j.CrashDesc
		}
		if j.savepointingAt(now) { // dli_flink_job_savepoint action
			return FlinkSavepointing, ""
		}
		return FlinkRunning, ""
	case "stop":
		end := j.ActionAt + FlinkCancelTime.Milliseconds()
		if j.Savepoint {
			if now < j.ActionAt+FlinkSavepointTime.Milliseconds() {
				return FlinkSavepointing, ""
			}
			end += FlinkSavepointTime.Milliseconds()
		}
		if now < end {
			return FlinkCanceling, ""
		}
		if j.Outcome == FlinkFailStop {
			return FlinkCancelFail, j.OutcomeDesc
		}
		return FlinkCancelSuccess, ""
	}
	return FlinkInit, ""
}

func (j *FlinkJob) LatestSavepoint(now int64) *FlinkSavepoint {
	for i := len(j.Savepoints) - 1; i >= 0; i-- {
		if j.Savepoints[i].Time <= now {
			return &j.Savepoints[i]
		}
	}
	return nil
}

func (j *FlinkJob) History(now int64) FlinkJobHistory {
	st, _ := j.StatusAt(now)
	return FlinkJobHistory{JobID: j.ID, Name: j.Name, Status: st, Deleted: j.Deleted, FlinkRecords: FlinkRecords{
		Savepoints: append([]FlinkSavepoint{}, j.Savepoints...),
		Runs:       append([]FlinkRunRecord{}, j.Runs...),
		Stops:      append([]FlinkStopRecord{}, j.Stops...),
	}}
}

// EffectiveTmSlotNum is the configured value or the documented default
// (parallel_number*tm_cus)/(cu_number-manager_cu_number), at least 1.
func (cfg FlinkJobConfig) EffectiveTmSlotNum() int {
	if cfg.TmSlotNumSet {
		return cfg.TmSlotNum
	}
	return max(1, cfg.ParallelNumber*cfg.TmCus/(cfg.CuNumber-cfg.ManagerCuNumber))
}

// TakeFlinkFailure removes and returns the first armed failure for j in one of phases.
func (p *Project) TakeFlinkFailure(j *FlinkJob, phases ...string) *FlinkFailure {
	for i, f := range p.FlinkData().Failures {
		if (f.JobID != 0 && f.JobID != j.ID) || (f.JobID == 0 && f.JobName != j.Name) {
			continue
		}
		for _, ph := range phases {
			if f.Phase == ph {
				p.FlinkData().Failures = append(p.FlinkData().Failures[:i], p.FlinkData().Failures[i+1:]...)
				return &f
			}
		}
	}
	return nil
}

func (j *FlinkJob) MarkDeleted(now int64) {
	if st, _ := j.StatusAt(now); st == FlinkRunning || st == FlinkSubmitting || st == FlinkCancelFail {
		j.Stops = append(j.Stops, FlinkStopRecord{At: now, StatusBefore: st})
	}
	j.Deleted = true
}

// FlinkJob returns the (not deleted) Flink job with id; §9.11 keeps a deleted job's
// record, but every API answers as if it did not exist.
func (p *Project) FlinkJob(id int64) (*FlinkJob, error) {
	j := p.FlinkData().Jobs[id]
	if j == nil || j.Deleted {
		return nil, &NotFoundError{Kind: KindFlinkJob, Name: strconv.FormatInt(id, 10)}
	}
	return j, nil
}
