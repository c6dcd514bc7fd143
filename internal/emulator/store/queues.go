package store

import (
	"fmt"
	"strings"
	"time"
)

// Queue lifecycle (docs/queues-variables.md, "Queue lifecycle"): a queue exists, with its
// requested CUs, as soon as it is created. Its compute is provisioned for
// queueProvisionTime emulated seconds (§6.1: "the first job on a new queue
// takes a while, usually 5–15 minutes"): work submitted meanwhile is accepted
// and starts when provisioning ends. Scaling moves the current CU count 16 CUs
// per queueScaleStepTime toward the target, starting once provisioning ends.
const (
	QueueProvisionTime = 300 * time.Second
	QueueScaleStepTime = 30 * time.Second
	QueueScaleStepCUs  = 16
	QueueMinCUs        = 16
	QueueMaxCUs        = 4096 // reported as cu_scale_out_limit and enforced by scale_out
)

// Queue is a stored DLI queue. Times are emulated epoch milliseconds.
type Queue struct {
	ID                  int64             `json:"queue_id"`
	Name                string            `json:"queue_name"`
	Type                string            `json:"queue_type"`
	Description         string            `json:"description"`
	Owner               string            `json:"owner"`
	ResourceID          string            `json:"resource_id"`
	EnterpriseProjectID string            `json:"enterprise_project_id"`
	Platform            string            `json:"platform"`
	ResourceMode        int               `json:"resource_mode"`
	ChargingMode        int               `json:"charging_mode"`
	Labels              []string          `json:"labels"`
	Tags                []Tag             `json:"tags"`
	Feature             string            `json:"feature,omitempty"`
	Engine              string            `json:"engine"`
	ElasticPool         string            `json:"elastic_resource_pool_name,omitempty"`
	ScalingPolicies     []ScalingPolicy   `json:"scaling_policies,omitempty"` // in its pool (pools.go)
	Properties          map[string]any    `json:"properties,omitempty"`       // as given at create
	Props               map[string]string `json:"queue_properties,omitempty"` // write key -> value (dli_queue_properties.go)
	CUSpec              int               `json:"cu_spec"`
	CreateTime          int64             `json:"create_time"`
	ReadyAt             int64             `json:"ready_at"`      // end of provisioning
	ScaleFrom           int               `json:"scale_from"`    // CU count when the last scale started
	ScaleTarget         int               `json:"scale_target"`  // target CU count
	ScaleStart          int64             `json:"scale_start"`   // when the last scale started
	RestartUntil        int64             `json:"restart_until"` // is_restarting until then
	CreatedReal         time.Time         `json:"-"`             // real creation time, for the consistency delay
}

type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// QueueJob records a job created by a queue action (forced restart).
type QueueJob struct {
	JobID      string `json:"job_id"`
	QueueName  string `json:"queue_name"`
	JobType    string `json:"job_type"`
	CreateTime int64  `json:"create_time"`
}

// Provisioning reports whether the queue's compute is still being provisioned at now.
func (q *Queue) Provisioning(now int64) bool { return now < q.ReadyAt }

// WorkStart is when work submitted at now can start on the queue: at once, or
// when provisioning ends.
func (q *Queue) WorkStart(now int64) int64 { return max(now, q.ReadyAt) }

// CUCount returns the queue's current CU count at now (§6.4 "cuCount: current
// CU count"): the CUs requested at creation, then the scaled values.
func (q *Queue) CUCount(now int64) int {
	if q.ScaleTarget == q.ScaleFrom {
		return q.ScaleTarget
	}
	start := max(q.ScaleStart, q.ReadyAt)
	if now < start {
		return q.ScaleFrom
	}
	steps := int((now - start) / QueueScaleStepTime.Milliseconds())
	moved := steps * QueueScaleStepCUs
	if q.ScaleTarget > q.ScaleFrom {
		return min(q.ScaleFrom+moved, q.ScaleTarget)
	}
	return max(q.ScaleFrom-moved, q.ScaleTarget)
}

// Scaling reports whether a scale is still in progress (or waiting for
// provisioning to end) at now.
func (q *Queue) Scaling(now int64) bool {
	return q.CUCount(now) != q.ScaleTarget
}

