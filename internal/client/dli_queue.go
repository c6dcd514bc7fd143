package client

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

func queuePath(name string) string {
	return "/v1.0/{project_id}/queues/" + name // the SDK escapes the path
}

// CreateQueue creates a queue (§6.1). If an attempt's outcome is unknown, it looks the queue
// up (within the consistency window) before sending the create again, and adopts a queue
// of that name and type when the create sent again is answered "already exists".
func (c *Client) CreateQueue(ctx context.Context, body *model.CreateQueueRequestBody) error {
	if err := positiveCUs("cu_count of queue "+body.QueueName, int64(body.CuCount)); err != nil {
		return err // e.g. a value that wrapped around on its way into the int32 field
	}
	defer c.invalidateQueues()
	c.noteWrite(kindQueue, strings.ToLower(body.QueueName))
	lookup := func(ctx context.Context) error {
		q, err := c.ShowQueue(ctx, body.QueueName)
		if err != nil {
			return err
		}
		want := strings.ToLower(ptr.Deref(body.QueueType))
		if want == "" {
			want = "sql" // §6.1 default
		}
		if got := strings.ToLower(ptr.Deref(q.QueueType)); got != want {
			return &ExistsMismatchError{Kind: "queue", Name: body.QueueName, Detail: fmt.Sprintf("queue_type %q, requested %q", got, want)}
		}
		return nil
	}
	var out queueCreateResponse
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateQueue", Method: http.MethodPost,
		Path: "/v1.0/{project_id}/queues", Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
}

// ShowQueue reads one queue (§6.4); its response uses camelCase for name, type and CUs.
func (c *Client) ShowQueue(ctx context.Context, name string) (*model.ShowQueueResponse, error) {
	var out showQueueResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowQueue", Method: http.MethodGet, Path: queuePath(name),
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out.ShowQueueResponse, nil
}

// DeleteQueue deletes a queue (§6.2). A queue that is already gone is not an error.
func (c *Client) DeleteQueue(ctx context.Context, name string) error {
	defer c.invalidateQueues()
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteQueue", Method: http.MethodDelete, Path: queuePath(name),
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// ScaleQueue changes a queue's CUs from current to target with scale_out or scale_in (§6.5),
// whose cu_count is the difference. It does not wait; see WaitForQueueCUs.
func (c *Client) ScaleQueue(ctx context.Context, name string, current, target int32) error {
	return c.ScaleQueueCUs(ctx, name, int64(current), int64(target))
}

// ScaleQueueCUs is ScaleQueue for CU counts as Terraform holds them (int64): a count or a
// difference that does not fit the API's 32-bit cu_count is an error, never wrapped.
func (c *Client) ScaleQueueCUs(ctx context.Context, name string, current, target int64) error {
	if current == target {
		return nil
	}
	if err := positiveCUs("current cu_count of queue "+name, current); err != nil {
		return err
	}
	if err := positiveCUs("target cu_count of queue "+name, target); err != nil {
		return err
	}
	action, diff := "scale_out", target-current
	if diff < 0 {
		action, diff = "scale_in", -diff
	}
	delta, err := CheckedInt32("the "+action+" cu_count of queue "+name, diff)
	if err != nil {
		return err
	}
	defer c.invalidateQueues()
	c.noteWrite(kindQueue, strings.ToLower(name))
	// The action is relative: sent twice it would scale twice. After an unknown outcome the
	// queue is read first (the scale took effect if the queue has the target CUs), and a
	// resend refused because the queue is scaling means the first one is under way.
	var out queueActionResponse // stays empty when InProgress recognised a resend's refusal
	err = c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "RunQueueAction", Method: http.MethodPut,
		Path: queuePath(name) + "/action",
		Body: &model.RunQueueActionRequestBody{Action: action, CuCount: &delta},
		Reconcile: func(ctx context.Context) (bool, error) {
			q, err := c.ShowQueue(ctx, name)
			if err != nil {
				return false, err
			}
			return int64(ptr.Deref(q.CuCount)) == target, nil
		},
		InProgress: func(err error) bool {
			return HasCode(err, "DLI.0012") && strings.Contains(strings.ToLower(err.Error()), "scaling")
		},
	}, &out)
	if err != nil {
		return err
	}
	if out.Result != nil && !*out.Result {
		return fmt.Errorf("RunQueueAction: %s of queue %q by %d CUs was refused (result=false): %s",
			action, name, delta, ptr.Deref(out.Message))
	}
	return nil
}

// WaitForQueueCUs waits until the queue reports target CUs bound: the end of provisioning
// after create, or of a scale_out/scale_in. The shared listing is dropped afterwards: another
// resource's refresh may have cached an intermediate state during the wait.
func (c *Client) WaitForQueueCUs(ctx context.Context, name string, target int32) error {
	if err := positiveCUs("target cu_count of queue "+name, int64(target)); err != nil {
		return err
	}
	defer c.invalidateQueues()
	start := time.Now()
	return c.Wait(ctx, fmt.Sprintf("queue %q to have %d CUs", name, target), func(ctx context.Context) (bool, string, error) {
		q, err := c.ShowQueue(ctx, name)
		if IsNotFound(err) && c.notVisibleYet(kindQueue, strings.ToLower(name), start) {
			return false, "not visible yet", nil
		}
		if err != nil {
			return false, "", err
		}
		cu := ptr.Deref(q.CuCount)
		return cu == target, fmt.Sprintf("%d CUs", cu), nil
	})
}

// WaitForQueueDeleted waits until the queue can no longer be read.
func (c *Client) WaitForQueueDeleted(ctx context.Context, name string) error {
	return c.Wait(ctx, fmt.Sprintf("queue %q to be deleted", name), func(ctx context.Context) (bool, string, error) {
		_, err := c.ShowQueue(ctx, name)
		if IsNotFound(err) {
			return true, "deleted", nil
		}
		return false, "still present", err
	})
}
