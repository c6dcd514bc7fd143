package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const flinkTemplatesPageSize = 100

func flinkTemplatePath(id int64) string {
	return "/v1.0/{project_id}/streaming/job-templates/" + strconv.FormatInt(id, 10)
}

// flinkTemplateListResponse is the §11.4 answer.
type flinkTemplateListResponse struct {
	model.ListFlinkSqlJobTemplatesResponse
}

func (r *flinkTemplateListResponse) validate() error {
	l := r.TemplateList
	if err := requireFields(field{"template_list.templates", l != nil && l.Templates != nil}); err != nil {
		return err
	}
	for i, t := range *l.Templates {
		if ptr.Deref(t.TemplateId) <= 0 {
			return fmt.Errorf("template_list.templates[%d] lacks template_id", i)
		}
	}
	return nil
}

// flinkTemplateCreateResponse is the §11.1 answer.
type flinkTemplateCreateResponse struct {
	model.CreateFlinkSqlJobTemplateResponse
}

func (r *flinkTemplateCreateResponse) validate() error {
	return requireFields(field{"template.template_id", r.Template != nil && ptr.Deref(r.Template.TemplateId) > 0})
}

// ListFlinkTemplates returns every Flink job template of the project (§11.4), paging
// through the list. Callers in the same run share one listing (see listCache).
func (c *Client) ListFlinkTemplates(ctx context.Context) ([]model.FlinkSqlJobTemplate, error) {
	return c.flinkTemplates.get(ctx, "", func(ctx context.Context) ([]model.FlinkSqlJobTemplate, error) {
		return c.listFlinkTemplates(ctx, "")
	})
}

// listFlinkTemplates lists the templates whose name contains name ("" for all).
func (c *Client) listFlinkTemplates(ctx context.Context, name string) ([]model.FlinkSqlJobTemplate, error) {
	const path = "/v1.0/{project_id}/streaming/job-templates"
	return listAll(ctx, pager[model.FlinkSqlJobTemplate]{
		operation: "ListFlinkSqlJobTemplates", path: path, pageSize: flinkTemplatesPageSize,
		key: func(t model.FlinkSqlJobTemplate) string { return strconv.Itoa(int(ptr.Deref(t.TemplateId))) },
		fetch: func(ctx context.Context, _, offset int) (listPage[model.FlinkSqlJobTemplate], error) {
			q := url.Values{"limit": {strconv.Itoa(flinkTemplatesPageSize)}, "offset": {strconv.Itoa(offset)}}
			if name != "" {
				q.Set("name", name)
			}
			var out flinkTemplateListResponse
			err := c.Do(ctx, Request{Service: ServiceDLI, Operation: "ListFlinkSqlJobTemplates", Method: http.MethodGet, Path: path, Query: q}, &out)
			if err != nil {
				return listPage[model.FlinkSqlJobTemplate]{total: -1}, err
			}
			return listPage[model.FlinkSqlJobTemplate]{items: *out.TemplateList.Templates, total: totalOf(out.TemplateList.TotalCount)}, nil
		},
	})
}

// GetFlinkTemplate finds one template by id in the (cached) list; there is no GET by id.
func (c *Client) GetFlinkTemplate(ctx context.Context, id int64) (*model.FlinkSqlJobTemplate, error) {
	key := strconv.FormatInt(id, 10)
	return findListed(ctx, c.ListFlinkTemplates, c.invalidateFlinkTemplates,
		func(t model.FlinkSqlJobTemplate) bool { return int64(ptr.Deref(t.TemplateId)) == id },
		c.recentlyWritten(kindFlinkTemplate, key), &NotFoundError{Kind: "Flink job template", Name: key})
}

// CreateFlinkTemplate creates a template (§11.1) and returns its id. Template names are not
// unique, so the ids with that name are listed first: an attempt whose outcome is unknown is
// followed by a lookup by name (within the consistency window) for a template that did not
// exist before, so a template is never created twice.
func (c *Client) CreateFlinkTemplate(ctx context.Context, body *model.CreateFlinkSqlJobTemplateRequestBody) (int64, error) {
	defer c.invalidateFlinkTemplates()
	idsNamed := func(ctx context.Context) (map[int64]bool, error) {
		list, err := c.listFlinkTemplates(ctx, body.Name)
		ids := map[int64]bool{}
		for _, t := range list {
			if ptr.Deref(t.Name) == body.Name {
				ids[int64(ptr.Deref(t.TemplateId))] = true
			}
		}
		return ids, err
	}
	before, err := idsNamed(ctx)
	if err != nil {
		return 0, err
	}
	var found int64
	lookup := func(ctx context.Context) error {
		ids, err := idsNamed(ctx)
		if err != nil {
			return err
		}
		for id := range ids {
			if !before[id] {
				found = id
				return nil
			}
		}
		return &NotFoundError{Kind: "new Flink job template", Name: body.Name}
	}
	var out flinkTemplateCreateResponse
	err = c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateFlinkSqlJobTemplate", Method: http.MethodPost,
		Path: "/v1.0/{project_id}/streaming/job-templates", Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
	if err != nil {
		return 0, err
	}
	id := found // set when an earlier attempt's template was found or adopted
	if id == 0 {
		id = *out.Template.TemplateId
	}
	c.noteWrite(kindFlinkTemplate, strconv.FormatInt(id, 10))
	return id, nil
}

// UpdateFlinkTemplate changes a template's name, description or SQL (§11.2); body carries
// the fields to change.
func (c *Client) UpdateFlinkTemplate(ctx context.Context, id int64, body *model.UpdateFlinkSqlJobTemplateRequestBody) error {
	defer c.invalidateFlinkTemplates()
	c.noteWrite(kindFlinkTemplate, strconv.FormatInt(id, 10))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateFlinkSqlJobTemplate", Method: http.MethodPut, Path: flinkTemplatePath(id), Body: body,
	}, &ack{})
}

// DeleteFlinkTemplate deletes a template (§11.3), also while jobs use it. A template that is
// already gone is not an error.
func (c *Client) DeleteFlinkTemplate(ctx context.Context, id int64) error {
	defer c.invalidateFlinkTemplates()
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteFlinkSqlJobTemplate", Method: http.MethodDelete, Path: flinkTemplatePath(id),
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// invalidateFlinkTemplates drops the shared template listing after a write.
func (c *Client) invalidateFlinkTemplates() { c.flinkTemplates.invalidate("") }
