package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Spark batch job states (§10.1, Table 10-7). The API is not consistent about case
// ("Success" in examples), so BatchJob.State and BatchJobState are lowercased.
const (
	BatchStarting   = "starting"
	BatchRunning    = "running"
	BatchRecovering = "recovering"
	BatchSuccess    = "success"
	BatchDead       = "dead"
)

// BatchFinished reports whether a batch job state is terminal (success or dead).
func BatchFinished(state string) bool {
	s := strings.ToLower(state)
	return s == BatchSuccess || s == BatchDead
}

const batchesPath = "/v2.0/{project_id}/batches"

func batchPath(id string) string { return batchesPath + "/" + id }

// BatchResource is an item of resources and groups[].resources (Table 10-4).
type BatchResource struct {
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

// BatchGroup is an item of groups (Table 10-5).
type BatchGroup struct {
	Name      string          `json:"name"`
	Resources []BatchResource `json:"resources,omitempty"`
}

// BatchJobRequest is the §10.1.1 create body in its documented snake_case spelling
// (WIRE-NOTES: the provider sends snake_case), plus the SDK's newer fields.
type BatchJobRequest struct {
	File               string            `json:"file"`
	ClassName          string            `json:"class_name,omitempty"`
	Queue              string            `json:"queue"`
	Args               []string          `json:"args,omitempty"`
	ScType             *string           `json:"sc_type,omitempty"`
	Jars               []string          `json:"jars,omitempty"`
	PythonFiles        []string          `json:"python_files,omitempty"`
	Files              []string          `json:"files,omitempty"`
	Modules            []string          `json:"modules,omitempty"`
	Resources          []BatchResource   `json:"resources,omitempty"`
	Groups             []BatchGroup      `json:"groups,omitempty"`
	Conf               map[string]string `json:"conf,omitempty"`
	Name               *string           `json:"name,omitempty"`
	DriverMemory       *string           `json:"driver_memory,omitempty"`
	DriverCores        *int32            `json:"driver_cores,omitempty"`
	ExecutorMemory     *string           `json:"executor_memory,omitempty"`
	ExecutorCores      *int32            `json:"executor_cores,omitempty"`
	NumExecutors       *int32            `json:"num_executors,omitempty"`
	ObsBucket          *string           `json:"obs_bucket,omitempty"`
	AutoRecovery       *bool             `json:"auto_recovery,omitempty"`
	MaxRetryTimes      *int32            `json:"max_retry_times,omitempty"`
	CatalogName        *string           `json:"catalog_name,omitempty"`
	Feature            *string           `json:"feature,omitempty"`
	SparkVersion       *string           `json:"spark_version,omitempty"`
	Image              *string           `json:"image,omitempty"`
	ExecutionAgencyURN *string           `json:"execution_agency_urn,omitempty"`
}

// BatchJob is a batch job as create, detail and list return it (§10.1.1, §10.1.4, §10.1.3;
// the SDK's ShowSparkJobResponse). ReqBody, Feature and SparkVersion come from detail and
// list only, and only from services that return them.
type BatchJob struct {
	ID           string     `json:"id"`
	AppID        nullString `json:"appId"`
	Name         string     `json:"name"`
	Owner        string     `json:"owner"`
	ProxyUser    string     `json:"proxyUser"`
	State        string     `json:"state"`
	Kind         string     `json:"kind"`
	Log          []string   `json:"log"`
	ScType       string     `json:"sc_type"`
	ClusterName  string     `json:"cluster_name"`
	Queue        string     `json:"queue"`
	CreateTime   int64      `json:"create_time"`
	UpdateTime   int64      `json:"update_time"`
	Duration     int64      `json:"duration"`
	Image        string     `json:"image"`
	ReqBody      string     `json:"req_body"`
	Feature      string     `json:"feature"`
	SparkVersion string     `json:"spark_version"`
}

// QueueName is the job's queue: queue, or the legacy cluster_name (§10.1.1 Ambiguity 25).
func (j *BatchJob) QueueName() string {
	if j.Queue != "" {
		return j.Queue
	}
	return j.ClusterName
}

func (j *BatchJob) normalize() { j.State = strings.ToLower(j.State) }

func (j *BatchJob) validate() error {
	return requireFields(field{"id", j.ID != ""}, field{"state", j.State != ""})
}

// nullString decodes appId, documented as an array of strings but sent as a string or null
// (WIRE-NOTES); an array yields its first element.
type nullString string

func (s *nullString) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case nil:
		*s = ""
	case string:
		*s = nullString(x)
	case []any:
		*s = ""
		if len(x) > 0 {
			*s = nullString(fmt.Sprint(x[0]))
		}
	default:
		*s = nullString(fmt.Sprint(x))
	}
	return nil
}

