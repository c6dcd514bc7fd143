package client

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// SQLJobRequestTag tags every SQL job the provider submits with a random value, so that a
// submission whose response was lost can be found again (§7.3.5 list jobs, tags filter)
// instead of being run twice.
const SQLJobRequestTag = "terraform_request"

// SQLJob is the answer to a submitted SQL job (§7.3.3).
type SQLJob struct {
	JobID   string `json:"job_id"`
	JobType string `json:"job_type"`
	JobMode string `json:"job_mode"` // sync: the result is final; async: poll the status
}

func (j *SQLJob) validate() error { return requireFields(field{"job_id", j.JobID != ""}) }

// sqlJobList is the §7.3.5 answer, as far as the client reads it.
type sqlJobList struct {
	Jobs []SQLJob `json:"jobs"`
}

func (l *sqlJobList) validate() error {
	if err := requireFields(field{"jobs", l.Jobs != nil}); err != nil {
		return err
	}
	for i := range l.Jobs {
		if err := l.Jobs[i].validate(); err != nil {
			return fmt.Errorf("jobs[%d]: %w", i, err)
		}
	}
	return nil
}

// SQLJobStatus is the §7.3.7 status of a job. On FAILED, message carries the reason.
type SQLJobStatus struct {
	JobID        string   `json:"job_id"`
	JobType      string   `json:"job_type"`
	JobMode      string   `json:"job_mode"`
	Status       string   `json:"status"`
	Message      string   `json:"message"`
	QueueName    string   `json:"queue_name"`
	Owner        string   `json:"owner"`
	Statement    string   `json:"statement"`
	DatabaseName string   `json:"database_name"`
	StartTime    int64    `json:"start_time"` // epoch ms
	EndTime      int64    `json:"end_time"`   // epoch ms; 0 until the job ends
	Duration     int64    `json:"duration"`   // ms
	InputSize    int64    `json:"input_size"` // bytes scanned
	ResultCount  int64    `json:"result_count"`
	Tags         []JobTag `json:"tags"`
}

// JobTag is a job's tag as DLI returns it.
type JobTag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// UserTags returns the job's tags without the request tag the provider adds at submit.
func (s *SQLJobStatus) UserTags() map[string]string {
	out := map[string]string{}
	for _, t := range s.Tags {
		if t.Key != SQLJobRequestTag {
			out[t.Key] = t.Value
		}
	}
	return out
}

// SQLJobEnded reports whether a status is terminal.
func SQLJobEnded(status string) bool {
	return status == "FINISHED" || status == "FAILED" || status == "CANCELLED"
}

func (s *SQLJobStatus) validate() error {
	return requireFields(field{"job_id", s.JobID != ""}, field{"status", s.Status != ""})
}

// checkSQLResponse is the §7.3.9 answer.
type checkSQLResponse struct{ model.CheckSqlResponse }

func (r *checkSQLResponse) validate() error {
	return requireFields(field{"job_type", ptr.Deref(r.JobType) != ""})
}

// SQLJobSpec is what an SQL job runs (§7.3.3): the statement, its queue ("" for the
// default queue) and current database, conf "key=value" items and tags.
type SQLJobSpec struct {
	SQL, Queue, Database string
	Conf                 []string
	Tags                 map[string]string
}

// SubmitSQLJob submits one SQL statement to a queue (§7.3.3). DDL is asked to run
// asynchronously (dli.sql.sqlasync.enabled), so no HTTP request waits on it; the answer's
// job_mode says whether to wait (see WaitForSQLJob).
func (c *Client) SubmitSQLJob(ctx context.Context, queue, database, sql string) (*SQLJob, error) {
	return c.SubmitSQL(ctx, SQLJobSpec{SQL: sql, Queue: queue, Database: database, Conf: []string{"dli.sql.sqlasync.enabled=true"}})
}

