package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// SQL templates (/v1.0/{project_id}/sqls) and Spark templates (/v3/{project_id}/templates),
// dli-sdk-extras §5 and §6. The two kinds share one id space and one batch delete.

type storedTemplate = store.JobTemplate

// sqlTemplateItem is an SDK SqlJobTemplate.
type sqlTemplateItem struct {
	SQLID       string `json:"sql_id"`
	SQLName     string `json:"sql_name"`
	SQL         string `json:"sql"`
	Description string `json:"description"`
	Group       string `json:"group"`
	Owner       string `json:"owner"`
}

// sparkTemplateItem is an SDK SparkJobTemplate (also ShowSparkJobTemplate's answer).
type sparkTemplateItem struct {
	Type        string          `json:"type"`
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Body        json.RawMessage `json:"body"`
	Group       string          `json:"group"`
	Description string          `json:"description"`
	Language    string          `json:"language"`
	Owner       string          `json:"owner"`
}

type sqlTemplateBody struct {
	SQL         *string `json:"sql"`
	SQLName     *string `json:"sql_name"`
	Description *string `json:"description"`
	Group       *string `json:"group"`
}

// maxTemplateName bounds template names (unstated by the docs; the console allows 64).
const maxTemplateName = 64

func templateName(field string, name *string) *apiError {
	switch {
	case name == nil || strings.TrimSpace(*name) == "":
		return badRequest("%s is required.", field)
	case len([]rune(*name)) > maxTemplateName:
		return badRequest("Invalid %s: at most %d characters.", field, maxTemplateName)
	}
	return nil
}

func (e *Server) createSQLTemplate(c *call) result {
	var b sqlTemplateBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if err := templateName("sql_name", b.SQLName); err != nil {
		return fail(err)
	}
	if b.SQL == nil || strings.TrimSpace(*b.SQL) == "" {
		return fail(badRequest("sql is required."))
	}
	now := c.nowMillis()
	t := &storedTemplate{
		ID: store.NewUUID(), Seq: e.data.AllocID(), Type: store.TemplateSQL, Name: *b.SQLName, SQL: *b.SQL,
		Description: optionalText(b.Description), Group: optionalText(b.Group), Owner: c.user.UserName, CreateTime: now, UpdateTime: now,
		CreatedReal: c.real,
	}
	if err := c.proj.AddTemplate(t); err != nil {
		return failDomain(err)
	}
	return ok(map[string]any{"is_success": true, "message": "", "sql_id": t.ID, "group": t.Group})
}

func (e *Server) listSQLTemplates(c *call) result {
	keyword := strings.ToLower(c.query("keyword"))
	items := []sqlTemplateItem{}
	for _, t := range c.proj.TemplatesOf(store.TemplateSQL) {
		if !e.visible(t.CreatedReal) || keyword != "" && !strings.Contains(strings.ToLower(t.Name), keyword) {
			continue
		}
		items = append(items, sqlTemplateItem{SQLID: t.ID, SQLName: t.Name, SQL: t.SQL, Description: t.Description, Group: t.Group, Owner: t.Owner})
	}
	return ok(map[string]any{"is_success": true, "message": "", "sql_count": len(items), "sqls": items})
}

// updateSQLTemplate is a partial update: the fields sent replace the stored ones.
func (e *Server) updateSQLTemplate(c *call) result {
	var b sqlTemplateBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	t, err := c.proj.Template(c.path("sql_id"), store.TemplateSQL)
	if err != nil {
		return failDomain(err)
	}
	if b.SQLName != nil {
		if aerr := templateName("sql_name", b.SQLName); aerr != nil {
			return fail(aerr)
		}
		if err := c.proj.RenameTemplate(t, *b.SQLName); err != nil {
			return failDomain(err)
		}
	}
	if b.SQL != nil {
		if strings.TrimSpace(*b.SQL) == "" {
			return fail(badRequest("sql must not be empty."))
		}
		t.SQL = *b.SQL
	}
	if b.Description != nil {
		t.Description = *b.Description
	}
	if b.Group != nil {
		t.Group = *b.Group
	}
	t.UpdateTime = c.nowMillis()
	return ok(success(""))
}

// batchDeleteTemplates deletes SQL and Spark templates; unknown ids are ignored.
func (e *Server) batchDeleteTemplates(c *call) result {
	var b struct {
		SQLIDs []string `json:"sql_ids"`
	}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if len(b.SQLIDs) == 0 {
		return fail(badRequest("sql_ids is required."))
	}
	c.proj.DeleteTemplates(b.SQLIDs)
	return ok(success(""))
}

type sparkTemplateBody struct {
	Type        *string         `json:"type"`
	Name        *string         `json:"name"`
	Body        json.RawMessage `json:"body"`
	Group       *string         `json:"group"`
	Description *string         `json:"description"`
	Language    *string         `json:"language"`
}

