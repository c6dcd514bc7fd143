package client

import (
	"context"
	"net/url"
	"sort"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// ListDatabasesByTags returns the databases the §7.1.3 tags filter selects, paging through
// the list. DLI does not list a database's tags, so the filter can only be the API's, and the
// API matches it fuzzily against all of a database's tags as one "k1=v1,k2=v2" text. This
// listing is not shared: it costs its own requests.
func (c *Client) ListDatabasesByTags(ctx context.Context, tags map[string]string) ([]model.Database, error) {
	return c.listDatabasesWhere(ctx, url.Values{"tags": {TagsFilter(tags)}})
}

// TagsFilter is the "k1=v1,k2=v2" form of the DLI list APIs' tags filter, sorted by key.
func TagsFilter(tags map[string]string) string {
	pairs := make([]string, 0, len(tags))
	for k, v := range tags {
		pairs = append(pairs, k+"="+v)
	}
	sort.Strings(pairs)
	return strings.Join(pairs, ",")
}
