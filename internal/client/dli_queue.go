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
// up before sending the create again.
func (c *Client) CreateQueue(ctx context.Context, body *model.CreateQueueRequestBody) error {
	defer c.invalidateQueues()
	c.noteWrite(kindQueue, strings.ToLower(body.QueueName))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateQueue", Method: http.MethodPost,
		Path: "/v1.0/{project_id}/queues", Body: body,
		Reconcile: func(ctx context.Context) (bool, error) {
			_, err := c.ShowQueue(ctx, body.QueueName)
			if IsNotFound(err) {
				return false, nil
			}
			return err == nil, err
		},
	}, nil)
}

// ShowQueue reads one queue (§6.4); its response uses camelCase for name, type and CUs.
func (c *Client) ShowQueue(ctx context.Context, name string) (*model.ShowQueueResponse, error) {
	var out model.ShowQueueResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowQueue", Method: http.MethodGet, Path: queuePath(name),
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteQueue deletes a queue (§6.2). A queue that is already gone is not an error.
func (c *Client) DeleteQueue(ctx context.Context, name string) error {
	defer c.invalidateQueues()
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteQueue", Method: http.MethodDelete, Path: queuePath(name),
	}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

// ScaleQueue changes a queue's CUs from current to target with scale_out or scale_in (§6.5),
// whose cu_count is the difference. It does not wait; see WaitForQueueCUs.
func (c *Client) ScaleQueue(ctx context.Context, name string, current, target int32) error {
	if current == target {
		return nil
	}
	defer c.invalidateQueues()
	c.noteWrite(kindQueue, strings.ToLower(name))
	action, delta := "scale_out", target-current
	if delta < 0 {
		action, delta = "scale_in", -delta
	}
	var out model.RunQueueActionResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "RunQueueAction", Method: http.MethodPut,
		Path: queuePath(name) + "/action",
		Body: &model.RunQueueActionRequestBody{Action: action, CuCount: &delta},
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