// ValidName applies the §6.1/§13 name rules: letters, digits and '_', not all digits, not
// starting with '_', 1-128 characters.
func ValidName(field, name string) *ValidationError {
	if name == "" {
		return invalid("%s is required.", field)
	}
	if len(name) > 128 {
		return invalid("Invalid %s: the length must be 1 to 128 characters.", field)
	}
	allDigits := true
	for _, r := range name {
		isDigit := r >= '0' && r <= '9'
		if !(isDigit || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return invalid("Invalid %s %q: only letters, digits and underscores are allowed.", field, name)
		}
		if !isDigit {
			allDigits = false
		}
	}
	if allDigits {
		return invalid("Invalid %s %q: the name cannot consist of digits only.", field, name)
	}
	if name[0] == '_' {
		return invalid("Invalid %s %q: the name cannot start with an underscore.", field, name)
	}
	return nil
}

func (q *Queue) HasTags(filter []Tag) bool {
	for _, f := range filter {
		found := false
		for _, t := range q.Tags {
			if t.Key == f.Key && t.Value == f.Value {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Queue returns the queue named name (case-insensitive).
func (p *Project) Queue(name string) (*Queue, error) {
	q := p.Queues[strings.ToLower(name)]
	if q == nil {
		return nil, &NotFoundError{Kind: KindQueue, Name: strings.ToLower(name)}
	}
	return q, nil
}

// AddQueue stores a new queue created at q.CreateTime with id: it exists at once with its
// requested CUs, and its compute is provisioned for QueueProvisionTime.
func (p *Project) AddQueue(q *Queue, id int64) error {
	if _, exists := p.Queues[q.Name]; exists {
		return &ConflictError{Kind: KindQueue, Name: q.Name}
	}
	q.ID = id
	q.ReadyAt = q.CreateTime + QueueProvisionTime.Milliseconds()
	q.ScaleFrom, q.ScaleTarget, q.ScaleStart = q.CUSpec, q.CUSpec, q.ReadyAt
	p.Queues[q.Name] = q
	return nil
}

// DeleteQueue deletes a queue; a queue that is scaling cannot be deleted.
func (p *Project) DeleteQueue(name string, now int64) error {
	q, err := p.Queue(name)
	if err != nil {
		return err
	}
	if q.Scaling(now) {
		return scalingError(q.Name)
	}
	delete(p.Queues, q.Name)
	p.DropPrivileges("queues." + q.Name) // permissions: grants go with the object
	return nil
}

func scalingError(name string) *UnavailableError {
	return &UnavailableError{Msg: fmt.Sprintf("The queue %s is scaling and is not available for this operation. Try again later.", name)}
}

// Scale starts a scale_out (out) or scale_in by delta CUs. A queue still provisioning
// accepts it (§6.5 sets no precondition): the CU count moves once provisioning ends.
func (q *Queue) Scale(out bool, delta int, now int64) error {
	if q.Scaling(now) {
		return scalingError(q.Name)
	}
	current := q.CUCount(now)
	target := current + delta
	if !out {
		target = current - delta
		if target < QueueMinCUs {
			return invalid("Invalid cu_count %d: queue %s has %d CUs and cannot be scaled in below %d CUs.", delta, q.Name, current, QueueMinCUs)
		}
	} else if target > QueueMaxCUs {
		return &LimitError{Msg: fmt.Sprintf("Invalid cu_count %d: queue %s cannot be scaled out beyond %d CUs.", delta, q.Name, QueueMaxCUs)}
	}
	q.ScaleFrom, q.ScaleTarget, q.ScaleStart = current, target, now
	return nil
}

// QueueRestartTime is how long a forced restart's RESTART_QUEUE job runs.
const QueueRestartTime = 60 * time.Second

// RestartQueue restarts a SQL queue (§6.5: SQL queues only, and only once available). A
// forced restart records a RESTART_QUEUE job with jobID and returns it.
func (p *Project) RestartQueue(q *Queue, force bool, jobID string, now int64) (*QueueJob, error) {
	if q.Type != "sql" {
		return nil, &UnsupportedError{Msg: fmt.Sprintf("Only SQL queues can be restarted; queue %s is a %s queue.", q.Name, q.Type)}
	}
	if q.Provisioning(now) {
		return nil, &UnavailableError{Msg: fmt.Sprintf("The queue %s is not available yet: a queue can be restarted only after it has run a job. Try again later.", q.Name)}
	}
	if !force {
		return nil, nil
	}
	job := QueueJob{JobID: jobID, QueueName: q.Name, JobType: "RESTART_QUEUE", CreateTime: now}
	p.QueueJobs = append(p.QueueJobs, job)
	q.RestartUntil = now + QueueRestartTime.Milliseconds()
	return &job, nil
}
