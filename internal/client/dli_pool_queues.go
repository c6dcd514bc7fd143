package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// The queues of an elastic resource pool and their scaling policies (dli-sdk-extras.md
// §1.5-§1.7).

func poolQueuesPath(pool string) string { return poolPath(pool) + "/queues" }

// ListElasticResourcePoolQueues returns every queue of a pool with its scaling policies
// (§1.6). Callers in the same run share one listing per pool.
func (c *Client) ListElasticResourcePoolQueues(ctx context.Context, pool string) ([]model.ElasticResourcePoolQueue, error) {
	pool = strings.ToLower(pool)
	return c.poolQueues.get(ctx, pool, func(ctx context.Context) ([]model.ElasticResourcePoolQueue, error) {
		return listAll(ctx, pager[model.ElasticResourcePoolQueue]{
			operation: "ListElasticResourcePoolQueues", path: poolQueuesPath(pool), pageSize: poolsPageSize,
			key: func(q model.ElasticResourcePoolQueue) string { return ptr.Deref(q.QueueName) },
			fetch: func(ctx context.Context, _, offset int) (listPage[model.ElasticResourcePoolQueue], error) {
				var out listPoolQueuesResponse
				err := c.Do(ctx, Request{
					Service: ServiceDLI, Operation: "ListElasticResourcePoolQueues", Method: http.MethodGet,
					Path:  poolQueuesPath(pool),
					Query: url.Values{"limit": {strconv.Itoa(poolsPageSize)}, "offset": {strconv.Itoa(offset)}},
				}, &out)
				return listPage[model.ElasticResourcePoolQueue]{items: ptr.Deref(out.Queues), total: totalOf(out.Count)}, err
			},
		})
	})
}

// GetElasticResourcePoolQueue finds a queue in its pool's shared listing.
func (c *Client) GetElasticResourcePoolQueue(ctx context.Context, pool, queue string) (*model.ElasticResourcePoolQueue, error) {
	return findListed(ctx, func(ctx context.Context) ([]model.ElasticResourcePoolQueue, error) {
		return c.ListElasticResourcePoolQueues(ctx, pool)
	}, func() { c.invalidatePoolQueues(pool) },
		func(q model.ElasticResourcePoolQueue) bool { return ptr.Deref(q.QueueName) == queue },
		c.recentlyWritten(kindQueue, strings.ToLower(queue)), &NotFoundError{Kind: "queue in elastic resource pool " + pool, Name: queue})
}

// AssociateQueueToElasticResourcePool puts an existing queue into a pool (§1.5); there is
// no way back. Sent again after an unknown outcome it is harmless: the same pool is a no-op.
func (c *Client) AssociateQueueToElasticResourcePool(ctx context.Context, pool, queue string) error {
	defer c.invalidatePoolQueues(pool)
	defer c.invalidatePools()
	defer c.invalidateQueues()
	c.noteWrite(kindQueue, strings.ToLower(queue))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "AssociateQueueToElasticResourcePool", Method: http.MethodPost,
		Path: poolQueuesPath(pool), Body: &model.AssociateQueueToElasticResourcePoolRequestBody{QueueName: queue},
	}, &ack{})
}

// UpdateElasticResourcePoolQueue replaces a pooled queue's scaling policies (§1.7).
func (c *Client) UpdateElasticResourcePoolQueue(ctx context.Context, pool, queue string, policies []model.QueueScalingPolicy) error {
	defer c.invalidatePoolQueues(pool)
	c.noteWrite(kindQueue, strings.ToLower(queue))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateElasticResourcePoolQueue", Method: http.MethodPut,
		Path: poolQueuesPath(pool) + "/" + queue,
		Body: &model.UpdateElasticResourcePoolQueueRequestBody{QueueScalingPolicies: policies},
	}, &ack{})
}

func (c *Client) invalidatePoolQueues(pool string) { c.poolQueues.invalidate(strings.ToLower(pool)) }
