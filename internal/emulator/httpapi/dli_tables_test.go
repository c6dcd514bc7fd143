package httpapi

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

func TestDatabases(t *testing.T) {
	env := newEnv(t, Options{})
	for _, bad := range []map[string]any{
		{}, {"database_name": "default"}, {"database_name": "DEFAULT"}, {"database_name": "_x"}, {"database_name": "123"},
		{"database_name": "a-b"}, {"database_name": strings.Repeat("d", 129)}, {"database_name": "ok", "tags": []map[string]string{{"key": "k"}}},
	} {
		env.wantError("POST", testPrefix+"/databases", nil, bad, 400, "DLI.0001")
	}
	for i := 0; i < 5; i++ {
		env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": fmt.Sprintf("Sales_%d", i), "description": "d", "tags": []map[string]string{{"key": "team", "value": "t"}}}, nil)
	}
	env.wantError("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "sales_0"}, 400, "DLI.0006")

	var list model.ListDatabasesResponse
	env.must("GET", testPrefix+"/databases", map[string]string{"offset": "1", "limit": "2", "keyword": "SALES"}, nil, &list)
	if *list.DatabaseCount != 5 || len(*list.Databases) != 2 || *(*list.Databases)[0].DatabaseName != "sales_1" {
		t.Fatalf("paged list: %+v", list)
	}
	env.must("GET", testPrefix+"/databases", nil, nil, &list)
	if *list.DatabaseCount != 6 || *(*list.Databases)[0].DatabaseName != "default" {
		t.Fatalf("full list should hold default and 5 databases: %d", *list.DatabaseCount)
	}
	env.must("GET", testPrefix+"/databases", map[string]string{"tags": "team=t"}, nil, &list)
	if *list.DatabaseCount != 5 {
		t.Fatalf("tag filter: %d", *list.DatabaseCount)
	}
	env.must("PUT", testPrefix+"/databases/sales_0/owner", nil, map[string]any{"new_owner": "analyst"}, nil)
	env.must("GET", testPrefix+"/databases", map[string]string{"keyword": "sales_0"}, nil, &list)
	if got := *(*list.Databases)[0].Owner; got != "analyst" {
		t.Errorf("owner = %q", got)
	}
	env.wantError("PUT", testPrefix+"/databases/nope/owner", nil, map[string]any{"new_owner": "analyst"}, 400, "DLI.0002")
	env.wantError("PUT", testPrefix+"/databases/sales_0/owner", nil, map[string]any{"new_owner": ""}, 400, "DLI.0001")

	// A database with a table is refused without cascade; cascade deletes it.
	env.must("POST", testPrefix+"/databases/sales_0/tables", nil, catalogTableBody("t1"), nil)
	e := env.wantError("DELETE", testPrefix+"/databases/sales_0", nil, nil, 400, "DLI.0007")
	if !strings.Contains(e.Msg, "cascade") {
		t.Errorf("refusal does not mention cascade: %s", e.Msg)
	}
	env.wantError("DELETE", testPrefix+"/databases/default", nil, nil, 400, "DLI.0007")
	env.wantError("DELETE", testPrefix+"/databases/sales_0", map[string]string{"cascade": "yes"}, nil, 400, "DLI.0001")
	env.must("DELETE", testPrefix+"/databases/sales_0", map[string]string{"cascade": "true"}, nil, nil)
	env.wantError("DELETE", testPrefix+"/databases/sales_0", nil, nil, 400, "DLI.0002")

	// Async delete returns a DDL job; the database goes when the job finishes.
	var del model.DeleteDatabaseResponse
	env.must("DELETE", testPrefix+"/databases/sales_1", map[string]string{"async": "true"}, nil, &del)
	if *del.JobMode != "async" || *del.JobType != "DDL" || *del.JobId == "" {
		t.Fatalf("async delete: %+v", del)
	}
	env.must("GET", testPrefix+"/databases", map[string]string{"keyword": "sales_1"}, nil, &list)
	if *list.DatabaseCount != 1 {
		t.Fatal("database gone before its delete job finished")
	}
	env.emu.Advance(time.Minute)
	env.must("GET", testPrefix+"/databases", map[string]string{"keyword": "sales_1"}, nil, &list)
	if *list.DatabaseCount != 0 {
		t.Fatal("database still listed after its delete job finished")
	}
	var st jobView
	env.must("GET", testPrefix+"/jobs/"+*del.JobId+"/status", nil, nil, &st)
	if st.Status != "FINISHED" {
		t.Errorf("delete job status %s", st.Status)
	}
}

func catalogTableBody(name string) map[string]any {
	return map[string]any{
		"table_name": name, "data_location": "DLI", "description": "facts",
		"columns": []map[string]any{
			{"column_name": "Dt", "type": "STRING", "is_partition_column": true},
			{"column_name": "id", "type": "Integer", "description": "key"},
			{"column_name": "amount", "type": "decimal(10, 2)"},
		},
	}
}

func TestTables(t *testing.T) {
	env := newEnv(t, Options{})
	env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "db1"}, nil)
	path := testPrefix + "/databases/db1/tables"
	env.wantError("POST", testPrefix+"/databases/nope/tables", nil, catalogTableBody("t"), 400, "DLI.0002")
	obs := func(extra map[string]any) map[string]any {
		b := map[string]any{"table_name": "o", "data_location": "OBS", "data_type": "csv", "data_path": "obs://bucket/p",
			"columns": []map[string]any{{"column_name": "a", "type": "string"}}}
		for k, v := range extra {
			b[k] = v
		}
		return b
	}
	bad := map[string]map[string]any{
		"table_name":       {"table_name": "_t", "data_location": "DLI", "columns": []map[string]any{{"column_name": "a", "type": "int"}}},
		"data_location":    {"table_name": "t", "data_location": "HDFS", "columns": []map[string]any{{"column_name": "a", "type": "int"}}},
		"columns":          {"table_name": "t", "data_location": "DLI"},
		"type":             {"table_name": "t", "data_location": "DLI", "columns": []map[string]any{{"column_name": "a", "type": "int4"}}},
		"non-partition":    {"table_name": "t", "data_location": "DLI", "columns": []map[string]any{{"column_name": "a", "type": "int", "is_partition_column": true}}},
		"more than once":   {"table_name": "t", "data_location": "DLI", "columns": []map[string]any{{"column_name": "a", "type": "int"}, {"column_name": "A", "type": "int"}}},
		"delimiter":        {"table_name": "t", "data_location": "DLI", "delimiter": ",", "columns": []map[string]any{{"column_name": "a", "type": "int"}}},
		"select_statement": {"table_name": "v", "data_location": "VIEW"},
		"data_type is":     obs(map[string]any{"data_type": nil}),
		"data_path is":     obs(map[string]any{"data_path": nil}),
		"OBS path":         obs(map[string]any{"data_path": "s3://x/y"}),
		"Avro":             obs(map[string]any{"data_type": "xml"}),
		"quote_char":       obs(map[string]any{"data_type": "parquet", "quote_char": "'"}),
		"date_format":      obs(map[string]any{"data_type": "orc", "date_format": "yyyy"}),
	}
	for want, body := range bad {
		for k, v := range body {
			if v == nil {
				delete(body, k)
			}
		}
		e := env.wantError("POST", path, nil, body, 400, "DLI.0001")
		if !strings.Contains(e.Msg, want) {
			t.Errorf("%s: message %q", want, e.Msg)
		}
	}
	env.must("POST", path, nil, catalogTableBody("T1"), nil)
	env.wantError("POST", path, nil, catalogTableBody("t1"), 400, "DLI.0006")
	env.must("POST", path, nil, obs(map[string]any{"delimiter": "|", "with_column_header": "true"}), nil)
	env.must("POST", path, nil, map[string]any{"table_name": "v", "data_location": "VIEW", "select_statement": "select * from db1.t1",
		"columns": []map[string]any{{"column_name": "id", "type": "int"}}}, nil)

	var d describeTable
	env.must("GET", path+"/T1", nil, nil, &d)
	got := []string{}
	for _, c := range d.Columns {
		got = append(got, fmt.Sprintf("%s:%s:%v:%s", c.Name, c.Type, c.IsPartition, c.Description))
	}
	if strings.Join(got, " ") != "id:int:false:key amount:decimal(10,2):false: dt:string:true:" || d.TableType != "MANAGED" ||
		d.TableComment != "facts" || d.ColumnCount != 3 || d.DataLocation != "" || !strings.Contains(d.CreateTableSQL, "PARTITIONED BY") {
		t.Errorf("describe MANAGED: %s %+v", got, d)
	}
	var sdk model.ShowTableResponse // the SDK decodes it
	env.must("GET", path+"/o", nil, nil, &sdk)
	if *sdk.TableType != "EXTERNAL" || *sdk.DataLocation != "obs://bucket/p" || *sdk.DataType != "csv" || len(*sdk.StorageProperties) != 6 {
		t.Errorf("describe EXTERNAL: %+v", sdk)
	}
	env.must("GET", path+"/o", nil, nil, &d)
	props := map[string]string{}
	for _, p := range d.StorageProperties {
		props[p.Key] = p.Value
	}
	if props["delimiter"] != "|" || props["header"] != "true" || props["quote"] != `"` || props["escape"] != `\` || props["dateformat"] != "yyyy-MM-dd" {
		t.Errorf("storage_properties: %v", props)
	}
	env.must("GET", path+"/v", nil, nil, &d)
	if d.TableType != "VIEW" || !strings.Contains(d.CreateTableSQL, "AS\nselect * from db1.t1\n") {
		t.Errorf("describe VIEW: %+v", d)
	}
	env.wantError("GET", path+"/nope", nil, nil, 400, "DLI.0002")

	var list model.ListTablesResponse
	env.must("GET", path, map[string]string{"page-size": "2", "current-page": "2", "with-detail": "true"}, nil, &list)
	if *list.TableCount != 3 || len(*list.Tables) != 1 || (*list.Tables)[0].TableName != "v" || (*list.Tables)[0].Owner != "demo_user" {
		t.Errorf("paged list: %+v", list)
	}
	var filtered model.ListTablesResponse
	env.must("GET", path, map[string]string{"table-type": "EXTERNAL_TABLE"}, nil, &filtered)
	if *filtered.TableCount != 1 || (*filtered.Tables)[0].TableName != "o" || (*filtered.Tables)[0].Owner != "" {
		t.Errorf("filtered list without detail: %+v", filtered)
	}
	env.wantError("GET", path, map[string]string{"page-size": "101"}, nil, 400, "DLI.0001")
	env.wantError("GET", path, map[string]string{"table-type": "TABLE"}, nil, 400, "DLI.0001")

	env.wantError("GET", path+"/o/partitions", nil, nil, 400, "DLI.0007")
	var parts model.ListPartitionsResponse
	env.must("GET", path+"/t1/partitions", nil, nil, &parts)
	if parts.Partitions.TotalCount != 0 {
		t.Errorf("partitions: %+v", parts)
	}

	env.must("DELETE", path+"/o", nil, nil, nil)
	env.wantError("DELETE", path+"/o", nil, nil, 400, "DLI.0002")
	var del map[string]any
	env.must("DELETE", path+"/v", map[string]string{"async": "true"}, nil, &del)
	if del["job_mode"] != "async" || del["job_id"] == "" {
		t.Errorf("async table delete: %v", del)
	}
	env.emu.Advance(time.Minute)
	env.wantError("GET", path+"/v", nil, nil, 400, "DLI.0002")
}

func TestSQLJobs(t *testing.T) {
	env := newEnv(t, Options{})
	env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "db1"}, nil)
	env.must("POST", testPrefix+"/databases/db1/tables", nil, catalogTableBody("t1"), nil)
	env.createQueue("q1", 16, "sql")
	env.createQueue("g1", 16, "general")
	submit := func(sql string, extra map[string]any) map[string]any {
		b := map[string]any{"sql": sql, "queue_name": "q1", "currentdb": "db1", "conf": []string{"dli.sql.sqlasync.enabled = true"}}
		for k, v := range extra {
			b[k] = v
		}
		return b
	}
	env.emu.Advance(queueProvisionTime)
	env.wantError("POST", testPrefix+"/jobs/submit-job", nil, submit("select 1", map[string]any{"queue_name": "nope"}), 400, "DLI.0002")
	env.wantError("POST", testPrefix+"/jobs/submit-job", nil, submit("select 1", map[string]any{"queue_name": "g1"}), 400, "DLI.0007")
	env.wantError("POST", testPrefix+"/jobs/submit-job", nil, submit("alter tabel t1", nil), 400, "DLI.0004")
	env.wantError("POST", testPrefix+"/jobs/submit-job", nil, submit("select 1", map[string]any{"conf": []string{"novalue"}}), 400, "DLI.0001")

	var sub model.CreateSqlJobResponse
	env.must("POST", testPrefix+"/jobs/submit-job", nil, submit("ALTER TABLE t1 ADD COLUMNS (note STRING COMMENT 'n')",
		map[string]any{"tags": []map[string]string{{"key": "req", "value": "r1"}}}), &sub)
	if sub.JobMode.Value() != "async" || sub.JobType.Value() != "DDL" {
		t.Fatalf("submit: %+v", sub)
	}
	var st model.ShowSqlJobStatusResponse
	env.must("GET", testPrefix+"/jobs/"+*sub.JobId+"/status", nil, nil, &st)
	if s := st.Status.Value(); s != "LAUNCHING" && s != "RUNNING" {
		t.Fatalf("new job status %s", s)
	}
	var d describeTable
	env.must("GET", testPrefix+"/databases/db1/tables/t1", nil, nil, &d)
	if d.ColumnCount != 3 {
		t.Fatal("DDL applied before the job finished")
	}
	env.emu.Advance(time.Minute)
	env.must("GET", testPrefix+"/jobs/"+*sub.JobId+"/status", nil, nil, &st)
	if st.Status.Value() != "FINISHED" || *st.QueueName != "q1" || *st.Statement == "" {
		t.Fatalf("finished job: %+v", st)
	}
	env.must("GET", testPrefix+"/databases/db1/tables/t1", nil, nil, &d)
	if d.ColumnCount != 4 || d.Columns[2].Name != "note" || d.Columns[3].Name != "dt" {
		t.Fatalf("columns after ADD COLUMNS: %+v", d.Columns)
	}
	var jobs model.ListSqlJobsResponse
	env.must("GET", testPrefix+"/jobs", map[string]string{"tags": "req=r1"}, nil, &jobs)
	if *jobs.JobCount != 1 || (*jobs.Jobs)[0].JobId != *sub.JobId {
		t.Errorf("list jobs by tag: %+v", jobs)
	}

	// A failing DDL ends FAILED with the reason in message; cancel is refused afterwards.
	env.must("POST", testPrefix+"/jobs/submit-job", nil, submit("alter table t1 add columns (id int)", nil), &sub)
	env.emu.Advance(time.Minute)
	env.must("GET", testPrefix+"/jobs/"+*sub.JobId+"/status", nil, nil, &st)
	if st.Status.Value() != "FAILED" || !strings.Contains(*st.Message, "duplicate column") {
		t.Errorf("failed job: %s %q", st.Status.Value(), *st.Message)
	}
	env.wantError("DELETE", testPrefix+"/jobs/"+*sub.JobId, nil, nil, 400, "DLI.0007")

	// Forced failures, and cancel of a running job (no catalog effect).
	env.emu.FailSQLJobs("ADD COLUMNS (forced", "injected failure")
	env.must("POST", testPrefix+"/jobs/submit-job", nil, submit("alter table t1 add columns (forced int)", nil), &sub)
	env.emu.Advance(time.Minute)
	env.must("GET", testPrefix+"/jobs/"+*sub.JobId+"/status", nil, nil, &st)
	if st.Status.Value() != "FAILED" || *st.Message != "injected failure" {
		t.Errorf("forced failure: %s %q", st.Status.Value(), *st.Message)
	}
	env.emu.FailSQLJobs("", "")
	env.must("POST", testPrefix+"/jobs/submit-job", nil, submit("alter table t1 add columns (cancelled int)", nil), &sub)
	env.must("DELETE", testPrefix+"/jobs/"+*sub.JobId, nil, nil, nil)
	env.emu.Advance(time.Minute)
	env.must("GET", testPrefix+"/jobs/"+*sub.JobId+"/status", nil, nil, &st)
	env.must("GET", testPrefix+"/databases/db1/tables/t1", nil, nil, &d)
	if st.Status.Value() != "CANCELLED" || d.ColumnCount != 4 {
		t.Errorf("cancelled job: %s, %d columns", st.Status.Value(), d.ColumnCount)
	}

	// DDL without sqlasync is synchronous: applied at once, failures are 400 DLI.0005.
	env.must("POST", testPrefix+"/jobs/submit-job", nil, submit("ALTER TABLE t1 SET TBLPROPERTIES ('comment' = 'now')", map[string]any{"conf": nil}), &sub)
	if sub.JobMode.Value() != "sync" {
		t.Errorf("sync DDL mode %s", sub.JobMode.Value())
	}
	env.must("GET", testPrefix+"/databases/db1/tables/t1", nil, nil, &d)
	if d.TableComment != "now" {
		t.Errorf("sync DDL not applied: %q", d.TableComment)
	}
	env.wantError("POST", testPrefix+"/jobs/submit-job", nil, submit("drop table nope", map[string]any{"conf": nil}), 400, "DLI.0005")
	env.wantError("GET", testPrefix+"/jobs/nope/status", nil, nil, 400, "DLI.0002")

	// check-sql.
	var chk model.CheckSqlResponse
	env.must("POST", testPrefix+"/jobs/check-sql", nil, map[string]any{"sql": "select * from db1.t1"}, &chk)
	if *chk.JobType != "QUERY" || *chk.Message != "the sql is ok" {
		t.Errorf("check-sql: %+v", chk)
	}
	e := env.wantError("POST", testPrefix+"/jobs/check-sql", nil, map[string]any{"sql": "selec * from t1", "currentdb": "db1"}, 400, "DLI.0004")
	if !strings.Contains(e.Msg, "selec") {
		t.Errorf("check-sql error does not point at the token: %s", e.Msg)
	}
	env.wantError("POST", testPrefix+"/jobs/check-sql", nil, map[string]any{"sql": "alter table t1 add columns (x int)"}, 400, "DLI.0005")
	env.wantError("POST", testPrefix+"/jobs/check-sql", nil, map[string]any{}, 400, "DLI.0001")
}
