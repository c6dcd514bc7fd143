package store

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Spark batch timing model (docs/jobs-connections.md, "Spark batch jobs"), in emulated time.
const (
	BatchStartTime      = 30 * time.Second  // starting -> running
	BatchRunTime        = 120 * time.Second // running -> success/dead, unless SetBatchRunTime says otherwise
	BatchRecoverTime    = 20 * time.Second  // recovering -> running (auto_recovery)
	BatchCancelTime     = 10 * time.Second  // cancel -> dead
	BatchDefaultRetries = 20
	BatchMaxRetries     = 100
	BatchNameMax        = 128
	BatchLogLast        = 10  // detail/list "log": the last 10 records
	BatchLogDefault     = 100 // log API: the last 100 lines by default
	BatchDefaultSpark   = "2.3.2"
)

// batch states (Table 10-7), lowercase as the table; clients compare case-insensitively.
const (
	BatchStarting   = "starting"
	BatchRunning    = "running"
	BatchRecovering = "recovering"
	BatchSuccess    = "success"
	BatchDead       = "dead"
)

// BatchData is a project's Spark batch jobs plus the admin knobs that shape new ones.
type BatchData struct {
	Jobs       map[string]*BatchJob `json:"jobs"`        // id -> job
	FailNamed  map[string]string    `json:"fail_named"`  // job name -> failure reason for jobs created later
	RunSeconds int64                `json:"run_seconds"` // 0: batchRunTime
	Seq        int64                `json:"seq"`         // application id counter
}

// BatchData returns (creating if needed) the project's batch data.
func (p *Project) BatchData() *BatchData {
	if p.Batches == nil {
		p.Batches = &BatchData{}
	}
	if p.Batches.Jobs == nil {
		p.Batches.Jobs = map[string]*BatchJob{}
	}
	if p.Batches.FailNamed == nil {
		p.Batches.FailNamed = map[string]string{}
	}
	return p.Batches
}

// BatchJob is a stored batch job. Its state at any time is derived from the stored times
// (timeline), so nothing runs in the background.
type BatchJob struct {
	ID          string       `json:"id"`
	Owner       string       `json:"owner"`
	Queue       string       `json:"queue"`
	Req         BatchRequest `json:"request"`
	ScType      string       `json:"sc_type"` // as reported: A/B/C or CUSTOMIZED
	AppID       string       `json:"app_id"`
	CreateTime  int64        `json:"create_time"`
	StartMillis int64        `json:"start_ms"`
	RunMillis   int64        `json:"run_ms"`
	FailReason  string       `json:"fail_reason,omitempty"` // the first attempt ends dead with this
	CancelAt    int64        `json:"cancel_at,omitempty"`
	CancelledBy string       `json:"cancelled_by,omitempty"`
	CreatedReal time.Time    `json:"-"` // real creation time, for the consistency delay
}

// BatchResource is an item of resources and of groups[].resources (Table 10-4).
type BatchResource struct {
	Name *string `json:"name,omitempty"`
	Type *string `json:"type,omitempty"`
}

// BatchGroup is an item of groups (Table 10-5).
type BatchGroup struct {
	Name      *string         `json:"name,omitempty"`
	Resources []BatchResource `json:"resources,omitempty"`
}

// BatchRequest is the §10.1.1 body in its snake_case spelling plus the SDK's newer fields.
// camelCase aliases are folded into it before decoding (batchAliases).
type BatchRequest struct {
	File                 *string         `json:"file,omitempty"`
	ClassName            *string         `json:"class_name,omitempty"`
	Queue                *string         `json:"queue,omitempty"`
	ClusterName          *string         `json:"cluster_name,omitempty"`
	Args                 []string        `json:"args,omitempty"`
	ScType               *string         `json:"sc_type,omitempty"`
	Jars                 []string        `json:"jars,omitempty"`
	PythonFiles          []string        `json:"python_files,omitempty"`
	Files                []string        `json:"files,omitempty"`
	Modules              []string        `json:"modules,omitempty"`
	Resources            []BatchResource `json:"resources,omitempty"`
	Groups               []BatchGroup    `json:"groups,omitempty"`
	Conf                 map[string]any  `json:"conf,omitempty"`
	Name                 *string         `json:"name,omitempty"`
	DriverMemory         *string         `json:"driver_memory,omitempty"`
	DriverCores          *int            `json:"driver_cores,omitempty"`
	ExecutorMemory       *string         `json:"executor_memory,omitempty"`
	ExecutorCores        *int            `json:"executor_cores,omitempty"`
	NumExecutors         *int            `json:"num_executors,omitempty"`
	ObsBucket            *string         `json:"obs_bucket,omitempty"`
	AutoRecovery         *bool           `json:"auto_recovery,omitempty"`
	MaxRetryTimes        *int            `json:"max_retry_times,omitempty"`
	MinRecoveryDelayTime *int64          `json:"min_recovery_delay_time,omitempty"`
	CatalogName          *string         `json:"catalog_name,omitempty"`
	Feature              *string         `json:"feature,omitempty"`
	SparkVersion         *string         `json:"spark_version,omitempty"`
	Image                *string         `json:"image,omitempty"`
	ExecutionAgencyURN   *string         `json:"execution_agency_urn,omitempty"`
}

// ScTypes are the resource specs of Table 10-3.
var ScTypes = map[string]struct {
	DriverCores, ExecutorCores, NumExecutors int
	DriverMemory, ExecutorMemory             string
}{
	"A": {2, 1, 6, "7G", "4G"},
	"B": {2, 2, 7, "7G", "8G"},
	"C": {4, 2, 14, "15G", "8G"},
}

// BatchEvent is a state change with the log lines it writes. attempt numbers the driver
// log (the log API's index).
type BatchEvent struct {
	State   string
	At      int64
	Attempt int
	Lines   []string
}

