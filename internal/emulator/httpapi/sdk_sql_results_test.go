package httpapi

import (
	"fmt"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// §7.3.6 and §7.3.11 through the SDK: a query's progress on the emulated clock, then its
// deterministic result set; a syntax error at check-sql; a query of a missing table fails.
func TestSDKSQLJobResults(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateDatabaseResponse](t, "CreateDatabase")(c.CreateDatabase(&model.CreateDatabaseRequest{Body: &model.CreateDatabaseRequestBody{DatabaseName: "res_db"}})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	must[*model.CreateTableResponse](t, "CreateTable")(c.CreateTable(&model.CreateTableRequest{DatabaseName: "res_db", Body: &model.CreateTableRequestBody{                  //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		TableName: "t", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}, {ColumnName: "name", Type: "string"}}}}))

	sub := must[*model.CreateSqlJobResponse](t, "CreateSqlJob")(c.CreateSqlJob(&model.CreateSqlJobRequest{Body: &model.CreateSqlJobRequestBody{
		Sql: "select id, name as n, 7 from t limit 2", Currentdb: ptr("res_db")}}))
	progress := func() *model.ShowSqlJobProgressResponse {
		return must[*model.ShowSqlJobProgressResponse](t, "ShowSqlJobProgress")(c.ShowSqlJobProgress(&model.ShowSqlJobProgressRequest{JobId: *sub.JobId}))
	}
	if p := progress(); *p.Status != "LAUNCHING" || *p.Progress != 0 || p.SubJobs != nil {
		t.Fatalf("progress while launching: %+v", p)
	}
	_, err := c.PreviewSqlJobResult(&model.PreviewSqlJobResultRequest{JobId: *sub.JobId})
	wantSDKError(t, err, "DLI.0007")
	s.emu.Advance(sqlJobLaunchTime + sqlJobQueryRunTime/2)
	if p := progress(); *p.Status != "RUNNING" || *p.Progress <= 0 || *p.Progress >= 1 || len(*p.SubJobs) != 1 || *(*p.SubJobs)[0].JobGroup != *sub.JobId {
		t.Fatalf("progress while running: %+v", p)
	}
	s.emu.Advance(sqlJobQueryRunTime)
	if p := progress(); *p.Status != "FINISHED" || *p.Progress != 1 {
		t.Fatalf("progress when finished: %+v", p)
	}
	prev := must[*model.PreviewSqlJobResultResponse](t, "PreviewSqlJobResult")(c.PreviewSqlJobResult(&model.PreviewSqlJobResultRequest{JobId: *sub.JobId}))
	schema, rows := *prev.Schema, *prev.Rows
	if *prev.RowCount != 2 || len(schema) != 3 || schema[0]["id"] != "int" || schema[1]["n"] != "string" || schema[2]["7"] != "int" ||
		len(rows) != 2 || fmt.Sprint(rows[1]) != "[2 name_2 7]" {
		t.Fatalf("preview: %+v %+v", schema, rows)
	}
	st := must[*model.ShowSqlJobStatusResponse](t, "ShowSqlJobStatus")(c.ShowSqlJobStatus(&model.ShowSqlJobStatusRequest{JobId: *sub.JobId}))
	if *st.ResultCount != 2 || *st.Detail == "[]" {
		t.Fatalf("status of the finished query: %+v", st)
	}

	_, err = c.CheckSql(&model.CheckSqlRequest{Body: &model.CheckSqlRequestBody{Sql: "select 1 frm x"}})
	wantSDKError(t, err, "DLI.0004")

	missing := must[*model.CreateSqlJobResponse](t, "CreateSqlJob")(c.CreateSqlJob(&model.CreateSqlJobRequest{Body: &model.CreateSqlJobRequestBody{
		Sql: "select * from res_db.nope"}}))
	s.emu.Advance(sqlJobLaunchTime + sqlJobQueryRunTime)
	st = must[*model.ShowSqlJobStatusResponse](t, "ShowSqlJobStatus")(c.ShowSqlJobStatus(&model.ShowSqlJobStatusRequest{JobId: *missing.JobId}))
	if st.Status.Value() != "FAILED" || *st.Message == "" {
		t.Fatalf("query of a missing table: %+v", st)
	}
}
