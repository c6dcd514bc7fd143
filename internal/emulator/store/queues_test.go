package store

import (
	"errors"
	"testing"
)

// The queue state machine without HTTP: a new queue has its CUs at once, accepts a scale
// that completes after provisioning, refuses a second scale meanwhile, and restarts only
// once available; errors are typed.
func TestQueueDomain(t *testing.T) {
	p := &Project{}
	p.Init()
	q := &Queue{Name: "q", Type: "sql", CUSpec: 16, CreateTime: 0}
	if err := p.AddQueue(q, 1); err != nil {
		t.Fatal(err)
	}
	var ce *ConflictError
	if err := p.AddQueue(&Queue{Name: "q"}, 2); !errors.As(err, &ce) || ce.Kind != KindQueue {
		t.Fatalf("duplicate: %v", err)
	}
	if cu := q.CUCount(0); cu != 16 {
		t.Fatalf("new queue CUs %d", cu)
	}
	if err := q.Scale(true, 32, 1000); err != nil {
		t.Fatal(err)
	}
	var ue *UnavailableError
	if err := q.Scale(true, 16, 2000); !errors.As(err, &ue) {
		t.Fatalf("second scale while scaling: %v", err)
	}
	ready := QueueProvisionTime.Milliseconds()
	if cu := q.CUCount(ready - 1); cu != 16 {
		t.Fatalf("CUs before provisioning ends %d", cu)
	}
	if cu := q.CUCount(ready + 2*QueueScaleStepTime.Milliseconds()); cu != 48 {
		t.Fatalf("CUs after two steps %d", cu)
	}
	if _, err := p.RestartQueue(q, true, "job-1", 1000); !errors.As(err, &ue) {
		t.Fatalf("restart while provisioning: %v", err)
	}
	job, err := p.RestartQueue(q, true, "job-1", ready)
	if err != nil || job == nil || job.JobID != "job-1" || len(p.QueueJobs) != 1 {
		t.Fatalf("forced restart: %+v %v", job, err)
	}
	var ve *ValidationError
	if err := q.Scale(false, 48, ready+10*QueueScaleStepTime.Milliseconds()); !errors.As(err, &ve) {
		t.Fatalf("scale in below the minimum: %v", err)
	}
	var le *LimitError
	if err := q.Scale(true, QueueMaxCUs, ready+10*QueueScaleStepTime.Milliseconds()); !errors.As(err, &le) {
		t.Fatalf("scale out beyond the limit: %v", err)
	}
	var nf *NotFoundError
	if err := p.DeleteQueue("nope", 0); !errors.As(err, &nf) {
		t.Fatalf("delete unknown: %v", err)
	}
}
