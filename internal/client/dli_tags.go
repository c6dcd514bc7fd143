package client

import (
	"context"
	"net/http"
	"net/url"
	"sort"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// The tag APIs (dli-sdk-extras.md §11) of the resource types that have them, e.g.
// dli_elastic_resource_pool by resource_id.

func tagsPath(resourceType, resourceID string) string {
	return "/v3/{project_id}/" + resourceType + "/" + resourceID + "/tags"
}

// ShowResourceTags returns a resource's tags as a map.
func (c *Client) ShowResourceTags(ctx context.Context, resourceType, resourceID string) (map[string]string, error) {
	var out showTagsResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowResourceTags", Method: http.MethodGet,
		Path: tagsPath(resourceType, resourceID), Query: url.Values{"limit": {"1000"}},
	}, &out)
	if err != nil {
		return nil, err
	}
	tags := map[string]string{}
	for _, t := range ptr.Deref(out.Tags) {
		tags[t.Key] = t.Value
	}
	return tags, nil
}

// UpdateResourceTags makes a resource's tags want, given had: removed keys are deleted,
// new and changed pairs created (an upsert per key). The answers have no body to read.
func (c *Client) UpdateResourceTags(ctx context.Context, resourceType, resourceID string, had, want map[string]string) error {
	var removed, set []model.Tag
	for k, v := range had {
		if _, kept := want[k]; !kept {
			removed = append(removed, model.Tag{Key: k, Value: v})
		}
	}
	for k, v := range want {
		if had[k] != v {
			set = append(set, model.Tag{Key: k, Value: v})
		}
	}
	byKey := func(tags []model.Tag) { sort.Slice(tags, func(i, j int) bool { return tags[i].Key < tags[j].Key }) }
	if len(removed) > 0 {
		byKey(removed)
		if err := c.Do(ctx, Request{
			Service: ServiceDLI, Operation: "BatchDeleteResourceTags", Method: http.MethodPost,
			Path: tagsPath(resourceType, resourceID) + "/delete", Body: map[string]any{"tags": removed},
		}, nil); err != nil {
			return err
		}
	}
	if len(set) == 0 {
		return nil
	}
	byKey(set)
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "BatchCreateResourceTags", Method: http.MethodPost,
		Path: tagsPath(resourceType, resourceID) + "/create", Body: map[string]any{"tags": set},
	}, nil)
}

type showTagsResponse struct{ model.ShowResourceTagsResponse }

func (r *showTagsResponse) validate() error { return requireFields(field{"tags", r.Tags != nil}) }
