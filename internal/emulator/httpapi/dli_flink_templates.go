package httpapi

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// flinkTemplateBody is the §11.1 create / §11.2 update body.
type flinkTemplateBody struct {
	Name    *string         `json:"name"`
	Desc    *string         `json:"desc"`
	SQLBody *string         `json:"sql_body"`
	JobType *string         `json:"job_type"`
	Tags    []*queueTagBody `json:"tags"`
}

// flinkTemplateJSON is a template as §11.4 lists it.
type flinkTemplateJSON struct {
	TemplateID int64  `json:"template_id"`
	Name       string `json:"name"`
	Desc       string `json:"desc"`
	CreateTime int64  `json:"create_time"`
	UpdateTime int64  `json:"update_time"`
	SQLBody    string `json:"sql_body"`
	JobType    string `json:"job_type"`
}

// templateEnvelope is the §11 success envelope: is_success is a JSON boolean here (SDK).
type templateEnvelope struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
}

func templateOK(msg string) templateEnvelope { return templateEnvelope{IsSuccess: true, Message: msg} }

// lookupFlinkTemplate finds a template by its path id: DLI.0001 for a malformed id,
// DLI.0002 for an unknown one.
func lookupFlinkTemplate(c *call) (*store.FlinkTemplate, *apiError) {
	raw := c.path("template_id")
	id, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
	if err != nil || id <= 0 {
		return nil, badRequest("Invalid template_id %q: it must be a positive integer.", raw)
	}
	t, lerr := c.proj.FlinkTemplate(id)
	if lerr != nil {
		return nil, domainError(lerr)
	}
	return t, nil
}

// apply validates the body and copies it onto t; create says which rules apply.
func (b *flinkTemplateBody) apply(t *store.FlinkTemplate, create bool) *apiError {
	nameMax, sqlMax := store.FlinkTemplateUpdNameMax, flinkSQLMaxLen
	if create {
		nameMax, sqlMax = store.FlinkTemplateNameMax, store.FlinkTemplateSQLMax
		if b.Name == nil || *b.Name == "" {
			return badRequest("name is required.")
		}
	} else if b.JobType != nil || b.Tags != nil {
		return badRequest("job_type and tags can only be set when a template is created.")
	}
	if b.Name != nil {
		if n := len([]rune(*b.Name)); n > nameMax {
			return badRequest("Invalid name: at most %d characters, got %d.", nameMax, n)
		}
		if *b.Name != "" {
			t.Name = *b.Name
		}
	}
	if b.Desc != nil {
		if len([]rune(*b.Desc)) > store.FlinkTemplateDescMax {
			return badRequest("Invalid desc: at most %d characters.", store.FlinkTemplateDescMax)
		}
		t.Desc = *b.Desc
	}
	if b.SQLBody != nil {
		if len(*b.SQLBody) > sqlMax {
			return badRequest("Invalid sql_body: at most %d characters.", sqlMax)
		}
		t.SQL = *b.SQLBody
	}
	if b.JobType != nil {
		if *b.JobType != "flink_sql_job" && *b.JobType != "flink_opensource_sql_job" {
			return badRequest("Invalid job_type %q: must be flink_sql_job or flink_opensource_sql_job.", *b.JobType)
		}
		t.JobType = *b.JobType
	}
	for i, tag := range b.Tags {
		if tag == nil || tag.Key == nil || *tag.Key == "" || len(*tag.Key) > 128 {
			return badRequest("tags[%d].key is required (1 to 128 characters).", i)
		}
		if tag.Value == nil || *tag.Value == "" || len(*tag.Value) > 255 {
			return badRequest("tags[%d].value is required (1 to 255 characters).", i)
		}
		t.Tags = append(t.Tags, queueTag{Key: *tag.Key, Value: *tag.Value})
	}
	return nil
}

