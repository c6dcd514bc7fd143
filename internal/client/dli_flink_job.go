package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Flink job statuses (§9.7 Table 9-33, §9.8 Table 9-41).
const (
	FlinkInit          = "job_init"
	FlinkSubmitting    = "job_submitting"
	FlinkSubmitFail    = "job_submit_fail"
	FlinkRunning       = "job_running"
	FlinkRunException  = "job_running_exception"
	FlinkDownloading   = "job_downloading"
	FlinkIdle          = "job_idle"
	FlinkCanceling     = "job_canceling"
	FlinkCancelling    = "job_cancelling" // §9.8's spelling of job_canceling
	FlinkCancelSuccess = "job_cancel_success"
	FlinkCancelFail    = "job_cancel_fail"
	FlinkSavepointing  = "job_savepointing"
	FlinkFinish        = "job_finish"
)

// FlinkFailureStatus reports whether a status is a failure: a run or stop that did not work.
func FlinkFailureStatus(status string) bool {
	return status == FlinkSubmitFail || status == FlinkRunException || status == FlinkCancelFail
}

// FlinkTransientStatus reports whether a status is on its way to another one (a run or stop
// in progress).
func FlinkTransientStatus(status string) bool {
	switch status {
	case FlinkSubmitting, FlinkCanceling, FlinkCancelling, FlinkSavepointing, FlinkDownloading:
		return true
	}
	return false
}

func flinkJobPath(id int64) string {
	return "/v1.0/{project_id}/streaming/jobs/" + strconv.FormatInt(id, 10)
}

// flinkCreateResponse is the §9.2 response; is_success is a string on Flink APIs, so the
// SDK's response struct is not used (the envelope is checked by Do).
type flinkCreateResponse struct {
	Job *struct {
		JobID      *int64 `json:"job_id"`
		StatusName string `json:"status_name"`
		StatusDesc string `json:"status_desc"`
	} `json:"job"`
}

// CreateFlinkSQLJob creates a Flink SQL job (§9.2) in job_init and returns its id. An
// attempt whose outcome is unknown is followed by a lookup by name among the jobs that did
// not exist before, so a job is never created twice.
func (c *Client) CreateFlinkSQLJob(ctx context.Context, body *model.CreateFlinkSqlJobRequestBody) (int64, error) {
	before, err := c.flinkJobIDsByName(ctx, body.Name)
	if err != nil {
		return 0, err
	}
	var found int64
	var out flinkCreateResponse
	err = c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateFlinkSqlJob", Method: http.MethodPost,
		Path: "/v1.0/{project_id}/streaming/sql-jobs", Body: body,
		Reconcile: func(ctx context.Context) (bool, error) {
			ids, err := c.flinkJobIDsByName(ctx, body.Name)
			if err != nil {
				return false, err
			}
			for id := range ids {
				if !before[id] {
					found = id
					return true, nil
				}
			}
			return false, nil
		},
	}, &out)
	switch {
	case err != nil:
		return 0, err
	case found != 0:
		c.noteWrite(kindFlinkJob, strconv.FormatInt(found, 10))
		return found, nil
	case out.Job == nil || out.Job.JobID == nil:
		return 0, fmt.Errorf("CreateFlinkSqlJob: the response carries no job id")
	}
	c.noteWrite(kindFlinkJob, strconv.FormatInt(*out.Job.JobID, 10))
	return *out.Job.JobID, nil
}

// flinkJobRef is a row of the §9.7 job list, as far as the client needs it.
type flinkJobRef struct {
	JobID int64  `json:"job_id"`
	Name  string `json:"name"`
}

const flinkJobsPageSize = 100

