package client

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Scheduled scaling plans of a queue (§6.6–6.10). There is no GET by id and a create
// returns no id: plans are read from the queue's plan list (one list per queue per run,
// shared through the queuePlans cache) and a new plan is found there by its name, which
// is unique per queue (dli-part1 Ambiguity 14).

const kindQueuePlan = "queue scaling plan"

func queuePlansPath(queue string) string {
	return "/v1/{project_id}/queues/" + strings.ToLower(queue) + "/plans" // the SDK escapes the path
}

func queuePlanPath(queue string, id int64) string {
	return queuePlansPath(queue) + "/" + strconv.FormatInt(id, 10)
}

// QueuePlanID is the Terraform id of a plan: "<queue>/<plan_id>".
func QueuePlanID(queue string, id int64) string {
	return strings.ToLower(queue) + "/" + strconv.FormatInt(id, 10)
}

// listQueuePlansResponse is the §6.7 answer: plans is required, and every plan needs its
// id and name (what identifies it).
type listQueuePlansResponse struct{ model.ListQueuePlansResponse }

func (r *listQueuePlansResponse) validate() error {
	if err := requireFields(field{"plans", r.Plans != nil}); err != nil {
		return err
	}
	for i, p := range *r.Plans {
		if p.Id == nil || ptr.Deref(p.PlanName) == "" || p.TargetCu == nil || p.StartHour == nil || p.StartMinute == nil {
			return fmt.Errorf("plans[%d] lacks id, plan_name, target_cu, start_hour or start_minute", i)
		}
	}
	return nil
}

// ListQueuePlans returns the plans of a queue. Callers in the same run share one listing
// per queue; a queue that does not exist is a not-found error.
func (c *Client) ListQueuePlans(ctx context.Context, queue string) ([]model.QueuePlan, error) {
	key := strings.ToLower(queue)
	return c.queuePlans.get(ctx, key, func(ctx context.Context) ([]model.QueuePlan, error) {
		return c.listQueuePlans(ctx, key)
	})
}

func (c *Client) listQueuePlans(ctx context.Context, queue string) ([]model.QueuePlan, error) {
	var out listQueuePlansResponse
	if err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ListQueuePlans", Method: http.MethodGet, Path: queuePlansPath(queue),
	}, &out); err != nil {
		return nil, err
	}
	return *out.Plans, nil
}

// GetQueuePlan finds plan id of a queue in the (cached) plan list.
func (c *Client) GetQueuePlan(ctx context.Context, queue string, id int64) (*model.QueuePlan, error) {
	return findListed(ctx, func(ctx context.Context) ([]model.QueuePlan, error) { return c.ListQueuePlans(ctx, queue) },
		func() { c.invalidateQueuePlans(queue) },
		func(p model.QueuePlan) bool { return ptr.Deref(p.Id) == id },
		c.recentlyWritten(kindQueuePlan, QueuePlanID(queue, id)),
		&NotFoundError{Kind: kindQueuePlan, Name: QueuePlanID(queue, id)})
}

// GetQueuePlanByName finds a queue's plan by name in the (cached) plan list: how a new
// plan, whose create answer carries no id, is found.
func (c *Client) GetQueuePlanByName(ctx context.Context, queue, name string) (*model.QueuePlan, error) {
	return findListed(ctx, func(ctx context.Context) ([]model.QueuePlan, error) { return c.ListQueuePlans(ctx, queue) },
		func() { c.invalidateQueuePlans(queue) },
		func(p model.QueuePlan) bool { return ptr.Deref(p.PlanName) == name },
		c.recentlyWritten(kindQueuePlan, planNameKey(queue, name)),
		&NotFoundError{Kind: kindQueuePlan, Name: strings.ToLower(queue) + "/" + name})
}

// planNameKey is the write-log key of a plan known by name only (before its id is known).
func planNameKey(queue, name string) string { return strings.ToLower(queue) + "/name:" + name }

