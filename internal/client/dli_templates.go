package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// SQL templates (/v1.0/{project_id}/sqls) and Spark templates (/v3/{project_id}/templates),
// dli-sdk-extras §5 and §6 (issue 16). Both kinds share one id space and one batch delete.

const (
	kindSQLTemplate   = "SQL template"
	kindSparkTemplate = "Spark template"
	sqlTemplatesPath  = "/v1.0/{project_id}/sqls"
	sparkTemplatePath = "/v3/{project_id}/templates"
	sparkListPageSize = 100
)

// sqlTemplateList is the §6.2 answer.
type sqlTemplateList struct {
	model.ListSqlJobTemplatesResponse
}

func (l *sqlTemplateList) validate() error {
	if err := requireFields(field{"sqls", l.Sqls != nil}); err != nil {
		return err
	}
	for _, t := range *l.Sqls {
		if err := requireFields(field{"sqls[].sql_id", ptr.Deref(t.SqlId) != ""}, field{"sqls[].sql_name", ptr.Deref(t.SqlName) != ""}); err != nil {
			return err
		}
	}
	return nil
}

// ListSQLTemplates returns every SQL template (§6.2; the list has no paging). Callers in the
// same run share one listing.
func (c *Client) ListSQLTemplates(ctx context.Context) ([]model.SqlJobTemplate, error) {
	return c.sqlTemplates.get(ctx, "", c.listSQLTemplates)
}

func (c *Client) listSQLTemplates(ctx context.Context) ([]model.SqlJobTemplate, error) {
	var out sqlTemplateList
	err := c.Do(ctx, Request{Service: ServiceDLI, Operation: "ListSqlJobTemplates", Method: http.MethodGet, Path: sqlTemplatesPath}, &out)
	if err != nil {
		return nil, err
	}
	return *out.Sqls, nil
}

func (c *Client) invalidateSQLTemplates() { c.sqlTemplates.invalidate("") }

// GetSQLTemplate finds an SQL template by id in the shared listing.
func (c *Client) GetSQLTemplate(ctx context.Context, id string) (*model.SqlJobTemplate, error) {
	return findListed(ctx, c.ListSQLTemplates, c.invalidateSQLTemplates,
		func(t model.SqlJobTemplate) bool { return ptr.Deref(t.SqlId) == id },
		c.recentlyWritten(kindSQLTemplate, id), &NotFoundError{Kind: kindSQLTemplate, Name: id})
}

// sqlTemplateCreated is the §6.1 answer.
type sqlTemplateCreated struct {
	model.CreateSqlJobTemplateResponse
}

func (r *sqlTemplateCreated) validate() error {
	return requireFields(field{"sql_id", ptr.Deref(r.SqlId) != ""})
}

// CreateSQLTemplate creates an SQL template (§6.1) and returns its id. Names are unique: if
// an attempt's outcome is unknown, the template is looked up by name before sending again,
// and one of that name, SQL, description and group is adopted when the create sent again is
// answered "already exists".
func (c *Client) CreateSQLTemplate(ctx context.Context, body *model.CreateSqlJobTemplateRequestBody) (string, error) {
	defer c.invalidateSQLTemplates()
	var found string
	lookup := func(ctx context.Context) error {
		all, err := c.listSQLTemplates(ctx)
		t, err := pick(all, err, func(t model.SqlJobTemplate) bool { return ptr.Deref(t.SqlName) == body.SqlName },
			&NotFoundError{Kind: kindSQLTemplate, Name: body.SqlName})
		if err != nil {
			return err
		}
		if ptr.Deref(t.Sql) != body.Sql || ptr.Deref(t.Description) != ptr.Deref(body.Description) || ptr.Deref(t.Group) != ptr.Deref(body.Group) {
			return &ExistsMismatchError{Kind: kindSQLTemplate, Name: body.SqlName, Detail: "a different sql, description or group"}
		}
		found = ptr.Deref(t.SqlId)
		return nil
	}
	var out sqlTemplateCreated
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateSqlJobTemplate", Method: http.MethodPost, Path: sqlTemplatesPath, Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
	if err != nil {
		return "", err
	}
	id := ptr.Deref(out.SqlId)
	if found != "" {
		id = found
	}
	c.noteWrite(kindSQLTemplate, id)
	return id, nil
}

