package httpapi

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// Permissions (seed §5, §12.8) through the SDK's typed client: grant, revoke and update on
// a queue, a database, a table, a column, a Flink job and (to a project) a connection; the
// listings; the documented refusals; and grants dropped with their object.
func TestSDKPrivileges(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "perm_q", CuCount: 16}}))
	must[*model.CreateDatabaseResponse](t, "CreateDatabase")(c.CreateDatabase(&model.CreateDatabaseRequest{Body: &model.CreateDatabaseRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		DatabaseName: "perm_db"}}))
	must[*model.CreateTableResponse](t, "CreateTable")(c.CreateTable(&model.CreateTableRequest{DatabaseName: "perm_db", Body: &model.CreateTableRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		TableName: "events", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "long"}, {ColumnName: "email", Type: "string"}}}}))

	// §5.1 queue grants and §5.2.
	queueAuth := func(action string, privileges ...string) (*model.RegisterAuthorizedQueueResponse, error) {
		return c.RegisterAuthorizedQueue(&model.RegisterAuthorizedQueueRequest{Body: &model.RegisterAuthorizedQueueRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
			QueueName: "perm_q", UserName: "analyst", Action: action, Privileges: privileges}})
	}
	must[*model.RegisterAuthorizedQueueResponse](t, "RegisterAuthorizedQueue")(queueAuth("grant", "SUBMIT_JOB", "CANCEL_JOB", "RESTART"))
	must[*model.RegisterAuthorizedQueueResponse](t, "RegisterAuthorizedQueue")(queueAuth("revoke", "CANCEL_JOB"))
	users := must[*model.ListQueueUsersResponse](t, "ListQueueUsers")(c.ListQueueUsers(&model.ListQueueUsersRequest{QueueName: "perm_q"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	got := *users.Privileges
	if len(got) != 2 || !*got[0].IsAdmin || (*got[0].Privileges)[0] != "ALL" || *got[1].UserName != "analyst" ||
		!slices.Equal(*got[1].Privileges, []string{"RESTART", "SUBMIT_JOB"}) || *users.QueueName != "perm_q" {
		t.Fatalf("queue users: %+v", got)
	}
	owner := *got[0].UserName
	_, err := queueAuth("grant", "SELECT")
	wantSDKError(t, err, "DLI.0001")                                                                                          // not a queue privilege
	_, err = c.RegisterAuthorizedQueue(&model.RegisterAuthorizedQueueRequest{Body: &model.RegisterAuthorizedQueueRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		QueueName: "perm_q", UserName: "nobody_here", Action: "grant", Privileges: []string{"SUBMIT_JOB"}}})
	wantSDKError(t, err, "DLI.0002")                                                                                          // no such user
	_, err = c.RegisterAuthorizedQueue(&model.RegisterAuthorizedQueueRequest{Body: &model.RegisterAuthorizedQueueRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		QueueName: "perm_q", UserName: owner, Action: "revoke", Privileges: []string{"SUBMIT_JOB"}}})
	wantSDKError(t, err, "DLI.0007") // the owner's privileges cannot be revoked

	// §5.3 data grants, atomic, and §5.4–§5.6.
	data := func(user, action string, items ...model.DataAuthorizationPrivilege) error {
		_, err := c.RunDataAuthorizationAction(&model.RunDataAuthorizationActionRequest{Body: &model.RunDataAuthorizationActionRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
			UserName: user, Action: action, Privileges: items}})
		return err
	}
	if err := data("analyst", "grant",
		model.DataAuthorizationPrivilege{Object: "databases.perm_db", Privileges: []string{"CREATE_TABLE"}},
		model.DataAuthorizationPrivilege{Object: "databases.perm_db.tables.events", Privileges: []string{"SELECT", "DESCRIBE_TABLE"}},
		model.DataAuthorizationPrivilege{Object: "databases.perm_db.tables.events.columns.email", Privileges: []string{"SELECT"}},
	); err != nil {
		t.Fatalf("RunDataAuthorizationAction: %v", err)
	}
	if err := data("auditor", "update", model.DataAuthorizationPrivilege{Object: "databases.perm_db.tables.events", Privileges: []string{"SELECT"}}); err != nil {
		t.Fatalf("RunDataAuthorizationAction update: %v", err)
	}
	wantSDKError(t, data("analyst", "grant", model.DataAuthorizationPrivilege{Object: "databases.perm_db.tables.events.columns.nope", Privileges: []string{"SELECT"}}), "DLI.0002")
	wantSDKError(t, data("analyst", "grant", model.DataAuthorizationPrivilege{Object: "databases.perm_db.tables.events.columns.id", Privileges: []string{"DROP_TABLE"}}), "DLI.0001")
	wantSDKError(t, data("analyst", "grant", model.DataAuthorizationPrivilege{Object: "tables.events", Privileges: []string{"SELECT"}}), "DLI.0001")
	// Atomic: a bad second item leaves the first unapplied.
	wantSDKError(t, data("analyst", "grant",
		model.DataAuthorizationPrivilege{Object: "databases.perm_db", Privileges: []string{"DROP_DATABASE"}},
		model.DataAuthorizationPrivilege{Object: "databases.missing_db", Privileges: []string{"SELECT"}}), "DLI.0002")

	dbUsers := must[*model.ListDatabaseUsersResponse](t, "ListDatabaseUsers")(c.ListDatabaseUsers(&model.ListDatabaseUsersRequest{DatabaseName: "perm_db"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	dbp := *dbUsers.Privileges
	if *dbUsers.DatabaseName != "perm_db" || len(dbp) != 2 || *dbp[1].UserName != "analyst" || !slices.Equal(*dbp[1].Privileges, []string{"CREATE_TABLE"}) {
		t.Fatalf("database users: %+v", dbp)
	}
	tableUsers := must[*model.ListTableUsersResponse](t, "ListTableUsers")(c.ListTableUsers(&model.ListTableUsersRequest{DatabaseName: "perm_db", TableName: "events"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	tp := *tableUsers.Privileges
	if len(tp) != 4 || *tp[1].UserName != "analyst" || !slices.Equal(*tp[1].Privileges, []string{"DESCRIBE_TABLE", "SELECT"}) ||
		*tp[2].UserName != "auditor" || *tp[3].Object != "databases.perm_db.tables.events.columns.email" {
		t.Fatalf("table users: %+v", tp)
	}
	mine := must[*model.ListTablePrivilegesResponse](t, "ListTablePrivileges")(c.ListTablePrivileges(&model.ListTablePrivilegesRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		DatabaseName: "perm_db", TableName: "events", UserName: "analyst"}))
	if *mine.UserName != "analyst" || len(*mine.Privileges) != 2 {
		t.Fatalf("table privileges: %+v", mine)
	}

	// SDK-only RunAuthorizationAction: a user grant like §5.3 on a Flink job (listed by §5.7) ...
	job := must[*model.CreateFlinkSqlJobResponse](t, "CreateFlinkSqlJob")(c.CreateFlinkSqlJob(&model.CreateFlinkSqlJobRequest{Body: &model.CreateFlinkSqlJobRequestBody{
		Name: "perm_flink", SqlBody: ptr(flinkSQL)}}))
	jobObject := "jobs.flink." + strconv.FormatInt(*job.Job.JobId, 10)
	must[*model.RunAuthorizationActionResponse](t, "RunAuthorizationAction")(c.RunAuthorizationAction(&model.RunAuthorizationActionRequest{Body: &model.RunAuthorizationActionRequestBody{
		UserName: ptr("analyst"), Action: model.GetRunAuthorizationActionRequestBodyActionEnum().GRANT,
		Privileges: []model.Privilege{{Object: jobObject, Privileges: []string{"GET", "STOP"}}}}}))
	auth := must[*model.ListAuthorizationPrivilegesResponse](t, "ListAuthorizationPrivileges")(c.ListAuthorizationPrivileges(
		&model.ListAuthorizationPrivilegesRequest{Object: jobObject}))
	if *auth.ObjectType != "flink" || *auth.Count != 2 || *(*auth.Privileges)[1].UserName != "analyst" {
		t.Fatalf("authorization privileges: %+v", auth)
	}
	_, err = c.ListAuthorizationPrivileges(&model.ListAuthorizationPrivilegesRequest{Object: "databases.perm_db"})
	wantSDKError(t, err, "DLI.0001") // §5.7: only Flink jobs, groups and packages

	// ... and a project grant on an enhanced connection, shown by §12.8.
	conn := must[*model.CreateEnhancedConnectionResponse](t, "CreateEnhancedConnection")(c.CreateEnhancedConnection(&model.CreateEnhancedConnectionRequest{
		Body: &model.CreateEnhancedConnectionRequestBody{Name: "perm_conn", DestVpcId: "vpc-1", DestNetworkId: "net-1"}}))
	other := "0123456789abcdef0123456789abcdef"
	must[*model.RunAuthorizationActionResponse](t, "RunAuthorizationAction")(c.RunAuthorizationAction(&model.RunAuthorizationActionRequest{Body: &model.RunAuthorizationActionRequestBody{
		ProjectId: ptr(other), Action: model.GetRunAuthorizationActionRequestBodyActionEnum().GRANT,
		Privileges: []model.Privilege{{Object: "edsconnections." + *conn.ConnectionId, Privileges: []string{"BIND_QUEUE"}}}}}))
	priv := must[*model.ShowEnhancedConnectionPrivilegeResponse](t, "ShowEnhancedConnectionPrivilege")(c.ShowEnhancedConnectionPrivilege(
		&model.ShowEnhancedConnectionPrivilegeRequest{ConnectionId: *conn.ConnectionId}))
	if p := *priv.Privileges; len(p) != 1 || *p[0].ApplicantProjectId != other || (*p[0].Privileges)[0] != "BIND_QUEUE" {
		t.Fatalf("connection privileges: %+v", priv)
	}

	// Dropping the table drops its grants: a table of the same name starts with none.
	must[*model.DeleteTableResponse](t, "DeleteTable")(c.DeleteTable(&model.DeleteTableRequest{DatabaseName: "perm_db", TableName: "events"}))               //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	must[*model.CreateTableResponse](t, "CreateTable")(c.CreateTable(&model.CreateTableRequest{DatabaseName: "perm_db", Body: &model.CreateTableRequestBody{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		TableName: "events", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "email", Type: "string"}}}}))
	tableUsers = must[*model.ListTableUsersResponse](t, "ListTableUsers")(c.ListTableUsers(&model.ListTableUsersRequest{DatabaseName: "perm_db", TableName: "events"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if len(*tableUsers.Privileges) != 1 {
		t.Fatalf("grants survived the table: %+v", *tableUsers.Privileges)
	}
	// So do a Flink job's and a connection's.
	must[*model.DeleteFlinkJobResponse](t, "DeleteFlinkJob")(c.DeleteFlinkJob(&model.DeleteFlinkJobRequest{JobId: *job.Job.JobId}))
	must[*model.DeleteEnhancedConnectionResponse](t, "DeleteEnhancedConnection")(c.DeleteEnhancedConnection(
		&model.DeleteEnhancedConnectionRequest{ConnectionId: *conn.ConnectionId}))
	for _, g := range s.emu.Inventory().Projects[DemoProjectID].Privileges {
		if strings.HasPrefix(g.Object, "jobs.") || strings.HasPrefix(g.Object, "edsconnections.") {
			t.Errorf("grant survived its object: %+v", g)
		}
	}
}