// flinkJobIDsByName lists (§9.7) the ids of the jobs with exactly this name (the name
// filter is a fuzzy match).
func (c *Client) flinkJobIDsByName(ctx context.Context, name string) (map[int64]bool, error) {
	jobs, err := listAll(ctx, pager[flinkJobRef]{
		operation: "ListFlinkJobs", pageSize: flinkJobsPageSize,
		key: func(j flinkJobRef) string { return strconv.FormatInt(j.JobID, 10) },
		fetch: func(ctx context.Context, _, offset int) (listPage[flinkJobRef], error) {
			var out struct {
				JobList *struct {
					TotalCount *int          `json:"total_count"`
					Jobs       []flinkJobRef `json:"jobs"`
				} `json:"job_list"`
			}
			q := url.Values{"name": {name}, "limit": {strconv.Itoa(flinkJobsPageSize)}, "offset": {strconv.Itoa(offset)}}
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListFlinkJobs", Method: http.MethodGet,
				Path: "/v1.0/{project_id}/streaming/jobs", Query: q,
			}, &out)
			if err != nil || out.JobList == nil {
				return listPage[flinkJobRef]{total: -1}, err
			}
			return listPage[flinkJobRef]{items: out.JobList.Jobs, total: totalOf(out.JobList.TotalCount)}, nil
		},
	})
	if err != nil {
		return nil, err
	}
	ids := map[int64]bool{}
	for _, j := range jobs {
		if j.Name == name {
			ids[j.JobID] = true
		}
	}
	return ids, nil
}

// UpdateFlinkSQLJob updates a Flink SQL job's stored configuration (§9.3). body carries just
// the fields to change (all are optional; a nil field is not sent). A running job keeps
// running with its old configuration until it is run again.
func (c *Client) UpdateFlinkSQLJob(ctx context.Context, id int64, body *model.UpdateFlinkSqlJobRequestBody) error {
	c.noteWrite(kindFlinkJob, strconv.FormatInt(id, 10))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateFlinkSqlJob", Method: http.MethodPut,
		Path: "/v1.0/{project_id}/streaming/sql-jobs/" + strconv.FormatInt(id, 10), Body: body,
	}, nil)
}

// ShowFlinkJob reads a job (§9.8).
func (c *Client) ShowFlinkJob(ctx context.Context, id int64) (*model.FlinkJob, error) {
	var out struct {
		JobDetail *model.FlinkJob `json:"job_detail"`
	}
	if err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowFlinkJob", Method: http.MethodGet, Path: flinkJobPath(id),
	}, &out); err != nil {
		return nil, err
	}
	if out.JobDetail == nil {
		return nil, fmt.Errorf("ShowFlinkJob: the response for job %d carries no job_detail", id)
	}
	return out.JobDetail, nil
}

// RunFlinkJob asks DLI to run a job (§9.6), resuming from its latest savepoint when resume
// is set. It does not wait; see WaitForFlinkJob.
func (c *Client) RunFlinkJob(ctx context.Context, id int64, resume bool) error {
	return c.flinkBatch(ctx, "BatchRunFlinkJobs", "/v1.0/{project_id}/streaming/jobs/run", id,
		&model.BatchRunFlinkJobsRequestBody{JobIds: []int64{id}, ResumeSavepoint: &resume},
		func(status string) bool { return status == FlinkSubmitting || status == FlinkRunning })
}

// StopFlinkJob asks DLI to stop a job (§9.10), taking a savepoint first when savepoint is
// set. It does not wait; see WaitForFlinkJob.
func (c *Client) StopFlinkJob(ctx context.Context, id int64, savepoint bool) error {
	return c.flinkBatch(ctx, "BatchStopFlinkJobs", "/v1.0/{project_id}/streaming/jobs/stop", id,
		&model.StopFlinkJobsRequestBody{JobIds: []int64{id}, TriggerSavepoint: &savepoint},
		func(status string) bool {
			return status == FlinkSavepointing || status == FlinkCanceling || status == FlinkCancelling || status == FlinkCancelSuccess
		})
}

// flinkResult is one element of the batch run/stop responses.
type flinkResult struct {
	IsSuccess *flexBool `json:"is_success"`
	Message   string    `json:"message"`
}