// createFlinkTemplate is §11.1: at most 100 templates per project (DLI.1028 beyond).
func (e *Server) createFlinkTemplate(c *call) result {
	var b flinkTemplateBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if len(c.proj.FlinkTemplates()) >= store.FlinkTemplateMax {
		return fail(newError(http.StatusBadRequest, "DLI.1028", "Insufficient quota: a project has at most 100 Flink job templates."))
	}
	now := c.nowMillis()
	t := &store.FlinkTemplate{JobType: "flink_sql_job", Tags: []queueTag{}, CreateTime: now, UpdateTime: now, CreatedReal: c.real}
	if err := b.apply(t, true); err != nil {
		return fail(err)
	}
	t.ID = e.data.AllocID()
	c.proj.FlinkTemplates()[t.ID] = t
	type created struct {
		TemplateID int64  `json:"template_id"`
		Name       string `json:"name"`
		Desc       string `json:"desc"`
		CreateTime int64  `json:"create_time"`
		JobType    string `json:"job_type"`
	}
	return ok(struct {
		templateEnvelope
		Template created `json:"template"`
	}{templateOK("The template is created successfully."), created{t.ID, t.Name, t.Desc, t.CreateTime, t.JobType}})
}

// updateFlinkTemplate is §11.2: omitted fields are left unchanged.
func (e *Server) updateFlinkTemplate(c *call) result {
	t, err := lookupFlinkTemplate(c)
	if err != nil {
		return fail(err)
	}
	var b flinkTemplateBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	updated := *t
	if err := b.apply(&updated, false); err != nil {
		return fail(err)
	}
	updated.UpdateTime = c.nowMillis()
	*t = updated
	return ok(templateOK("The template is updated successfully."))
}

// deleteFlinkTemplate is §11.3, allowed while jobs use the template; a repeat delete is
// DLI.0002.
func (e *Server) deleteFlinkTemplate(c *call) result {
	t, err := lookupFlinkTemplate(c)
	if err != nil {
		return fail(err)
	}
	delete(c.proj.FlinkTemplates(), t.ID)
	type deleted struct {
		TemplateID int64 `json:"template_id"`
	}
	return ok(struct {
		templateEnvelope
		Template deleted `json:"template"`
	}{templateOK("The template is deleted successfully."), deleted{t.ID}})
}

// listFlinkTemplates is §11.4: name is a substring match, tags k=v[,k=v], order by id
// (desc by default), offset/limit (default 10, at most 100).
func (e *Server) listFlinkTemplates(c *call) result {
	order := c.query("order")
	if order != "" && order != "asc" && order != "desc" {
		return fail(badRequest("Invalid order %q: must be asc or desc.", order))
	}
	limit, err := c.intParam("limit", 10, 1)
	if err != nil {
		return fail(err)
	}
	if limit > 100 {
		return fail(badRequest("Invalid limit %d: the maximum is 100.", limit))
	}
	offset, err := c.intParam("offset", 0, 0)
	if err != nil {
		return fail(err)
	}
	tagFilter, err := parseTagFilter(c.query("tags"))
	if err != nil {
		return fail(err)
	}
	name := c.query("name")
	var list []*store.FlinkTemplate
	for _, t := range c.proj.FlinkTemplates() {
		if e.visible(t.CreatedReal) && strings.Contains(t.Name, name) && (&queue{Tags: t.Tags}).HasTags(tagFilter) {
			list = append(list, t)
		}
	}
	sort.Slice(list, func(a, b int) bool {
		if order == "asc" {
			return list[a].ID < list[b].ID
		}
		return list[a].ID > list[b].ID
	})
	total := len(list)
	list = list[min(offset, total):min(offset+limit, total)]
	items := make([]flinkTemplateJSON, 0, len(list))
	for _, t := range list {
		items = append(items, flinkTemplateJSON{t.ID, t.Name, t.Desc, t.CreateTime, t.UpdateTime, t.SQL, t.JobType})
	}
	type page struct {
		TotalCount int                 `json:"total_count"`
		Templates  []flinkTemplateJSON `json:"templates"`
	}
	return ok(struct {
		templateEnvelope
		TemplateList page `json:"template_list"`
	}{templateOK("The template list is queried successfully."), page{total, items}})
}