// sparkBody reads a template body sent as a JSON object or as a string holding one (the
// SDK types it as a string, the incumbent sends an object) and returns the object, with
// file and className always present (the SDK reads them as plain strings).
func sparkBody(raw json.RawMessage) (json.RawMessage, *apiError) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, badRequest("Invalid body: %v", err)
		}
		raw = []byte(s)
	}
	var obj map[string]any
	if len(raw) == 0 || json.Unmarshal(raw, &obj) != nil || obj == nil {
		return nil, badRequest("Invalid body: the template content must be a JSON object (a Spark job body).")
	}
	for _, k := range []string{"file", "className"} {
		v, has := obj[k]
		if _, isString := v.(string); has && !isString {
			return nil, badRequest("Invalid body.%s: must be a string.", k)
		}
		if !has {
			obj[k] = ""
		}
	}
	out, _ := json.Marshal(obj)
	return out, nil
}

func (e *Server) createSparkTemplate(c *call) result {
	var b sparkTemplateBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Type == nil || !strings.EqualFold(*b.Type, store.TemplateSpark) {
		return fail(badRequest("Invalid type: this API creates SPARK templates (SQL templates are created with POST /v1.0/{project_id}/sqls)."))
	}
	if err := templateName("name", b.Name); err != nil {
		return fail(err)
	}
	body, aerr := sparkBody(b.Body)
	if aerr != nil {
		return fail(aerr)
	}
	now := c.nowMillis()
	t := &storedTemplate{
		ID: store.NewUUID(), Seq: e.data.AllocID(), Type: store.TemplateSpark, Name: *b.Name, Body: body,
		Description: optionalText(b.Description), Group: optionalText(b.Group), Language: optionalText(b.Language), Owner: c.user.UserName,
		CreateTime: now, UpdateTime: now, CreatedReal: c.real,
	}
	if err := c.proj.AddTemplate(t); err != nil {
		return failDomain(err)
	}
	return ok(map[string]any{"id": t.ID})
}

func sparkItem(t *storedTemplate) sparkTemplateItem {
	return sparkTemplateItem{Type: t.Type, ID: t.ID, Name: t.Name, Body: t.Body, Group: t.Group, Description: t.Description, Language: t.Language, Owner: t.Owner}
}

// lookupSparkTemplate finds a visible Spark template; an unknown one is 404 DLI.0002
// (dli-sdk-extras §5.4: the incumbent treats only 404 as gone).
func (e *Server) lookupSparkTemplate(c *call) (*storedTemplate, *apiError) {
	id := c.path("template_id")
	t, err := c.proj.Template(id, store.TemplateSpark)
	if err != nil || !e.visible(t.CreatedReal) {
		return nil, newError(http.StatusNotFound, "DLI.0002", fmt.Sprintf("The template %s does not exist.", id))
	}
	return t, nil
}

func (e *Server) showSparkTemplate(c *call) result {
	t, err := e.lookupSparkTemplate(c)
	if err != nil {
		return fail(err)
	}
	return ok(sparkItem(t))
}

func (e *Server) listSparkTemplates(c *call) result {
	if !strings.EqualFold(c.query("type"), "spark") {
		return fail(badRequest("Invalid type %q: the type parameter is required and must be spark.", c.query("type")))
	}
	pageSize, err := c.intParam("page-size", 50, 1)
	if err != nil {
		return fail(err)
	}
	if pageSize > 1000 {
		return fail(badRequest("Invalid value for page-size: must be 1 to 1000."))
	}
	page, err := c.intParam("current-page", 1, 1)
	if err != nil {
		return fail(err)
	}
	keyword := strings.ToLower(c.query("keyword"))
	var all []sparkTemplateItem
	for _, t := range c.proj.TemplatesOf(store.TemplateSpark) {
		if e.visible(t.CreatedReal) && (keyword == "" || strings.Contains(strings.ToLower(t.Name), keyword)) {
			all = append(all, sparkItem(t))
		}
	}
	first := min((page-1)*pageSize, len(all))
	items := append([]sparkTemplateItem{}, all[first:min(first+pageSize, len(all))]...)
	return ok(map[string]any{"is_success": true, "message": "", "count": len(all), "templates": items})
}

// updateSparkTemplate replaces name and body (both required), and group and description
// when sent; a type sent by the incumbent is ignored.
func (e *Server) updateSparkTemplate(c *call) result {
	var b sparkTemplateBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	t, aerr := e.lookupSparkTemplate(c)
	if aerr != nil {
		return fail(aerr)
	}
	if err := templateName("name", b.Name); err != nil {
		return fail(err)
	}
	body, aerr := sparkBody(b.Body)
	if aerr != nil {
		return fail(aerr)
	}
	if err := c.proj.RenameTemplate(t, *b.Name); err != nil {
		return failDomain(err)
	}
	t.Body = body
	if b.Group != nil {
		t.Group = *b.Group
	}
	if b.Description != nil {
		t.Description = *b.Description
	}
	t.UpdateTime = c.nowMillis()
	return ok(success(""))
}

func optionalText(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
