package httpapi

import (
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// §11 through the SDK: create, list (name filter, paging, tags), update, delete, and the
// documented errors.
func TestSDKFlinkTemplates(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	created := must[*model.CreateFlinkSqlJobTemplateResponse](t, "CreateFlinkSqlJobTemplate")(c.CreateFlinkSqlJobTemplate(&model.CreateFlinkSqlJobTemplateRequest{
		Body: &model.CreateFlinkSqlJobTemplateRequestBody{Name: "sdk_tpl", Desc: ptr("quick start"), SqlBody: ptr("select * from source_table"),
			Tags: &[]model.Tag{{Key: "team", Value: "data"}}, JobType: ptr(model.GetCreateFlinkSqlJobTemplateRequestBodyJobTypeEnum().FLINK_OPENSOURCE_SQL_JOB)}}))
	if !*created.IsSuccess || *created.Template.TemplateId <= 0 || *created.Template.JobType != "flink_opensource_sql_job" {
		t.Fatalf("create: %+v", created)
	}
	id := *created.Template.TemplateId
	must[*model.CreateFlinkSqlJobTemplateResponse](t, "CreateFlinkSqlJobTemplate")(c.CreateFlinkSqlJobTemplate(&model.CreateFlinkSqlJobTemplateRequest{
		Body: &model.CreateFlinkSqlJobTemplateRequestBody{Name: "other"}}))
	list := func(req *model.ListFlinkSqlJobTemplatesRequest) []model.FlinkSqlJobTemplate {
		out := must[*model.ListFlinkSqlJobTemplatesResponse](t, "ListFlinkSqlJobTemplates")(c.ListFlinkSqlJobTemplates(req))
		return *out.TemplateList.Templates
	}
	if got := list(&model.ListFlinkSqlJobTemplatesRequest{Name: ptr("sdk_")}); len(got) != 1 || int64(*got[0].TemplateId) != id || *got[0].SqlBody != "select * from source_table" {
		t.Fatalf("list by name: %+v", got)
	}
	if got := list(&model.ListFlinkSqlJobTemplatesRequest{Tags: ptr("team=data")}); len(got) != 1 {
		t.Fatalf("list by tags: %+v", got)
	}
	if got := list(&model.ListFlinkSqlJobTemplatesRequest{Limit: ptr(int32(1)), Offset: ptr(int64(1)), Order: ptr("asc")}); len(got) != 1 || *got[0].Name != "other" {
		t.Fatalf("paged list: %+v", got)
	}
	must[*model.UpdateFlinkSqlJobTemplateResponse](t, "UpdateFlinkSqlJobTemplate")(c.UpdateFlinkSqlJobTemplate(&model.UpdateFlinkSqlJobTemplateRequest{
		TemplateId: id, Body: &model.UpdateFlinkSqlJobTemplateRequestBody{Desc: ptr("v2"), SqlBody: ptr(strings.Repeat("x", 4096))}}))
	if got := list(&model.ListFlinkSqlJobTemplatesRequest{Name: ptr("sdk_tpl")}); *got[0].Desc != "v2" || len(*got[0].SqlBody) != 4096 || *got[0].Name != "sdk_tpl" {
		t.Fatalf("after update: %+v", got)
	}
	_, err := c.CreateFlinkSqlJobTemplate(&model.CreateFlinkSqlJobTemplateRequest{Body: &model.CreateFlinkSqlJobTemplateRequestBody{
		Name: "too_long_sql", SqlBody: ptr(strings.Repeat("x", 2049))}})
	wantSDKError(t, err, "DLI.0001")
	deleted := must[*model.DeleteFlinkSqlJobTemplateResponse](t, "DeleteFlinkSqlJobTemplate")(c.DeleteFlinkSqlJobTemplate(&model.DeleteFlinkSqlJobTemplateRequest{TemplateId: id}))
	if *deleted.Template.TemplateId != id {
		t.Fatalf("delete: %+v", deleted)
	}
	_, err = c.DeleteFlinkSqlJobTemplate(&model.DeleteFlinkSqlJobTemplateRequest{TemplateId: id})
	wantSDKError(t, err, "DLI.0002")
	_, err = c.UpdateFlinkSqlJobTemplate(&model.UpdateFlinkSqlJobTemplateRequest{TemplateId: id, Body: &model.UpdateFlinkSqlJobTemplateRequestBody{Desc: ptr("x")}})
	wantSDKError(t, err, "DLI.0002")
}
