package client

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// newEmulatorClient runs the catalog tests against the emulator: the client and the
// emulator are independent readings of the API, so these tests check that they agree.
func newEmulatorClient(t *testing.T) (*Client, *emulator.Emulator) {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Speed: 600, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	emuURLs[emu] = srv.URL
	return newClientFor(t, emu), emu
}

// emuURLs maps each test emulator to its server's URL, for a second client.
var emuURLs = map[*emulator.Emulator]string{}

// newClientFor builds another client of the emulator: another process, such as the next
// Terraform command, with nothing of the first client's caches or write log.
func newClientFor(t *testing.T, emu *emulator.Emulator) *Client {
	t.Helper()
	url := emuURLs[emu]
	c, err := New(Config{
		Region: emulator.DemoRegion, ProjectID: emulator.DemoProjectID,
		AccessKey: emulator.DemoAccessKey, SecretKey: emulator.DemoSecretKey,
		Endpoints:  map[Service]string{ServiceDLI: url, ServiceIAM: url},
		MaxRetries: 3, RateLimit: 10000, RetryBaseDelay: time.Millisecond, RetryMaxDelay: 5 * time.Millisecond,
		PollMinDelay: 5 * time.Millisecond, PollMaxDelay: 20 * time.Millisecond, ListCacheTTL: time.Minute,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDatabasesListPagingCacheAndCreateOnce(t *testing.T) {
	c, emu := newEmulatorClient(t)
	ctx := testCtx(t)
	for i := 0; i < 230; i++ {
		if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: fmt.Sprintf("db_%03d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	// A refresh (the next Terraform command) reads them all from one shared listing.
	c = newClientFor(t, emu)
	emu.ResetCounts()
	for i := 0; i < 230; i += 7 {
		db, err := c.GetDatabase(ctx, fmt.Sprintf("DB_%03d", i)) // names are case-insensitive
		if err != nil || ptr.Deref(db.DatabaseName) != fmt.Sprintf("db_%03d", i) {
			t.Fatalf("GetDatabase(%d) = %v, %v", i, db, err)
		}
	}
	if n := emu.RequestCounts()["ListDatabases"]; n != 3 { // 231 databases with default, 100 per page
		t.Errorf("ListDatabases calls = %d, want 3 (one paged listing shared by every read)", n)
	}
	if _, err := c.GetDatabase(ctx, "nope"); !IsNotFound(err) {
		t.Errorf("missing database: %v", err)
	}

	// A create answered 408 after it took effect is not sent again.
	emu.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateDatabase"}})
	emu.ResetCounts()
	if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "lost"}); err != nil {
		t.Fatalf("create after 408: %v", err)
	}
	if n := emu.RequestCounts()["CreateDatabase"]; n != 1 {
		t.Errorf("CreateDatabase sent %d times, want 1", n)
	}
	emu.SetFaults(emulator.Faults{})
	if _, err := c.GetDatabase(ctx, "lost"); err != nil {
		t.Errorf("written database not visible after the cache was invalidated: %v", err)
	}
}

func TestDatabaseDeleteAndOwner(t *testing.T) {
	c, _ := newEmulatorClient(t)
	ctx := testCtx(t)
	if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "sales"}); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateTable(ctx, "sales", &model.CreateTableRequestBody{
		TableName: "t1", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateDatabaseOwner(ctx, "sales", "analyst"); err != nil {
		t.Fatal(err)
	}
	db, err := c.GetDatabase(ctx, "sales")
	if err != nil || ptr.Deref(db.Owner) != "analyst" || ptr.Deref(db.TableNumber) != 1 {
		t.Fatalf("database after owner change: %+v, %v", db, err)
	}
	err = c.DeleteDatabase(ctx, "sales", false)
	if !HasCode(err, "DLI.0007") || IsNotFound(err) {
		t.Fatalf("deleting a non-empty database without cascade: %v", err)
	}
	if err := c.DeleteDatabase(ctx, "sales", true); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteDatabase(ctx, "sales", true); err != nil {
		t.Errorf("deleting a missing database: %v", err)
	}
	if _, err := c.ShowTable(ctx, "sales", "t1"); !IsNotFound(err) {
		t.Errorf("table survived a cascade delete: %v", err)
	}
}

func TestTablesDescribeListAndCreateOnce(t *testing.T) {
	c, emu := newEmulatorClient(t)
	ctx := testCtx(t)
	if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "db1"}); err != nil {
		t.Fatal(err)
	}
	emu.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateTable"}})
	delim := "|"
	err := c.CreateTable(ctx, "db1", &model.CreateTableRequestBody{
		TableName: "obs_t", DataLocation: "OBS", DataType: ptr.Of("csv"), DataPath: ptr.Of("obs://b/p"), Delimiter: &delim,
		Columns: []model.Column{{ColumnName: "a", Type: "INT"}, {ColumnName: "dt", Type: "string", IsPartitionColumn: ptr.Of(true)}},
	})
	if err != nil {
		t.Fatalf("create after 408: %v", err)
	}
	if n := emu.RequestCounts()["CreateTable"]; n != 1 {
		t.Errorf("CreateTable sent %d times, want 1", n)
	}
	emu.SetFaults(emulator.Faults{})
	d, err := c.ShowTable(ctx, "db1", "obs_t")
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := d.StorageProperty("delimiter"); v != "|" || d.TableType != "EXTERNAL" || d.Columns[0].Type != "int" || d.DataLocation != "obs://b/p" {
		t.Errorf("describe: %+v", d)
	}
	for i := 0; i < 150; i++ {
		if err := c.CreateTable(ctx, "db1", &model.CreateTableRequestBody{
			TableName: fmt.Sprintf("t%03d", i), DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	// The process that wrote a table reads it back with the keyword filter: one call each.
	emu.ResetCounts()
	if tb, err := c.GetTableListing(ctx, "db1", "t149"); err != nil || tb.TableName != "t149" {
		t.Fatalf("read-back of a just-written table: %+v, %v", tb, err)
	}
	if n := emu.RequestCounts()["ListTables"]; n != 1 {
		t.Errorf("read-back of a just-written table: %d ListTables calls, want 1", n)
	}
	// Another process (a refresh) reads all of them from one shared listing.
	c = newClientFor(t, emu)
	emu.ResetCounts()
	for i := 0; i < 150; i += 10 {
		tb, err := c.GetTableListing(ctx, "db1", fmt.Sprintf("t%03d", i))
		if err != nil || tb.Owner == "" || tb.CreateTime == 0 {
			t.Fatalf("listing: %+v, %v", tb, err)
		}
	}
	if n := emu.RequestCounts()["ListTables"]; n != 2 {
		t.Errorf("ListTables calls = %d, want 2", n)
	}
	if err := c.DeleteTable(ctx, "db1", "t000"); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteTable(ctx, "db1", "t000"); err != nil {
		t.Errorf("deleting a missing table: %v", err)
	}
	if _, err := c.GetTableListing(ctx, "db1", "t000"); !IsNotFound(err) {
		t.Errorf("deleted table still listed: %v", err)
	}
}

func TestRunSQL(t *testing.T) {
	c, emu := newEmulatorClient(t)
	ctx := testCtx(t)
	if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "db1"}); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateTable(ctx, "db1", &model.CreateTableRequestBody{
		TableName: "t1", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16}); err != nil {
		t.Fatal(err)
	}
	// A new queue accepts work at once; its first job starts once the queue has
	// provisioned (§6.1), and RunSQL waits for it.
	if err := c.RunSQL(ctx, "q1", "db1", "ALTER TABLE t1 ADD COLUMNS (a int)"); err != nil {
		t.Fatalf("SQL on a new queue: %v", err)
	}

	// Lost response: the job is found by its tag, not submitted twice, and waited for.
	emu.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateSqlJob"}})
	if err := c.RunSQL(ctx, "q1", "db1", "ALTER TABLE t1 ADD COLUMNS (c int)"); err != nil {
		t.Fatalf("RunSQL after 408: %v", err)
	}
	emu.SetFaults(emulator.Faults{})
	if n := emu.RequestCounts()["CreateSqlJob"]; n != 2 { // one submit per statement
		t.Errorf("CreateSqlJob sent %d times, want 2", n)
	}
	d, err := c.ShowTable(ctx, "db1", "t1")
	if err != nil || len(d.Columns) != 3 || d.Columns[1].ColumnName != "a" || d.Columns[2].ColumnName != "c" {
		t.Fatalf("after ADD COLUMNS: %+v, %v", d, err)
	}

	// A failed job is an error carrying the job's message.
	emu.FailSQLJobs("add columns (b", "Out of resources")
	err = c.RunSQL(ctx, "q1", "db1", "ALTER TABLE t1 ADD COLUMNS (b int)")
	if err == nil || !strings.Contains(err.Error(), "FAILED: Out of resources") {
		t.Fatalf("failed job: %v", err)
	}
	if _, err := c.CheckSQL(ctx, "db1", "ALTER TABLE t1 ADD COLUMS (b int)"); !HasCode(err, "DLI.0004") {
		t.Errorf("check-sql of a typo: %v", err)
	}
	if typ, err := c.CheckSQL(ctx, "db1", "select * from t1"); err != nil || typ != "QUERY" {
		t.Errorf("check-sql: %q, %v", typ, err)
	}
}
