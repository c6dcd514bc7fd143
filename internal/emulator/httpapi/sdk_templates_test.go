package httpapi

import (
	"errors"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// dli-sdk-extras §6 through the SDK: create, list by keyword, partial update, a duplicate
// name, and the batch delete that also deletes Spark templates.
func TestSDKSQLJobTemplates(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	created := must[*model.CreateSqlJobTemplateResponse](t, "CreateSqlJobTemplate")(c.CreateSqlJobTemplate(&model.CreateSqlJobTemplateRequest{
		Body: &model.CreateSqlJobTemplateRequestBody{Sql: "select 1", SqlName: "daily_count", Description: ptr("counts"), Group: ptr("etl")}}))
	if !*created.IsSuccess || *created.SqlId == "" || *created.Group != "etl" {
		t.Fatalf("create: %+v", created)
	}
	_, err := c.CreateSqlJobTemplate(&model.CreateSqlJobTemplateRequest{Body: &model.CreateSqlJobTemplateRequestBody{Sql: "select 2", SqlName: "daily_count"}})
	wantSDKError(t, err, "DLI.0006")
	must[*model.UpdateSqlJobTemplateResponse](t, "UpdateSqlJobTemplate")(c.UpdateSqlJobTemplate(&model.UpdateSqlJobTemplateRequest{
		SqlId: *created.SqlId, Body: &model.UpdateSqlJobTemplateRequestBody{Sql: ptr("select 2")}}))
	list := must[*model.ListSqlJobTemplatesResponse](t, "ListSqlJobTemplates")(c.ListSqlJobTemplates(&model.ListSqlJobTemplatesRequest{Keyword: ptr("DAILY")}))
	if *list.SqlCount != 1 {
		t.Fatalf("list: %+v", list)
	}
	got := (*list.Sqls)[0]
	if *got.SqlId != *created.SqlId || *got.Sql != "select 2" || *got.SqlName != "daily_count" || *got.Description != "counts" || *got.Group != "etl" || *got.Owner == "" {
		t.Fatalf("listed template after a partial update: %+v", got)
	}
	_, err = c.UpdateSqlJobTemplate(&model.UpdateSqlJobTemplateRequest{SqlId: "nope", Body: &model.UpdateSqlJobTemplateRequestBody{Sql: ptr("select 3")}})
	wantSDKError(t, err, "DLI.0002")
	must[*model.BatchDeleteSqlJobTemplatesResponse](t, "BatchDeleteSqlJobTemplates")(c.BatchDeleteSqlJobTemplates(&model.BatchDeleteSqlJobTemplatesRequest{
		Body: &model.BatchDeleteSqlJobTemplatesRequestBody{SqlIds: []string{*created.SqlId, "unknown"}}}))
	list = must[*model.ListSqlJobTemplatesResponse](t, "ListSqlJobTemplates")(c.ListSqlJobTemplates(&model.ListSqlJobTemplatesRequest{}))
	if *list.SqlCount != 0 {
		t.Fatalf("list after delete: %+v", list)
	}
}

// dli-sdk-extras §5 through the SDK: the body is sent as a JSON string and read back as an
// object; update replaces it; unknown ids are 404; the SQL batch delete removes it.
func TestSDKSparkJobTemplates(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	created := must[*model.CreateSparkJobTemplateResponse](t, "CreateSparkJobTemplate")(c.CreateSparkJobTemplate(&model.CreateSparkJobTemplateRequest{
		Body: &model.CreateSparkJobTemplateRequestBody{Type: "SPARK", Name: "pi", Group: ptr("etl"),
			Body: `{"file":"obs://b/pi.jar","className":"org.example.Pi","args":["10"],"sc_type":"A","conf":{"spark.x":"1"}}`}}))
	id := *created.Id
	show := func() *model.ShowSparkJobTemplateResponse {
		return must[*model.ShowSparkJobTemplateResponse](t, "ShowSparkJobTemplate")(c.ShowSparkJobTemplate(&model.ShowSparkJobTemplateRequest{TemplateId: id}))
	}
	got := show()
	if *got.Name != "pi" || *got.Type != "SPARK" || got.Body.File != "obs://b/pi.jar" || got.Body.ClassName != "org.example.Pi" || (*got.Body.Args)[0] != "10" || *got.Group != "etl" {
		t.Fatalf("show: %+v %+v", got, got.Body)
	}
	must[*model.UpdateSparkJobTemplateResponse](t, "UpdateSparkJobTemplate")(c.UpdateSparkJobTemplate(&model.UpdateSparkJobTemplateRequest{TemplateId: id,
		Body: &model.UpdateSparkJobTemplateRequestBody{Name: "pi2", Body: `{"file":"obs://b/pi2.jar"}`, Description: ptr("v2")}}))
	got = show()
	if *got.Name != "pi2" || got.Body.File != "obs://b/pi2.jar" || got.Body.ClassName != "" || got.Body.Args != nil || *got.Description != "v2" {
		t.Fatalf("show after update: %+v %+v", got, got.Body)
	}
	typ := "spark"
	list := must[*model.ListSparkJobTemplatesResponse](t, "ListSparkJobTemplates")(c.ListSparkJobTemplates(&model.ListSparkJobTemplatesRequest{Type: &typ, Keyword: ptr("pi")}))
	if *list.Count != 1 || *(*list.Templates)[0].Id != id {
		t.Fatalf("list: %+v", list)
	}
	_, err := c.ListSparkJobTemplates(&model.ListSparkJobTemplatesRequest{})
	wantSDKError(t, err, "DLI.0001")
	_, err = c.CreateSparkJobTemplate(&model.CreateSparkJobTemplateRequest{Body: &model.CreateSparkJobTemplateRequestBody{Type: "SPARK", Name: "bad", Body: `[1]`}})
	wantSDKError(t, err, "DLI.0001")
	must[*model.BatchDeleteSqlJobTemplatesResponse](t, "BatchDeleteSqlJobTemplates")(c.BatchDeleteSqlJobTemplates(&model.BatchDeleteSqlJobTemplatesRequest{
		Body: &model.BatchDeleteSqlJobTemplatesRequestBody{SqlIds: []string{id}}}))
	_, err = c.ShowSparkJobTemplate(&model.ShowSparkJobTemplateRequest{TemplateId: id})
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) || se.StatusCode != 404 || se.ErrorCode != "DLI.0002" {
		t.Fatalf("show of a deleted template: want 404 DLI.0002, got %v", err)
	}
}
