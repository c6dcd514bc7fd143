package store

import (
	"time"
)

// SQL job timing on the emulated clock: LAUNCHING for sqlJobLaunchTime, then RUNNING until
// the job's run time has passed, then FINISHED or FAILED (decided, and DDL applied, then).
const (
	SqlJobLaunchTime   = 1 * time.Second
	SqlJobDDLRunTime   = 10 * time.Second
	SqlJobQueryRunTime = 30 * time.Second
)

// SQLJob is a submitted SQL job. Times are emulated epoch ms.
type SQLJob struct {
	ID          string    `json:"job_id"`
	Seq         int64     `json:"seq"` // submission order, to settle jobs ending together in order
	JobType     string    `json:"job_type"`
	JobMode     string    `json:"job_mode"`
	QueueName   string    `json:"queue_name"`
	Owner       string    `json:"owner"`
	Statement   string    `json:"statement"`
	CurrentDB   string    `json:"currentdb"`
	Database    string    `json:"database_name,omitempty"`
	Table       string    `json:"table_name,omitempty"`
	Tags        []Tag     `json:"tags"`
	StartTime   int64     `json:"start_time"`
	RunFrom     int64     `json:"run_from,omitempty"`   // when the queue can start it (its provisioning end); 0 = StartTime
	EndTime     int64     `json:"end_time"`             // when it finishes (or finished, or was cancelled)
	Status      string    `json:"status,omitempty"`     // terminal status once settled; "" before
	Message     string    `json:"message,omitempty"`    // failure text
	ForceFail   string    `json:"force_fail,omitempty"` // failure text forced by a fixture
	CreatedReal time.Time `json:"-"`                    // real creation time, for the consistency delay
}

// StatusAt returns the job's state at now.
func (j *SQLJob) StatusAt(now int64) string {
	switch {
	case j.Status != "":
		return j.Status
	case now < max(j.StartTime, j.RunFrom)+SqlJobLaunchTime.Milliseconds():
		return "LAUNCHING"
	default:
		return "RUNNING"
	}
}

func (j *SQLJob) DurationAt(now int64) int64 {
	if j.Status != "" {
		return j.EndTime - j.StartTime
	}
	return now - j.StartTime
}