// BatchJobFilter narrows ListBatchJobs (§10.1.3).
type BatchJobFilter struct {
	Queue string
	Name  string
	ID    string
	State string
	Order string // e.g. CREATE_TIME_DESC
	From  int
	Size  int // 0: the service default (100)
	// Owner, Start and End (epoch ms of the creation time) narrow the list further (issue 16).
	Owner      string
	Start, End int64
}

// BatchJobPage is one page of ListBatchJobs.
type BatchJobPage struct {
	From     int        `json:"from"`
	Total    int        `json:"total"`
	Sessions []BatchJob `json:"sessions"`
}

func (p *BatchJobPage) validate() error {
	if err := requireFields(field{"sessions", p.Sessions != nil}); err != nil {
		return err
	}
	for i := range p.Sessions {
		if err := p.Sessions[i].validate(); err != nil {
			return fmt.Errorf("sessions[%d]: %w", i, err)
		}
	}
	return nil
}

// batchStateResponse is the §10.1.5 answer.
type batchStateResponse struct {
	State string `json:"state"`
}

func (r *batchStateResponse) validate() error { return requireFields(field{"state", r.State != ""}) }

// batchLogResponse is the §10.1.6 answer.
type batchLogResponse struct {
	Total int      `json:"total"`
	Log   []string `json:"log"`
}

func (r *batchLogResponse) validate() error { return requireFields(field{"log", r.Log != nil}) }

// ListBatchJobs lists one page of batch jobs (§10.1.3).
func (c *Client) ListBatchJobs(ctx context.Context, f BatchJobFilter) (*BatchJobPage, error) {
	q := url.Values{}
	setIfAny(q, "queue_name", f.Queue)
	setIfAny(q, "job_name", f.Name)
	setIfAny(q, "job_id", f.ID)
	setIfAny(q, "state", f.State)
	setIfAny(q, "order", f.Order)
	setIfAny(q, "owner", f.Owner)
	setIfPositive(q, "start", f.Start)
	setIfPositive(q, "end", f.End)
	setIfPositive(q, "from", f.From)
	setIfPositive(q, "size", f.Size)
	var out BatchJobPage
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ListSparkJobs", Method: http.MethodGet, Path: batchesPath, Query: q,
	}, &out)
	if err != nil {
		return nil, err
	}
	for i := range out.Sessions {
		out.Sessions[i].normalize()
	}
	return &out, nil
}

// CreateBatchJob submits a batch job (§10.1.1) and returns it (state starting). The API is
// not idempotent, so when an attempt's outcome is unknown (408, 5xx, lost connection) the
// job is looked for among the queue's newest jobs (same name and file, not seen before the
// submission; within the consistency window, as a new job may be listed late) before the
// request is sent again: a job is never run twice by a retry. Such a job is also adopted if
// the request sent again is answered "already exists".
func (c *Client) CreateBatchJob(ctx context.Context, body *BatchJobRequest) (*BatchJob, error) {
	if err := nonNegative("CreateSparkJob", map[string]*int32{
		"driver_cores": body.DriverCores, "executor_cores": body.ExecutorCores,
		"num_executors": body.NumExecutors, "max_retry_times": body.MaxRetryTimes,
	}); err != nil {
		return nil, err
	}
	name := ptr.Deref(body.Name)
	filter := BatchJobFilter{Queue: body.Queue, Name: name, Order: "CREATE_TIME_DESC", Size: 100}
	before, err := c.ListBatchJobs(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("listing the queue's batch jobs before submitting (to recognise the new one if the response is lost): %w", err)
	}
	seen := map[string]bool{}
	for _, j := range before.Sessions {
		seen[j.ID] = true
	}
	var adopted *BatchJob
	lookup := func(ctx context.Context) error {
		page, err := c.ListBatchJobs(ctx, filter)
		if err != nil {
			return err
		}
		for i, j := range page.Sessions {
			if f := batchFileOf(&j); !seen[j.ID] && j.Name == name && (f == "" || f == body.File) {
				adopted = &page.Sessions[i]
				return nil
			}
		}
		return &NotFoundError{Kind: "new batch job on queue " + body.Queue, Name: name}
	}
	var out BatchJob
	err = c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateSparkJob", Method: http.MethodPost, Path: batchesPath, Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
	if err != nil {
		return nil, err
	}
	if adopted != nil {
		c.noteWrite(kindBatchJob, adopted.ID)
		return adopted, nil
	}
	out.normalize()
	c.noteWrite(kindBatchJob, out.ID)
	return &out, nil
}

