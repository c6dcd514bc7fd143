package store

import (
	"sort"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/sparksql"
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

	// The result of a finished QUERY job (§7.3.6 preview): its columns and rows.
	ResultSchema []ResultColumn `json:"result_schema,omitempty"`
	ResultRows   [][]any        `json:"result_rows,omitempty"`
}

// ResultCount is the job's number of result rows (§7.3.7 result_count).
func (j *SQLJob) ResultCount() int { return len(j.ResultRows) }

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

// SettleSQLJobs finishes, in end-time order, every job whose run time has passed, applying
// its DDL to the catalog. Every catalog and job handler calls it first, so the catalog
// always reflects the emulated clock.
func (p *Project) SettleSQLJobs(now int64) {
	var due []*SQLJob
	for _, j := range p.SQLJobs {
		if j.Status == "" && j.EndTime <= now {
			due = append(due, j)
		}
	}
	sort.Slice(due, func(a, b int) bool {
		if due[a].EndTime != due[b].EndTime {
			return due[a].EndTime < due[b].EndTime
		}
		return due[a].Seq < due[b].Seq
	})
	for _, j := range due {
		p.FinishSQLJob(j)
	}
}

// FinishSQLJob decides a job's outcome and applies its effect.
func (p *Project) FinishSQLJob(j *SQLJob) {
	if j.ForceFail != "" {
		j.Status, j.Message = "FAILED", j.ForceFail
		return
	}
	st, err := sparksql.Parse(j.Statement)
	if err != nil { // cannot happen: submit parses first
		j.Status, j.Message = "FAILED", err.Error()
		return
	}
	if msg := ApplyDDL(p, st, j.CurrentDB, j.Owner, j.EndTime); msg != "" {
		j.Status, j.Message = "FAILED", msg
		return
	}
	if st.Query != nil && st.JobType == "QUERY" {
		schema, rows, msg := p.queryResult(st.Query, j.CurrentDB)
		if msg != "" {
			j.Status, j.Message = "FAILED", msg
			return
		}
		j.ResultSchema, j.ResultRows = schema, rows
	}
	j.Status = "FINISHED"
}

// SQLJob returns the SQL job with id; a forced queue restart's RESTART_QUEUE job (§6.5) is
// presented as a job that finishes QueueRestartTime after it started.
func (p *Project) SQLJob(id, owner string, now int64) (*SQLJob, error) {
	if j := p.SQLJobs[id]; j != nil {
		return j, nil
	}
	for _, qj := range p.QueueJobs {
		if qj.JobID == id {
			end := qj.CreateTime + QueueRestartTime.Milliseconds()
			j := &SQLJob{ID: qj.JobID, JobType: qj.JobType, JobMode: "async", QueueName: qj.QueueName,
				Owner: owner, StartTime: qj.CreateTime, EndTime: end}
			if now >= end {
				j.Status = "FINISHED"
			}
			return j, nil
		}
	}
	return nil, &NotFoundError{Kind: KindSQLJob, Name: id}
}