// flinkBatch sends a batch run or stop for one job. The response is a JSON array of
// {is_success, message} (WIRE-NOTES), or one object as in the §9.10 example; an element
// with is_success false is an error carrying its message. After an attempt whose outcome
// is unknown, the job's status tells whether it took effect (took), so it is not sent twice.
func (c *Client) flinkBatch(ctx context.Context, op, path string, id int64, body any, took func(status string) bool) error {
	c.noteWrite(kindFlinkJob, strconv.FormatInt(id, 10))
	var raw json.RawMessage
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: op, Method: http.MethodPost, Path: path, Body: body,
		Reconcile: func(ctx context.Context) (bool, error) {
			j, err := c.ShowFlinkJob(ctx, id)
			if err != nil {
				return false, err
			}
			return took(ptr.Deref(j.Status)), nil
		},
	}, &raw)
	if err != nil {
		return err
	}
	var results []flinkResult
	trimmed := strings.TrimSpace(string(raw))
	if strings.HasPrefix(trimmed, "[") {
		if err := json.Unmarshal(raw, &results); err != nil {
			return fmt.Errorf("%s: decoding response: %w", op, err)
		}
	} else if trimmed != "" {
		var one flinkResult
		if err := json.Unmarshal(raw, &one); err != nil {
			return fmt.Errorf("%s: decoding response: %w", op, err)
		}
		results = []flinkResult{one}
	}
	for _, r := range results {
		if r.IsSuccess != nil && !bool(*r.IsSuccess) {
			return &APIError{Operation: op, Method: http.MethodPost, Path: path, StatusCode: http.StatusOK,
				Message: fmt.Sprintf("job %d: is_success=false: %s", id, r.Message)}
		}
	}
	return nil
}

// DeleteFlinkJob deletes a job in any status (§9.11). A job that is already gone is not an
// error.
func (c *Client) DeleteFlinkJob(ctx context.Context, id int64) error {
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteFlinkJob", Method: http.MethodDelete, Path: flinkJobPath(id),
	}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

// WaitForFlinkJob polls the job until done(status) holds and returns the job as last read.
// A failure status (job_submit_fail, job_running_exception, job_cancel_fail) that done does
// not accept ends the wait at once with the service's status description. A job not found
// within the consistency window after it was written is not visible yet.
func (c *Client) WaitForFlinkJob(ctx context.Context, id int64, what string, done func(status string) bool) (*model.FlinkJob, error) {
	var job *model.FlinkJob
	start := time.Now()
	err := c.Wait(ctx, fmt.Sprintf("Flink job %d %s", id, what), func(ctx context.Context) (bool, string, error) {
		j, err := c.ShowFlinkJob(ctx, id)
		if IsNotFound(err) && c.notVisibleYet(kindFlinkJob, strconv.FormatInt(id, 10), start) {
			return false, "not visible yet", nil
		}
		if err != nil {
			return false, "", err
		}
		job = j
		status, desc := ptr.Deref(j.Status), ptr.Deref(j.StatusDesc)
		if done(status) {
			return true, status, nil
		}
		if FlinkFailureStatus(status) {
			if desc == "" {
				desc = "no status description given"
			}
			return false, status, fmt.Errorf("Flink job %d is in status %s while waiting for it %s: %s", id, status, what, desc)
		}
		return false, status, nil
	})
	return job, err
}

// WaitForFlinkJobDeleted waits until the job can no longer be read.
func (c *Client) WaitForFlinkJobDeleted(ctx context.Context, id int64) error {
	return c.Wait(ctx, fmt.Sprintf("Flink job %d to be deleted", id), func(ctx context.Context) (bool, string, error) {
		j, err := c.ShowFlinkJob(ctx, id)
		if IsNotFound(err) {
			return true, "deleted", nil
		}
		if err != nil {
			return false, "", err
		}
		return false, ptr.Deref(j.Status), nil
	})
}