// SubmitSQL submits a job (§7.3.3). It adds a random request tag: if an attempt's outcome
// is unknown, the job is looked up by that tag (within the consistency window) before
// submitting again, so a lost response never runs a statement twice.
func (c *Client) SubmitSQL(ctx context.Context, spec SQLJobSpec) (*SQLJob, error) {
	tag := randomHex(12)
	tags := []model.Tag{{Key: SQLJobRequestTag, Value: tag}}
	for _, k := range slices.Sorted(maps.Keys(spec.Tags)) {
		tags = append(tags, model.Tag{Key: k, Value: spec.Tags[k]})
	}
	body := &model.CreateSqlJobRequestBody{Sql: spec.SQL, Tags: &tags}
	if spec.Conf != nil {
		body.Conf = &spec.Conf
	}
	if spec.Queue != "" {
		body.QueueName = &spec.Queue
	}
	if spec.Database != "" {
		body.Currentdb = &spec.Database
	}
	var found *SQLJob
	lookup := func(ctx context.Context) error {
		var list sqlJobList
		err := c.Do(ctx, Request{
			Service: ServiceDLI, Operation: "ListSqlJobs", Method: http.MethodGet, Path: "/v1.0/{project_id}/jobs",
			Query: url.Values{"tags": {SQLJobRequestTag + "=" + tag}, "job-type": {"ALL"}},
		}, &list)
		if err != nil {
			return err
		}
		if len(list.Jobs) == 0 {
			return &NotFoundError{Kind: "SQL job tagged", Name: SQLJobRequestTag + "=" + tag}
		}
		found = &list.Jobs[0]
		found.JobMode = "async" // poll it: it may still be running
		return nil
	}
	var out SQLJob
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateSqlJob", Method: http.MethodPost,
		Path: "/v1.0/{project_id}/jobs/submit-job", Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
	if err != nil {
		return nil, err
	}
	if found != nil {
		c.noteWrite(kindSQLJob, found.JobID)
		return found, nil
	}
	c.noteWrite(kindSQLJob, out.JobID)
	return &out, nil
}

// ShowSQLJobStatus reads a job's status (§7.3.7).
func (c *Client) ShowSQLJobStatus(ctx context.Context, jobID string) (*SQLJobStatus, error) {
	var out SQLJobStatus
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowSqlJobStatus", Method: http.MethodGet,
		Path: "/v1.0/{project_id}/jobs/" + jobID + "/status",
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// CancelSQLJob cancels a job that has not ended (§7.3.4).
func (c *Client) CancelSQLJob(ctx context.Context, jobID string) error {
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CancelSqlJob", Method: http.MethodDelete, Path: "/v1.0/{project_id}/jobs/" + jobID,
	}, &ack{})
}

// CheckSQL checks a statement's syntax without running it (§7.3.9) and returns its job type.
func (c *Client) CheckSQL(ctx context.Context, database, sql string) (string, error) {
	body := &model.CheckSqlRequestBody{Sql: sql}
	if database != "" {
		body.Currentdb = &database
	}
	var out checkSQLResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CheckSql", Method: http.MethodPost, Path: "/v1.0/{project_id}/jobs/check-sql", Body: body,
	}, &out)
	return ptr.Deref(out.JobType), err
}

// WaitForSQLJob waits until a job ends. FAILED and CANCELLED are errors carrying the job's
// message. A job not found within the consistency window after it was submitted is not
// visible yet.
func (c *Client) WaitForSQLJob(ctx context.Context, jobID string) error {
	start := time.Now()
	return c.Wait(ctx, fmt.Sprintf("SQL job %s to finish", jobID), func(ctx context.Context) (bool, string, error) {
		st, err := c.ShowSQLJobStatus(ctx, jobID)
		if IsNotFound(err) && c.notVisibleYet(kindSQLJob, jobID, start) {
			return false, "not visible yet", nil
		}
		if err != nil {
			return false, "", err
		}
		switch st.Status {
		case "FINISHED":
			return true, st.Status, nil
		case "FAILED", "CANCELLED":
			return false, st.Status, &SQLJobEndedError{JobID: jobID, Queue: st.QueueName, Status: st.Status, Message: st.Message, Statement: st.Statement}
		}
		return false, st.Status, nil
	})
}

// SQLJobEndedError is a job that ended FAILED or CANCELLED instead of FINISHED; Message is
// the service's reason.
type SQLJobEndedError struct {
	JobID, Queue, Status, Message, Statement string
}

func (e *SQLJobEndedError) Error() string {
	return fmt.Sprintf("SQL job %s on queue %s ended %s: %s (statement: %s)", e.JobID, e.Queue, e.Status, e.Message, e.Statement)
}

// RunSQL submits a statement and waits for it to finish. Because DDL can change any table of
// the database, the database's shared table listing is dropped afterwards.
func (c *Client) RunSQL(ctx context.Context, queue, database, sql string) error {
	defer c.invalidateTables(database)
	job, err := c.SubmitSQLJob(ctx, queue, database, sql)
	if err != nil {
		return err
	}
	if strings.EqualFold(job.JobMode, "sync") {
		return nil
	}
	return c.WaitForSQLJob(ctx, job.JobID)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
