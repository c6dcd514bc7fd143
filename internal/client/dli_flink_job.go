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

func (r *flinkCreateResponse) validate() error {
	return requireFields(field{"job.job_id", r.Job != nil && r.Job.JobID != nil && *r.Job.JobID > 0})
}

// CreateFlinkSQLJob creates a Flink SQL job (§9.2) in job_init and returns its id. Job
// names are not unique, so the ids with that name are listed first: an attempt whose
// outcome is unknown is followed by a lookup by name (within the consistency window) for
// a job that did not exist before, so a job is never created twice, and such a job is
// adopted if the create sent again is answered "already exists".
func (c *Client) CreateFlinkSQLJob(ctx context.Context, body *model.CreateFlinkSqlJobRequestBody) (int64, error) {
	if err := nonNegative("CreateFlinkSqlJob", map[string]*int32{
		"cu_number": body.CuNumber, "parallel_number": body.ParallelNumber, "manager_cu_number": body.ManagerCuNumber,
		"tm_cus": body.TmCus, "tm_slot_num": body.TmSlotNum, "checkpoint_interval": body.CheckpointInterval,
		"idle_state_retention": body.IdleStateRetention,
	}); err != nil {
		return 0, err
	}
	return c.createFlinkJob(ctx, "CreateFlinkSqlJob", "/v1.0/{project_id}/streaming/sql-jobs", body.Name, body)
}

// createFlinkJob sends a Flink job create request (operation op, to path) for a job named
// name and returns its id, idempotently (see CreateFlinkSQLJob).
func (c *Client) createFlinkJob(ctx context.Context, op, path, name string, body any) (int64, error) {
	before, err := c.flinkJobIDsByName(ctx, name)
	if err != nil {
		return 0, err
	}
	var found int64
	lookup := func(ctx context.Context) error {
		ids, err := c.flinkJobIDsByName(ctx, name)
		if err != nil {
			return err
		}
		for id := range ids {
			if !before[id] {
				found = id
				return nil
			}
		}
		return &NotFoundError{Kind: "new Flink job", Name: name}
	}
	var out flinkCreateResponse
	err = c.Do(ctx, Request{
		Service: ServiceDLI, Operation: op, Method: http.MethodPost, Path: path, Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
	if err != nil {
		return 0, err
	}
	id := found // set when an earlier attempt's job was found or adopted
	if id == 0 {
		id = *out.Job.JobID
	}
	c.noteWrite(kindFlinkJob, strconv.FormatInt(id, 10))
	return id, nil
}

// flinkJobRef is a row of the §9.7 job list, as far as the client needs it.
type flinkJobRef struct {
	JobID int64  `json:"job_id"`
	Name  string `json:"name"`
}

const flinkJobsPageSize = 100

// flinkListResponse is the §9.7 response, as far as the client reads it.
type flinkListResponse struct {
	JobList *struct {
		TotalCount *int          `json:"total_count"`
		Jobs       []flinkJobRef `json:"jobs"`
	} `json:"job_list"`
}

func (r *flinkListResponse) validate() error {
	if err := requireFields(field{"job_list.jobs", r.JobList != nil && r.JobList.Jobs != nil}); err != nil {
		return err
	}
	for i, j := range r.JobList.Jobs {
		if j.JobID <= 0 {
			return fmt.Errorf("job_list.jobs[%d] lacks job_id", i)
		}
	}
	return nil
}

// flinkJobIDsByName lists (§9.7) the ids of the jobs with exactly this name (the name
// filter is a fuzzy match).
func (c *Client) flinkJobIDsByName(ctx context.Context, name string) (map[int64]bool, error) {
	jobs, err := listAll(ctx, pager[flinkJobRef]{
		operation: "ListFlinkJobs", path: "/v1.0/{project_id}/streaming/jobs", pageSize: flinkJobsPageSize,
		key: func(j flinkJobRef) string { return strconv.FormatInt(j.JobID, 10) },
		fetch: func(ctx context.Context, _, offset int) (listPage[flinkJobRef], error) {
			var out flinkListResponse
			q := url.Values{"name": {name}, "limit": {strconv.Itoa(flinkJobsPageSize)}, "offset": {strconv.Itoa(offset)}}
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListFlinkJobs", Method: http.MethodGet,
				Path: "/v1.0/{project_id}/streaming/jobs", Query: q,
			}, &out)
			if err != nil {
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
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateFlinkSqlJob", Method: http.MethodPut,
		Path: "/v1.0/{project_id}/streaming/sql-jobs/" + strconv.FormatInt(id, 10), Body: body,
	}, &out)
}

// flinkShowResponse is the §9.8 response.
type flinkShowResponse struct {
	JobDetail *model.FlinkJob `json:"job_detail"`
}

func (r *flinkShowResponse) validate() error {
	d := r.JobDetail
	return requireFields(field{"job_detail.job_id", d != nil && d.JobId > 0},
		field{"job_detail.name", d != nil && ptr.Deref(d.Name) != ""},
		field{"job_detail.status", d != nil && ptr.Deref(d.Status) != ""})
}

// ShowFlinkJob reads a job (§9.8).
func (c *Client) ShowFlinkJob(ctx context.Context, id int64) (*model.FlinkJob, error) {
	var out flinkShowResponse
	if err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowFlinkJob", Method: http.MethodGet, Path: flinkJobPath(id),
	}, &out); err != nil {
		return nil, err
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

// flinkBatchResponse is the answer to a batch run or stop: a JSON array of
// {is_success, message} (WIRE-NOTES), or one object as in the §9.10 example.
type flinkBatchResponse []flinkResult

func (r *flinkBatchResponse) UnmarshalJSON(data []byte) error {
	if trimmed := strings.TrimSpace(string(data)); strings.HasPrefix(trimmed, "{") {
		var one flinkResult
		if err := json.Unmarshal(data, &one); err != nil {
			return err
		}
		*r = flinkBatchResponse{one}
		return nil
	}
	var many []flinkResult
	if err := json.Unmarshal(data, &many); err != nil {
		return err
	}
	*r = many
	return nil
}

func (r *flinkBatchResponse) validate() error {
	if len(*r) == 0 {
		return fmt.Errorf("the response has no result for the job")
	}
	for i, res := range *r {
		if res.IsSuccess == nil {
			return fmt.Errorf("result %d lacks is_success", i)
		}
	}
	return nil
}

// flinkBatch sends a batch run or stop for one job; an element of the answer with
// is_success false is an error carrying its message. After an attempt whose outcome is
// unknown, the job's status tells whether it took effect (took), so it is not sent twice.
func (c *Client) flinkBatch(ctx context.Context, op, path string, id int64, body any, took func(status string) bool) error {
	c.noteWrite(kindFlinkJob, strconv.FormatInt(id, 10))
	var out flinkBatchResponse
	reconciled := false
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: op, Method: http.MethodPost, Path: path, Body: body,
		Reconcile: func(ctx context.Context) (bool, error) {
			j, err := c.ShowFlinkJob(ctx, id)
			if err != nil {
				return false, err
			}
			reconciled = took(ptr.Deref(j.Status))
			return reconciled, nil
		},
	}, &out)
	if err != nil || reconciled {
		return err
	}
	for _, r := range out {
		if !bool(*r.IsSuccess) {
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
	}, &ack{})
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
			return false, status, fmt.Errorf("Flink job %d is in status %s while waiting for it %s: %s", id, status, what, desc) //nolint:staticcheck // ST1005: "Flink" is a proper noun
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
