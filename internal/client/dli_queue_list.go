package client

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const queuesPageSize = 100

// ListQueues returns every queue of the project, SQL and general alike (§6.3 with
// queue_type=all; without it only SQL queues are listed). Callers in the same run share one
// listing.
func (c *Client) ListQueues(ctx context.Context) ([]model.Queue, error) {
	return c.queues.get(ctx, "", func(ctx context.Context) ([]model.Queue, error) {
		return listAll(ctx, pager[model.Queue]{
			operation: "ListQueues", path: "/v1.0/{project_id}/queues", pageSize: queuesPageSize,
			key: func(q model.Queue) string { return ptr.Deref(q.QueueName) },
			fetch: func(ctx context.Context, number, _ int) (listPage[model.Queue], error) {
				var out listQueuesResponse
				err := c.Do(ctx, Request{
					Service: ServiceDLI, Operation: "ListQueues", Method: http.MethodGet,
					Path: "/v1.0/{project_id}/queues",
					Query: url.Values{
						"queue_type":   {"all"},
						"page-size":    {strconv.Itoa(queuesPageSize)},
						"current-page": {strconv.Itoa(number)},
					},
				}, &out)
				// §6.3 reports no total.
				return listPage[model.Queue]{items: ptr.Deref(out.Queues), total: -1}, err
			},
		})
	})
}

// GetQueue finds one queue by name in the shared listing, which (unlike §6.4) also carries
// the platform, labels and network CIDRs.
func (c *Client) GetQueue(ctx context.Context, name string) (*model.Queue, error) {
	return findListed(ctx, c.ListQueues, c.invalidateQueues,
		func(q model.Queue) bool { return ptr.Deref(q.QueueName) == name },
		c.recentlyWritten(kindQueue, strings.ToLower(name)), &NotFoundError{Kind: "queue", Name: name})
}

// invalidateQueues drops the shared queue listing after a write.
func (c *Client) invalidateQueues() { c.queues.invalidate("") }

// ListQueuesTagged returns every queue carrying all the tags (§6.3's tags filter, "k=v,..."):
// a listing of its own, as the shared one holds no tags.
func (c *Client) ListQueuesTagged(ctx context.Context, tags map[string]string) ([]model.Queue, error) {
	pairs := make([]string, 0, len(tags))
	for k, v := range tags {
		pairs = append(pairs, k+"="+v)
	}
	sort.Strings(pairs)
	filter := strings.Join(pairs, ",")
	return listAll(ctx, pager[model.Queue]{
		operation: "ListQueues", path: "/v1.0/{project_id}/queues", pageSize: queuesPageSize,
		key: func(q model.Queue) string { return ptr.Deref(q.QueueName) },
		fetch: func(ctx context.Context, number, _ int) (listPage[model.Queue], error) {
			var out listQueuesResponse
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListQueues", Method: http.MethodGet,
				Path: "/v1.0/{project_id}/queues",
				Query: url.Values{
					"queue_type":   {"all"},
					"tags":         {filter},
					"page-size":    {strconv.Itoa(queuesPageSize)},
					"current-page": {strconv.Itoa(number)},
				},
			}, &out)
			return listPage[model.Queue]{items: ptr.Deref(out.Queues), total: -1}, err
		},
	})
}
