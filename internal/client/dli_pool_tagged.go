package client

import (
	"context"
	"net/url"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// ListElasticResourcePoolsTagged returns the pools carrying all the tags (§1.2's tags
// filter, "k=v,..."): a listing of its own, as the shared one holds no tags.
func (c *Client) ListElasticResourcePoolsTagged(ctx context.Context, tags map[string]string) ([]model.ElasticResourcePool, error) {
	return c.listPools(ctx, url.Values{"tags": {TagsFilter(tags)}})
}