// CreateQueuePlan creates a plan on a queue (§6.6); the answer carries no id: see
// GetQueuePlanByName. If an attempt's outcome is unknown, it lists the queue's plans
// afresh (within the consistency window) before sending again, and adopts a plan of that
// name with the same target and schedule when the create sent again is answered
// "already exists".
func (c *Client) CreateQueuePlan(ctx context.Context, queue string, body *model.QueuePlanRequestBody) error {
	defer c.invalidateQueuePlans(queue)
	c.noteWrite(kindQueuePlan, planNameKey(queue, body.PlanName))
	lookup := func(ctx context.Context) error {
		plans, err := c.listQueuePlans(ctx, queue)
		p, err := pick(plans, err, func(p model.QueuePlan) bool { return ptr.Deref(p.PlanName) == body.PlanName },
			&NotFoundError{Kind: kindQueuePlan, Name: strings.ToLower(queue) + "/" + body.PlanName})
		if err != nil {
			return err
		}
		if d := planDifference(p, body); d != "" {
			return &ExistsMismatchError{Kind: kindQueuePlan, Name: body.PlanName, Detail: d}
		}
		return nil
	}
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateQueuePlan", Method: http.MethodPost, Path: queuePlansPath(queue), Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &ack{})
}

// planDifference says how a listed plan differs from a request in its target and
// schedule ("" when it does not).
func planDifference(p *model.QueuePlan, body *model.QueuePlanRequestBody) string {
	var got, want []string
	for _, d := range p.RepeatDay {
		got = append(got, strings.ToUpper(d.Value()))
	}
	for _, d := range body.RepeatDay {
		want = append(want, strings.ToUpper(d.Value()))
	}
	slices.Sort(got)
	slices.Sort(want)
	if ptr.Deref(p.TargetCu) != body.TargetCu || ptr.Deref(p.StartHour) != body.StartHour ||
		ptr.Deref(p.StartMinute) != body.StartMinute || !slices.Equal(got, want) {
		return fmt.Sprintf("target_cu %d at %02d:%02d on %v, requested %d at %02d:%02d on %v",
			ptr.Deref(p.TargetCu), ptr.Deref(p.StartHour), ptr.Deref(p.StartMinute), got,
			body.TargetCu, body.StartHour, body.StartMinute, want)
	}
	return ""
}

// UpdateQueuePlan replaces every setting of a plan (§6.10, a full replacement). Only the
// answer's envelope is read: its plan_id is typed String but sent as a number
// (dli-part1 Ambiguity 10).
func (c *Client) UpdateQueuePlan(ctx context.Context, queue string, id int64, body *model.QueuePlanRequestBody) error {
	defer c.invalidateQueuePlans(queue)
	c.noteWrite(kindQueuePlan, QueuePlanID(queue, id))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateQueuePlan", Method: http.MethodPut, Path: queuePlanPath(queue, id), Body: body,
	}, &ack{})
}

// DeleteQueuePlan deletes a plan (§6.9). A plan (or queue) that is already gone is not an
// error.
func (c *Client) DeleteQueuePlan(ctx context.Context, queue string, id int64) error {
	defer c.invalidateQueuePlans(queue)
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteQueuePlan", Method: http.MethodDelete, Path: queuePlanPath(queue, id),
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// WaitForQueuePlanGone waits until the plan is no longer listed (DLI deletes it at once;
// a replica may list it a little longer).
func (c *Client) WaitForQueuePlanGone(ctx context.Context, queue string, id int64) error {
	start := time.Now()
	return c.Wait(ctx, fmt.Sprintf("queue scaling plan %s to be deleted", QueuePlanID(queue, id)), func(ctx context.Context) (bool, string, error) {
		_, err := c.GetQueuePlan(ListedAfter(ctx, start), queue, id)
		if IsNotFound(err) {
			return true, "gone", nil
		}
		return false, "still listed", err
	})
}

// invalidateQueuePlans drops the shared plan listing of a queue after a write.
func (c *Client) invalidateQueuePlans(queue string) { c.queuePlans.invalidate(strings.ToLower(queue)) }
