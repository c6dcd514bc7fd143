package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

const (
	queuesCacheKey = "dli/queues"
	queuesPageSize = 100
)

// ListQueues returns every queue of the project, SQL and general alike (§6.3 with
// queue_type=all; without it only SQL queues are listed). Callers in the same run share one
// listing.
func (c *Client) ListQueues(ctx context.Context) ([]model.Queue, error) {
	v, err := c.cache.get(ctx, queuesCacheKey, func(ctx context.Context) (any, error) {
		var all []model.Queue
		for page := 1; ; page++ {
			var out model.ListQueuesResponse
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListQueues", Method: http.MethodGet,
				Path: "/v1.0/{project_id}/queues",
				Query: url.Values{
					"queue_type":   {"all"},
					"page-size":    {strconv.Itoa(queuesPageSize)},
					"current-page": {strconv.Itoa(page)},
				},
			}, &out)
			if err != nil {
				return nil, err
			}
			items := deref(out.Queues)
			all = append(all, items...)
			if len(items) < queuesPageSize {
				return all, nil
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return v.([]model.Queue), nil
}

// GetQueue finds one queue by name in the shared listing, which (unlike §6.4) also carries
// the platform, labels and network CIDRs.
func (c *Client) GetQueue(ctx context.Context, name string) (*model.Queue, error) {
	queues, err := c.ListQueues(ctx)
	if err != nil {
		return nil, err
	}
	for i := range queues {
		if deref(queues[i].QueueName) == name {
			return &queues[i], nil
		}
	}
	return nil, &NotFoundError{Kind: "queue", Name: name}
}

// invalidateQueues drops the shared queue listing after a write.
func (c *Client) invalidateQueues() { c.cache.invalidate(queuesCacheKey) }
