package httpapi

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// §7.1 (databases) and §7.2 (tables, partitions) through the SDK. The SDK marks these DLI
// v1.0 catalog operations deprecated (SA1019) but has no replacement for them; the
// emulator serves them because the provider's databases and tables use them, so the
// conformance suite calls them as they are.
func TestSDKDatabasesAndTables(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	db := must[*model.CreateDatabaseResponse](t, "CreateDatabase")(c.CreateDatabase(&model.CreateDatabaseRequest{Body: &model.CreateDatabaseRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		DatabaseName: "Sdk_DB", Description: ptr("sdk db"), Tags: &[]model.Tag{{Key: "k", Value: "v"}}}}))
	if !*db.IsSuccess {
		t.Fatalf("create database: %+v", db)
	}
	dbs := must[*model.ListDatabasesResponse](t, "ListDatabases")(c.ListDatabases(&model.ListDatabasesRequest{Keyword: ptr("sdk")})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if *dbs.DatabaseCount != 1 || *(*dbs.Databases)[0].DatabaseName != "sdk_db" || *(*dbs.Databases)[0].Description != "sdk db" {
		t.Fatalf("list databases: %+v", dbs)
	}
	must[*model.UpdateDatabaseOwnerResponse](t, "UpdateDatabaseOwner")(c.UpdateDatabaseOwner(&model.UpdateDatabaseOwnerRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		DatabaseName: "sdk_db", Body: &model.UpdateOwnerRequestBody{NewOwner: "other_user"}}))
	dbs = must[*model.ListDatabasesResponse](t, "ListDatabases")(c.ListDatabases(&model.ListDatabasesRequest{Keyword: ptr("sdk_db")})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if *(*dbs.Databases)[0].Owner != "other_user" {
		t.Fatalf("owner not changed: %+v", dbs)
	}

	part := true
	must[*model.CreateTableResponse](t, "CreateTable")(c.CreateTable(&model.CreateTableRequest{DatabaseName: "sdk_db", Body: &model.CreateTableRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		TableName: "events", DataLocation: "DLI", Description: ptr("events table"),
		Columns: []model.Column{{ColumnName: "id", Type: "long"}, {ColumnName: "dt", Type: "string", IsPartitionColumn: &part}},
	}}))
	tables := must[*model.ListTablesResponse](t, "ListTables")(c.ListTables(&model.ListTablesRequest{DatabaseName: "sdk_db", WithDetail: ptr(true)})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if *tables.TableCount != 1 || (*tables.Tables)[0].TableName != "events" || (*tables.Tables)[0].TableType != "MANAGED" {
		t.Fatalf("list tables: %+v", tables)
	}
	shown := must[*model.ShowTableResponse](t, "ShowTable")(c.ShowTable(&model.ShowTableRequest{DatabaseName: "sdk_db", TableName: "events"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	cols := *shown.Columns
	if *shown.ColumnCount != 2 || cols[0].Type != "bigint" || !*cols[1].IsPartitionColumn || *shown.TableComment != "events table" {
		t.Fatalf("show table: %+v", shown)
	}
	// A partition comes from SQL DDL; the list then reports it.
	must[*model.CreateSqlJobResponse](t, "CreateSqlJob")(c.CreateSqlJob(&model.CreateSqlJobRequest{Body: &model.CreateSqlJobRequestBody{
		Sql: "ALTER TABLE events ADD PARTITION (dt='2024-01-01')", Currentdb: ptr("sdk_db")}}))
	parts := must[*model.ListPartitionsResponse](t, "ListPartitions")(c.ListPartitions(&model.ListPartitionsRequest{DatabaseName: "sdk_db", TableName: "events"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if parts.Partitions.TotalCount != 1 || parts.Partitions.PartitionInfos[0].PartitionName != "dt=2024-01-01" {
		t.Fatalf("partitions: %+v", parts)
	}
	must[*model.DeleteTableResponse](t, "DeleteTable")(c.DeleteTable(&model.DeleteTableRequest{DatabaseName: "sdk_db", TableName: "events"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	// A deleted table cannot be shown.
	_, err := c.ShowTable(&model.ShowTableRequest{DatabaseName: "sdk_db", TableName: "events"}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	wantSDKError(t, err, "DLI.0002")

	// An async delete returns its DDL job; the database goes when the job ends.
	del := must[*model.DeleteDatabaseResponse](t, "DeleteDatabase")(c.DeleteDatabase(&model.DeleteDatabaseRequest{DatabaseName: "sdk_db", Async: ptr(true)})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if del.JobId == nil || *del.JobMode != "async" {
		t.Fatalf("async delete: %+v", del)
	}
	s.emu.Advance(sqlJobDDLRunTime)
	dbs = must[*model.ListDatabasesResponse](t, "ListDatabases")(c.ListDatabases(&model.ListDatabasesRequest{})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if *dbs.DatabaseCount != 1 || *(*dbs.Databases)[0].DatabaseName != "default" {
		t.Fatalf("after async delete: %+v", dbs)
	}
	_, err = c.DeleteDatabase(&model.DeleteDatabaseRequest{DatabaseName: "default"}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	wantSDKError(t, err, "DLI.0007")
}

// §7.3 through the SDK, incl. the sequence: submit a SQL job on a queue created a
// moment ago (accepted; it starts once the queue is provisioned).
func TestSDKSQLJobs(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateDatabaseResponse](t, "CreateDatabase")(c.CreateDatabase(&model.CreateDatabaseRequest{Body: &model.CreateDatabaseRequestBody{DatabaseName: "jobs_db"}})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	must[*model.CreateTableResponse](t, "CreateTable")(c.CreateTable(&model.CreateTableRequest{DatabaseName: "jobs_db", Body: &model.CreateTableRequestBody{                  //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		TableName: "t", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}}}}))
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "fresh", CuCount: 16}}))

	sub := must[*model.CreateSqlJobResponse](t, "CreateSqlJob")(c.CreateSqlJob(&model.CreateSqlJobRequest{Body: &model.CreateSqlJobRequestBody{
		Sql: "SELECT * FROM t", Currentdb: ptr("jobs_db"), QueueName: ptr("fresh"), Tags: &[]model.Tag{{Key: "run", Value: "1"}}}}))
	if !*sub.IsSuccess || sub.JobMode.Value() != "async" || sub.JobType.Value() != "QUERY" {
		t.Fatalf("submit on a fresh queue: %+v", sub)
	}
	status := func() string {
		st := must[*model.ShowSqlJobStatusResponse](t, "ShowSqlJobStatus")(c.ShowSqlJobStatus(&model.ShowSqlJobStatusRequest{JobId: *sub.JobId}))
		return st.Status.Value()
	}
	if st := status(); st != "LAUNCHING" {
		t.Fatalf("status on a provisioning queue %s", st)
	}
	s.emu.Advance(queueProvisionTime + sqlJobLaunchTime + sqlJobQueryRunTime)
	if st := status(); st != "FINISHED" {
		t.Fatalf("status after provisioning and run %s", st)
	}
	d := must[*model.ShowSqlJobDetailResponse](t, "ShowSqlJobDetail")(c.ShowSqlJobDetail(&model.ShowSqlJobDetailRequest{JobId: *sub.JobId}))
	if *d.DatabaseName != "jobs_db" || *d.TableName != "t" || (*d.Tags)[0].Key != "run" {
		t.Fatalf("detail: %+v", d)
	}
	jobType := model.GetListSqlJobsRequestJobTypeEnum().QUERY
	list := must[*model.ListSqlJobsResponse](t, "ListSqlJobs")(c.ListSqlJobs(&model.ListSqlJobsRequest{QueueName: ptr("fresh"), JobType: &jobType}))
	if *list.JobCount != 1 || (*list.Jobs)[0].JobId != *sub.JobId || (*list.Jobs)[0].Status.Value() != "FINISHED" {
		t.Fatalf("list: %+v", list)
	}

	chk := must[*model.CheckSqlResponse](t, "CheckSql")(c.CheckSql(&model.CheckSqlRequest{Body: &model.CheckSqlRequestBody{Sql: "select 1"}}))
	if *chk.JobType != "QUERY" || !*chk.IsSuccess {
		t.Fatalf("check: %+v", chk)
	}
	_, err := c.CheckSql(&model.CheckSqlRequest{Body: &model.CheckSqlRequestBody{Sql: "selec 1"}})
	wantSDKError(t, err, "DLI.0004")

	long := must[*model.CreateSqlJobResponse](t, "CreateSqlJob")(c.CreateSqlJob(&model.CreateSqlJobRequest{Body: &model.CreateSqlJobRequestBody{
		Sql: "INSERT INTO t SELECT 1", Currentdb: ptr("jobs_db"), QueueName: ptr("fresh")}}))
	must[*model.CancelSqlJobResponse](t, "CancelSqlJob")(c.CancelSqlJob(&model.CancelSqlJobRequest{JobId: *long.JobId}))
	st := must[*model.ShowSqlJobStatusResponse](t, "ShowSqlJobStatus")(c.ShowSqlJobStatus(&model.ShowSqlJobStatusRequest{JobId: *long.JobId}))
	if st.Status.Value() != "CANCELLED" {
		t.Fatalf("cancelled job: %+v", st)
	}
	_, err = c.CancelSqlJob(&model.CancelSqlJobRequest{JobId: *long.JobId})
	wantSDKError(t, err, "DLI.0007")
}

// §13 through the SDK: sensitive values are masked in the list.
func TestSDKGlobalVariables(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateGlobalVariableResponse](t, "CreateGlobalVariable")(c.CreateGlobalVariable(&model.CreateGlobalVariableRequest{
		Body: &model.CreateGlobalVariableRequestBody{VarName: "plain", VarValue: "v1"}}))
	must[*model.CreateGlobalVariableResponse](t, "CreateGlobalVariable")(c.CreateGlobalVariable(&model.CreateGlobalVariableRequest{
		Body: &model.CreateGlobalVariableRequestBody{VarName: "secret", VarValue: "hidden", IsSensitive: ptr(true)}}))
	must[*model.UpdateGlobalVariableResponse](t, "UpdateGlobalVariable")(c.UpdateGlobalVariable(&model.UpdateGlobalVariableRequest{
		VarName: "plain", Body: &model.UpdateGlobalVariableRequestBody{VarValue: "v2"}}))
	list := must[*model.ListGlobalVariablesResponse](t, "ListGlobalVariables")(c.ListGlobalVariables(&model.ListGlobalVariablesRequest{Limit: ptr(int32(10))}))
	vals := map[string]string{}
	for _, v := range *list.GlobalVars {
		vals[*v.VarName] = *v.VarValue
	}
	if *list.Count != 2 || vals["plain"] != "v2" || vals["secret"] != sensitiveMask {
		t.Fatalf("list: %v (count %d)", vals, *list.Count)
	}
	must[*model.DeleteGlobalVariableResponse](t, "DeleteGlobalVariable")(c.DeleteGlobalVariable(&model.DeleteGlobalVariableRequest{VarName: "plain"}))
	_, err := c.DeleteGlobalVariable(&model.DeleteGlobalVariableRequest{VarName: "plain"})
	wantSDKError(t, err, "DLI.12004")
	_, err = c.CreateGlobalVariable(&model.CreateGlobalVariableRequest{Body: &model.CreateGlobalVariableRequestBody{VarName: "secret", VarValue: "x"}})
	wantSDKError(t, err, "DLI.0999")
}