// Timeline returns the job's state changes in order, including future ones.
func (j *BatchJob) Timeline() []BatchEvent {
	spec := j.ResolvedSpec()
	t := j.CreateTime
	events := []BatchEvent{{State: BatchStarting, At: t, Lines: []string{
		fmt.Sprintf("Batch job %s submitted to queue %s by %s.", j.ID, j.Queue, j.Owner),
		"Resources: " + spec,
	}}}
	t += j.StartMillis
	attempts := 1
	if Val(j.Req.AutoRecovery) && j.FailReason != "" && Val(j.Req.MaxRetryTimes) > 0 {
		attempts = 2 // the injected failure is transient: the first retry succeeds
	}
	for a := 0; a < attempts; a++ {
		events = append(events, BatchEvent{State: BatchRunning, At: t, Attempt: a, Lines: []string{
			fmt.Sprintf("SparkContext: Running Spark version %s", j.EffectiveSparkVersion()),
			fmt.Sprintf("Submitted application %s (attempt %d)", j.AppID, a+1),
			strings.TrimSpace(fmt.Sprintf("Running %s %s", j.MainName(), strings.Join(j.Req.Args, " "))),
		}})
		t += j.RunMillis
		switch {
		case j.FailReason == "" || a > 0:
			events = append(events, BatchEvent{State: BatchSuccess, At: t, Attempt: a, Lines: []string{
				"ApplicationMaster: Final app status: SUCCEEDED, exitCode: 0",
				"ShutdownHookManager: Shutdown hook called",
			}})
		case attempts > 1:
			events = append(events, BatchEvent{State: BatchRecovering, At: t, Attempt: a, Lines: []string{
				"ApplicationMaster: User class threw exception: " + j.FailReason,
				fmt.Sprintf("Auto recovery: restarting the job (retry 1 of at most %d).", Val(j.Req.MaxRetryTimes)),
			}})
			t += BatchRecoverTime.Milliseconds()
		default:
			events = append(events, BatchEvent{State: BatchDead, At: t, Attempt: a, Lines: []string{
				"ApplicationMaster: User class threw exception: " + j.FailReason,
				"ApplicationMaster: Final app status: FAILED, exitCode: 15",
			}})
		}
	}
	if j.CancelAt == 0 {
		return events
	}
	kept := events[:0:0]
	for _, ev := range events {
		if ev.At <= j.CancelAt {
			kept = append(kept, ev)
		}
	}
	last := kept[len(kept)-1]
	if last.State == BatchSuccess || last.State == BatchDead {
		return kept
	}
	return append(kept, BatchEvent{State: BatchDead, At: j.CancelAt + BatchCancelTime.Milliseconds(), Attempt: last.Attempt, Lines: []string{
		fmt.Sprintf("Batch job %s cancelled by %s.", j.ID, j.CancelledBy),
		"ApplicationMaster: Final app status: KILLED",
	}})
}

func (j *BatchJob) ResolvedSpec() string {
	sc := Val(j.Req.ScType)
	if sc == "" {
		sc = "A"
	}
	d := ScTypes[sc]
	dm, em := d.DriverMemory, d.ExecutorMemory
	dc, ec, ne := d.DriverCores, d.ExecutorCores, d.NumExecutors
	if j.Req.DriverMemory != nil {
		dm = *j.Req.DriverMemory
	}
	if j.Req.ExecutorMemory != nil {
		em = *j.Req.ExecutorMemory
	}
	if j.Req.DriverCores != nil {
		dc = *j.Req.DriverCores
	}
	if j.Req.ExecutorCores != nil {
		ec = *j.Req.ExecutorCores
	}
	if j.Req.NumExecutors != nil {
		ne = *j.Req.NumExecutors
	}
	return fmt.Sprintf("sc_type %s: driver %d core(s) %s, %d executor(s) of %d core(s) %s", j.ScType, dc, dm, ne, ec, em)
}

func (j *BatchJob) MainName() string {
	if n := Val(j.Req.ClassName); n != "" {
		return n
	}
	return Val(j.Req.File)
}

func (j *BatchJob) EffectiveSparkVersion() string {
	if v := Val(j.Req.SparkVersion); v != "" {
		return v
	}
	return BatchDefaultSpark
}

func (j *BatchJob) EffectiveFeature() string {
	if f := Val(j.Req.Feature); f != "" {
		return f
	}
	return "basic"
}

// EventsAt returns the events that happened by now; the last one is the current state.
func (j *BatchJob) EventsAt(now int64) []BatchEvent {
	all := j.Timeline()
	n := sort.Search(len(all), func(i int) bool { return all[i].At > now })
	return all[:max(n, 1)]
}

// LogLines returns the log lines written by now: all of them (attempt < 0) or one driver
// attempt's, each prefixed with its emulated time.
func (j *BatchJob) LogLines(now int64, attempt int) []string {
	var out []string
	for _, ev := range j.EventsAt(now) {
		if attempt >= 0 && ev.Attempt != attempt {
			continue
		}
		ts := time.UnixMilli(ev.At).UTC().Format("06/01/02 15:04:05")
		for _, l := range ev.Lines {
			level := "INFO"
			if strings.Contains(l, "exception") || strings.Contains(l, "FAILED") {
				level = "ERROR"
			}
			out = append(out, ts+" "+level+" "+l)
		}
	}
	return out
}

// Val dereferences an optional request field (zero value for nil).
func Val[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Batch returns the Spark batch job with id.
func (p *Project) Batch(id string) (*BatchJob, error) {
	j := p.BatchData().Jobs[id]
	if j == nil {
		return nil, &NotFoundError{Kind: KindBatch, Name: id}
	}
	return j, nil
}