// batchFileOf returns the file of a listed job from its req_body, or "" when the service
// does not return req_body (then any new job of that name is taken).
func batchFileOf(j *BatchJob) string {
	if j.ReqBody == "" {
		return ""
	}
	var r struct {
		File string `json:"file"`
	}
	_ = json.Unmarshal([]byte(j.ReqBody), &r)
	return r.File
}

// ShowBatchJob reads a batch job (§10.1.4).
func (c *Client) ShowBatchJob(ctx context.Context, id string) (*BatchJob, error) {
	var out BatchJob
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowSparkJob", Method: http.MethodGet, Path: batchPath(id),
	}, &out)
	if err != nil {
		return nil, err
	}
	out.normalize()
	return &out, nil
}

// BatchJobState reads a batch job's state (§10.1.5), lowercased.
func (c *Client) BatchJobState(ctx context.Context, id string) (string, error) {
	var out batchStateResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowSparkJobStatus", Method: http.MethodGet, Path: batchPath(id) + "/state",
	}, &out)
	return strings.ToLower(out.State), err
}

// BatchJobLogTail returns the last n lines of a batch job's log (§10.1.6).
func (c *Client) BatchJobLogTail(ctx context.Context, id string, n int) ([]string, error) {
	var out batchLogResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowSparkJobLog", Method: http.MethodGet, Path: batchPath(id) + "/log",
	}, &out)
	if err != nil {
		return nil, err
	}
	return out.Log[max(0, len(out.Log)-n):], nil
}

// CancelBatchJob cancels a batch job (§10.1.2). The service refuses to cancel a job that
// has finished: that, and a job that no longer exists, are not errors (nothing to cancel).
func (c *Client) CancelBatchJob(ctx context.Context, id string) error {
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CancelSparkJob", Method: http.MethodDelete, Path: batchPath(id),
	}, nil)
	if err == nil || IsNotFound(err) {
		return nil
	}
	if state, serr := c.BatchJobState(ctx, id); serr == nil && BatchFinished(state) {
		return nil
	}
	return err
}

// BatchJobDeadError is a batch job that ended dead while it was awaited; Log holds the last
// lines of its log.
type BatchJobDeadError struct {
	ID  string
	Log []string
}

func (e *BatchJobDeadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "batch job %s ended in state dead", e.ID)
	if len(e.Log) > 0 {
		b.WriteString("; last log lines:")
		for _, l := range e.Log {
			b.WriteString("\n  ")
			b.WriteString(l)
		}
	}
	return b.String()
}

// batchDeadLogLines is how many log lines a BatchJobDeadError carries.
const batchDeadLogLines = 20

// WaitForBatchJob polls the job's state (§10.1.5) until done(state) holds. A job that ends
// dead when done does not accept dead fails the wait at once with its last log lines. A job
// not found within the consistency window after it was submitted is not visible yet.
func (c *Client) WaitForBatchJob(ctx context.Context, id, what string, done func(state string) bool) (string, error) {
	var last string
	start := time.Now()
	err := c.Wait(ctx, fmt.Sprintf("batch job %s %s", id, what), func(ctx context.Context) (bool, string, error) {
		state, err := c.BatchJobState(ctx, id)
		if IsNotFound(err) && c.notVisibleYet(kindBatchJob, id, start) {
			return false, "not visible yet", nil
		}
		if err != nil {
			return false, "", err
		}
		last = state
		if done(state) {
			return true, state, nil
		}
		if state == BatchDead {
			lines, lerr := c.BatchJobLogTail(ctx, id, batchDeadLogLines)
			if lerr != nil {
				lines = []string{fmt.Sprintf("(the log could not be read: %v)", lerr)}
			}
			return false, state, &BatchJobDeadError{ID: id, Log: lines}
		}
		return false, state, nil
	})
	return last, err
}