// UpdateSQLTemplate updates an SQL template (§6.3) with the fields set in body.
func (c *Client) UpdateSQLTemplate(ctx context.Context, id string, body *model.UpdateSqlJobTemplateRequestBody) error {
	defer c.invalidateSQLTemplates()
	c.noteWrite(kindSQLTemplate, id)
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateSqlJobTemplate", Method: http.MethodPut, Path: sqlTemplatesPath + "/" + id, Body: body,
	}, &ack{})
}

// DeleteTemplates deletes SQL or Spark templates by id (§6.4, also used for Spark
// templates: the SDK has no other delete). Unknown ids are not an error.
func (c *Client) DeleteTemplates(ctx context.Context, ids ...string) error {
	defer c.invalidateSQLTemplates()
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "BatchDeleteSqlJobTemplates", Method: http.MethodPost, Path: "/v1.0/{project_id}/sqls-deletion",
		Body: &model.BatchDeleteSqlJobTemplatesRequestBody{SqlIds: ids},
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// SparkJobBody is a Spark template's content (§5.2, the SDK's SparkJobTemplateDetail): the
// arguments of a Spark batch job, in that model's mix of camelCase and snake_case.
type SparkJobBody struct {
	File           string         `json:"file"`
	ClassName      string         `json:"className"`
	Queue          *string        `json:"queue,omitempty"`
	Args           []string       `json:"args,omitempty"`
	ScType         *string        `json:"sc_type,omitempty"`
	Jars           []string       `json:"jars,omitempty"`
	PyFiles        []string       `json:"pyFiles,omitempty"`
	Files          []string       `json:"files,omitempty"`
	Modules        []string       `json:"modules,omitempty"`
	Conf           map[string]any `json:"conf,omitempty"` // values as sent: strings from this provider, any JSON from others
	Name           *string        `json:"name,omitempty"`
	DriverMemory   *string        `json:"driverMemory,omitempty"`
	DriverCores    *int32         `json:"driverCores,omitempty"`
	ExecutorMemory *string        `json:"executorMemory,omitempty"`
	ExecutorCores  *int32         `json:"executorCores,omitempty"`
	NumExecutors   *int32         `json:"numExecutors,omitempty"`
	Feature        *string        `json:"feature,omitempty"`
	SparkVersion   *string        `json:"spark_version,omitempty"`
	AutoRecovery   *bool          `json:"auto_recovery,omitempty"`
	MaxRetryTimes  *int32         `json:"max_retry_times,omitempty"`
	Image          *string        `json:"image,omitempty"`
	ObsBucket      *string        `json:"obs_bucket,omitempty"`
	CatalogName    *string        `json:"catalog_name,omitempty"`
}

// SparkTemplate is a Spark template as §5.4 returns it.
type SparkTemplate struct {
	ID          string        `json:"id"`
	Type        string        `json:"type"`
	Name        string        `json:"name"`
	Body        *SparkJobBody `json:"body"`
	Group       string        `json:"group"`
	Description string        `json:"description"`
	Language    string        `json:"language"`
	Owner       string        `json:"owner"`
}

func (t *SparkTemplate) validate() error {
	return requireFields(field{"id", t.ID != ""}, field{"name", t.Name != ""}, field{"body", t.Body != nil})
}

// sparkTemplateList is the §5.3 answer.
type sparkTemplateList struct {
	Count     *int            `json:"count"`
	Templates []SparkTemplate `json:"templates"`
}

func (l *sparkTemplateList) validate() error {
	if err := requireFields(field{"templates", l.Templates != nil}); err != nil {
		return err
	}
	for i := range l.Templates {
		if err := l.Templates[i].validate(); err != nil {
			return err
		}
	}
	return nil
}

type sparkTemplateCreated struct {
	ID string `json:"id"`
}

func (r *sparkTemplateCreated) validate() error { return requireFields(field{"id", r.ID != ""}) }

// SparkTemplateSpec is what a Spark template is written with (§5.1, §5.5).
type SparkTemplateSpec struct {
	Name, Group, Description, Language string
	Body                               SparkJobBody
}

// bodyString is the body as the SDK sends it: a JSON string holding the object.
func (s SparkTemplateSpec) bodyString() string {
	b, _ := json.Marshal(s.Body) // plain strings, numbers and maps: cannot fail
	return string(b)
}

// ShowSparkTemplate reads a Spark template (§5.4).
func (c *Client) ShowSparkTemplate(ctx context.Context, id string) (*SparkTemplate, error) {
	var out SparkTemplate
	err := c.Do(ctx, Request{Service: ServiceDLI, Operation: "ShowSparkJobTemplate", Method: http.MethodGet, Path: sparkTemplatePath + "/" + id}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// findSparkTemplates lists the Spark templates whose names contain keyword (§5.3), every page.
func (c *Client) findSparkTemplates(ctx context.Context, keyword string) ([]SparkTemplate, error) {
	return listAll(ctx, pager[SparkTemplate]{
		operation: "ListSparkJobTemplates", path: sparkTemplatePath, pageSize: sparkListPageSize,
		key: func(t SparkTemplate) string { return t.ID },
		fetch: func(ctx context.Context, number, _ int) (listPage[SparkTemplate], error) {
			var out sparkTemplateList
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListSparkJobTemplates", Method: http.MethodGet, Path: sparkTemplatePath,
				Query: url.Values{"type": {"spark"}, "keyword": {keyword}, "page-size": {strconv.Itoa(sparkListPageSize)}, "current-page": {strconv.Itoa(number)}},
			}, &out)
			return listPage[SparkTemplate]{items: out.Templates, total: totalOf(out.Count)}, err
		},
	})
}

// CreateSparkTemplate creates a Spark template (§5.1) and returns its id. If an attempt's
// outcome is unknown, a template of that name is looked up before sending again (and
// adopted on "already exists").
func (c *Client) CreateSparkTemplate(ctx context.Context, spec SparkTemplateSpec) (string, error) {
	body := &model.CreateSparkJobTemplateRequestBody{Type: "SPARK", Name: spec.Name, Body: spec.bodyString(),
		Group: templateOptional(spec.Group), Description: templateOptional(spec.Description), Language: templateOptional(spec.Language)}
	var found string
	lookup := func(ctx context.Context) error {
		all, err := c.findSparkTemplates(ctx, spec.Name)
		t, err := pick(all, err, func(t SparkTemplate) bool { return t.Name == spec.Name }, &NotFoundError{Kind: kindSparkTemplate, Name: spec.Name})
		if err != nil {
			return err
		}
		found = t.ID
		return nil
	}
	var out sparkTemplateCreated
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateSparkJobTemplate", Method: http.MethodPost, Path: sparkTemplatePath, Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
	if err != nil {
		return "", err
	}
	id := out.ID
	if found != "" {
		id = found
	}
	c.noteWrite(kindSparkTemplate, id)
	return id, nil
}

// UpdateSparkTemplate replaces a Spark template's name, body, group and description (§5.5).
func (c *Client) UpdateSparkTemplate(ctx context.Context, id string, spec SparkTemplateSpec) error {
	c.noteWrite(kindSparkTemplate, id)
	body := &model.UpdateSparkJobTemplateRequestBody{Name: spec.Name, Body: spec.bodyString(), Group: &spec.Group, Description: &spec.Description}
	return c.Do(ctx, Request{Service: ServiceDLI, Operation: "UpdateSparkJobTemplate", Method: http.MethodPut, Path: sparkTemplatePath + "/" + id, Body: body}, &ack{})
}

func templateOptional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
