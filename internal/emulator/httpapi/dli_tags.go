package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tagResourceTypes are the resource_type path values of the SDK's tag models
// (dli-sdk-extras.md §11).
var tagResourceTypes = map[string]bool{
	"dli_queue": true, "dli_enhanced_datasource": true, "dli_database": true,
	"dli_package_resource": true, "dli_flink_job": true, "dli_elastic_resource_pool": true,
}

// taggedResource returns the tag list of the resource named by the path:
// dli_queue by resource_id or name, dli_enhanced_datasource by connection id,
// dli_database by name, dli_flink_job by job id, dli_elastic_resource_pool by
// resource_id or name. Packages are not emulated, so they never exist.
func (e *Server) taggedResource(c *call) (*[]queueTag, *apiError) {
	typ, id := c.path("resource_type"), c.path("resource_id")
	if !tagResourceTypes[typ] {
		return nil, badRequest("Invalid resource_type %q.", typ)
	}
	notFound := newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("The %s resource %s does not exist.", typ, id))
	switch typ {
	case "dli_queue":
		if q := c.proj.Queues[strings.ToLower(id)]; q != nil {
			return &q.Tags, nil
		}
		for _, q := range c.proj.Queues {
			if q.ResourceID == id {
				return &q.Tags, nil
			}
		}
	case "dli_database":
		if db := c.proj.Databases[strings.ToLower(id)]; db != nil {
			return &db.Tags, nil
		}
	case "dli_enhanced_datasource":
		if conn := c.proj.ConnData(c.nowMillis()).ByID[id]; conn != nil && !conn.IsDeleted() {
			return &conn.Tags, nil
		}
	case "dli_flink_job":
		if n, err := strconv.ParseInt(id, 10, 64); err == nil {
			if j := c.proj.FlinkData().Jobs[n]; j != nil && !j.Deleted {
				return &j.Tags, nil
			}
		}
		return nil, flinkJobNotFound(id)
	case "dli_elastic_resource_pool": // issue 14: by resource_id or name
		for _, pl := range c.proj.PoolData().ByName {
			if pl.ResourceID == id || pl.Name == strings.ToLower(id) {
				return &pl.Tags, nil
			}
		}
	}
	return nil, notFound
}

// showResourceTags is ShowResourceTags: {"tags": [...], "count": N}, paged by limit/offset.
func (e *Server) showResourceTags(c *call) result {
	tags, err := e.taggedResource(c)
	if err != nil {
		return fail(err)
	}
	offset, limit, err := c.pageParams(1000, 1)
	if err != nil {
		return fail(err)
	}
	return ok(showTagsResponse{Tags: pageOf(*tags, offset, limit), Count: len(*tags)})
}

// tagsBody is the {"tags": [{"key","value"}]} body of the batch tag calls.
func (c *call) tagsBody(needValue bool) ([]queueTag, *apiError) {
	var b struct {
		Tags []*queueTagBody `json:"tags"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.Tags) == 0 {
		return nil, badRequest("tags is required.")
	}
	out := make([]queueTag, 0, len(b.Tags))
	for i, t := range b.Tags {
		if t == nil || t.Key == nil || *t.Key == "" || utf8.RuneCountInString(*t.Key) > 128 {
			return nil, badRequest("tags[%d].key is required and must be 1 to 128 characters.", i)
		}
		v := ""
		if t.Value != nil {
			v = *t.Value
		}
		if needValue && (v == "" || utf8.RuneCountInString(v) > 255) {
			return nil, badRequest("tags[%d].value is required and must be 1 to 255 characters.", i)
		}
		out = append(out, queueTag{Key: *t.Key, Value: v})
	}
	return out, nil
}

// createResourceTags is BatchCreateResourceTags: an upsert per key; 204, no body (the
// SDK reads the body as a raw string).
func (e *Server) createResourceTags(c *call) result {
	tags, err := e.taggedResource(c)
	if err != nil {
		return fail(err)
	}
	in, err := c.tagsBody(true)
	if err != nil {
		return fail(err)
	}
	for _, t := range in {
		found := false
		for i := range *tags {
			if (*tags)[i].Key == t.Key {
				(*tags)[i].Value, found = t.Value, true
			}
		}
		if !found {
			*tags = append(*tags, t)
		}
	}
	return result{Status: http.StatusNoContent}
}

// deleteResourceTags is BatchDeleteResourceTags: removes the keys (values are not compared).
func (e *Server) deleteResourceTags(c *call) result {
	tags, err := e.taggedResource(c)
	if err != nil {
		return fail(err)
	}
	in, err := c.tagsBody(false)
	if err != nil {
		return fail(err)
	}
	kept := []queueTag{}
	for _, t := range *tags {
		drop := false
		for _, d := range in {
			drop = drop || d.Key == t.Key
		}
		if !drop {
			kept = append(kept, t)
		}
	}
	*tags = kept
	return result{Status: http.StatusNoContent}
}
