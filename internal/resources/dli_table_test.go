package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const tableAddr = "huaweidata_dli_table.test"

// catalogBase is a database and an SQL queue for the tables under test.
const catalogBase = `
resource "huaweidata_dli_database" "db" {
  name          = "acc_catalog"
  force_destroy = true
}

resource "huaweidata_dli_queue" "sql" {
  name     = "acc_sql"
  cu_count = 16
}
`

func tableConfig(body string) string {
	return catalogBase + fmt.Sprintf(`
resource "huaweidata_dli_table" "test" {
  database_name = huaweidata_dli_database.db.name
  name          = "orders"
%s
}
`, body)
}

// columns renders a columns list from "name type" or "name type partition" strings (the
// type runs from the first space).
func columns(cols ...string) string {
	var b strings.Builder
	b.WriteString("  columns = [\n")
	for _, c := range cols {
		name, typ, _ := strings.Cut(c, " ")
		part := ""
		if t, ok := strings.CutSuffix(typ, " partition"); ok {
			typ, part = t, ", is_partition = true"
		}
		fmt.Fprintf(&b, "    { name = %q, type = %q%s },\n", name, typ, part)
	}
	b.WriteString("  ]\n")
	return b.String()
}

func tablesDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_table", func(ctx context.Context, id string) error {
		db, table, _ := strings.Cut(id, "/")
		_, err := env.Client(t).ShowTable(ctx, db, table)
		return err
	})
}

// tableColumns checks the columns the emulated table really has ("name type", in order).
func tableColumns(env *acctest.Env, t *testing.T, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		d, err := env.Client(t).ShowTable(context.Background(), "acc_catalog", "orders")
		if err != nil {
			return err
		}
		var got []string
		for _, c := range d.Columns {
			got = append(got, c.ColumnName+" "+c.Type)
		}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			return fmt.Errorf("emulated table has columns [%s], want [%s]", strings.Join(got, ", "), strings.Join(want, ", "))
		}
		return nil
	}
}

func TestAccDLITable_schemaEvolution(t *testing.T) {
	env := acctest.NewEnv(t)
	base := columns("id INT", "amount decimal(10, 2)", "items array<STRUCT<sku:string,qty:int>>", "dt string partition")
	appended := columns("id INT", "amount decimal(10, 2)", "items array<STRUCT<sku:string,qty:int>>", "note string", "dt string partition")
	lower := columns("id int", "amount DECIMAL(10,2)", "items array<struct<sku:string, qty:int>>", "note string", "dt string partition")
	retyped := columns("id bigint", "amount decimal(10, 2)", "items array<STRUCT<sku:string,qty:int>>", "note string", "dt string partition")
	queue := "  sql_queue = huaweidata_dli_queue.sql.name\n"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"orders\"\n" + queue + base)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(tableAddr, "id", "acc_catalog/orders"),
					resource.TestCheckResourceAttr(tableAddr, "table_type", "MANAGED"),
					resource.TestCheckResourceAttr(tableAddr, "owner", "demo_user"),
					resource.TestCheckResourceAttr(tableAddr, "deletion_protection", "true"),
					resource.TestCheckResourceAttr(tableAddr, "columns.0.type", "INT"), // the configured spelling is kept
					tableColumns(env, t, "id int", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "dt string"),
				),
			},
			{
				ResourceName:            tableAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"sql_queue", "columns.0.type", "columns.1.type", "columns.2.type"}, // DLI's spelling
			},
			{
				// Appending a column is an update in place, run as ALTER TABLE ... ADD COLUMNS.
				Config:           env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"orders\"\n" + queue + appended)),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					tableColumns(env, t, "id int", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "note string", "dt string"),
					func(*terraform.State) error {
						if n := env.Count("DeleteTable"); n != 0 {
							return fmt.Errorf("an update that only adds columns dropped a table %d times", n)
						}
						return nil
					},
				),
			},
			{
				// Other spellings of the same types plan nothing.
				Config:   env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"orders\"\n" + queue + lower)),
				PlanOnly: true,
			},
			{
				// The description changes in place too.
				Config:           env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n" + queue + lower)),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				Check: func(*terraform.State) error {
					d, err := env.Client(t).ShowTable(context.Background(), "acc_catalog", "orders")
					if err == nil && d.TableComment != "all orders" {
						err = fmt.Errorf("table comment is %q", d.TableComment)
					}
					return err
				},
			},
			{
				// Retyping needs a replacement, which deletion protection stops at apply.
				Config:      env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n" + queue + retyped)),
				ExpectError: regexp.MustCompile(`(?s)protected against deletion.*not\s+dropped.*deletion_protection\s+=\s+false`),
			},
			{
				Config:           env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n  deletion_protection = false\n" + queue + lower)),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				// The protected table survived the refused replacement with its data columns.
				Check: tableColumns(env, t, "id int", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "note string", "dt string"),
			},
			{
				Config:           env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n  deletion_protection = false\n" + queue + retyped)),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check:            tableColumns(env, t, "id bigint", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "note string", "dt string"),
			},
			{
				// Removing a column replaces the table too.
				Config:           env.Config(tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id bigint", "dt string partition"))),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check:            tableColumns(env, t, "id bigint", "dt string"),
			},
		},
	})
}

// TestAccDLITable_protected: destroying a protected table fails and drops nothing.
func TestAccDLITable_protected(t *testing.T) {
	env := acctest.NewEnv(t)
	config := env.Config(tableConfig(`  data_location = "DLI"` + "\n" + columns("id int")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config:      config,
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)protected against deletion.*acc_catalog/orders.*not\s+dropped`),
			},
			{
				Config: env.Config(tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int"))),
				PreConfig: func() {
					if _, err := env.Client(t).ShowTable(context.Background(), "acc_catalog", "orders"); err != nil {
						t.Fatalf("the protected table is gone after a refused destroy: %v", err)
					}
				},
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
			},
		},
	})
}

// TestAccDLITable_alterFailure: a failed ALTER TABLE job is reported with the job's message,
// and the next plan still shows the update that is left to do.
func TestAccDLITable_alterFailure(t *testing.T) {
	env := acctest.NewEnv(t)
	queue := "  sql_queue = huaweidata_dli_queue.sql.name\n"
	appended := env.Config(tableConfig(`  data_location = "DLI"` + "\n" + queue + columns("id int", "extra string")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			return nil // the table is protected; the database's force_destroy drops it
		},
		Steps: []resource.TestStep{
			{Config: env.Config(tableConfig(`  data_location = "DLI"` + "\n" + queue + columns("id int")))},
			{
				PreConfig:   func() { env.Emulator.FailSQLJobs("ADD COLUMNS", "java.lang.OutOfMemoryError: Java heap space") },
				Config:      appended,
				ExpectError: regexp.MustCompile(`(?s)Updating DLI table acc_catalog/orders.*FAILED:\s+java.lang.OutOfMemoryError`),
			},
			{
				PreConfig:          func() { env.Emulator.FailSQLJobs("", "") },
				Config:             appended,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config: appended,
				Check:  tableColumns(env, t, "id int", "extra string"),
			},
			{
				Config: env.Config(tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + queue + columns("id int", "extra string"))),
			},
		},
	})
}

// TestAccDLITable_needsQueue: appending without sql_queue fails at plan time.
func TestAccDLITable_needsQueue(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: env.Config(tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int")))},
			{
				PreConfig:   env.Emulator.ResetCounts,
				Config:      env.Config(tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int", "more string"))),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)sql_queue is required.*appending column\(s\) more.*set sql_queue`),
			},
			{
				Config:      env.Config(tableConfig(`  data_location = "DLI"` + "\n  description = \"x\"\n  deletion_protection = false\n" + columns("id int"))),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)sql_queue is required.*changing description`),
				Check: func(*terraform.State) error {
					if n := env.Count("CreateSqlJob"); n != 0 {
						return fmt.Errorf("plan-time error sent %d SQL jobs", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccDLITable_obsAndView(t *testing.T) {
	env := acctest.NewEnv(t)
	config := env.Config(catalogBase + `
resource "huaweidata_dli_table" "test" {
  database_name       = huaweidata_dli_database.db.name
  name                = "orders"
  data_location       = "OBS"
  data_format         = "csv"
  bucket_location     = "obs://acc-bucket/orders"
  with_column_header  = true
  delimiter           = "|"
  date_format         = "yyyy/MM/dd"
  deletion_protection = false
  columns = [
    { name = "id", type = "bigint", description = "order id" },
    { name = "dt", type = "string", is_partition = true },
  ]
}

resource "huaweidata_dli_table" "view" {
  database_name       = huaweidata_dli_database.db.name
  name                = "big_orders"
  data_location       = "VIEW"
  select_statement    = "select * from acc_catalog.orders where id > 100"
  deletion_protection = false
  depends_on          = [huaweidata_dli_table.test]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(tableAddr, "table_type", "EXTERNAL"),
					resource.TestCheckResourceAttr(tableAddr, "quote_char", `"`), // DLI's default, read back
					resource.TestCheckResourceAttr(tableAddr, "escape_char", `\`),
					resource.TestCheckResourceAttr(tableAddr, "timestamp_format", "yyyy-MM-dd HH:mm:ss"),
					resource.TestCheckResourceAttr(tableAddr, "delimiter", "|"),
					resource.TestCheckResourceAttr("huaweidata_dli_table.view", "table_type", "VIEW"),
				),
			},
			{
				ResourceName: tableAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"deletion_protection"}, // not in DLI: an import is protected
			},
			{
				ResourceName: "huaweidata_dli_table.view", ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"deletion_protection", "columns"}, // columns not configured; import reads them
			},
			{
				Config:           strings.Replace(config, `"|"`, `";"`, 1),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionDestroyBeforeCreate),
			},
		},
	})
}

func TestAccDLITable_planTimeValidation(t *testing.T) {
	env := acctest.NewEnv(t)
	dli := func(body string) string { return tableConfig("  data_location = \"DLI\"\n" + body) }
	obs := func(body string) string {
		return tableConfig("  data_location = \"OBS\"\n" + columns("a string") + body)
	}
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad type":               {Config: dli(columns("a int4")), Want: `(?s)columns\[0\].type "int4".*not\s+a\s+Spark\s+SQL\s+type`},
		"varchar without length": {Config: dli(columns("a varchar")), Want: `(?s)Invalid column type.*varchar`},
		"decimal out of range":   {Config: dli(columns("a decimal(40,2)")), Want: `(?s)decimal\(40,2\)\s+is\s+out\s+of\s+range`},
		"unclosed map":           {Config: dli(columns("a map<string,int")), Want: `(?s)Invalid column type.*missing '>'`},
		"struct without colon":   {Config: dli(`  columns = [{ name = "a", type = "struct<x int>" }]`), Want: `(?s)Invalid column type.*':'`},
		"uppercase column":       {Config: dli(columns("Amount int")), Want: `(?s)columns\[0\].name.*uppercase`},
		"duplicate column":       {Config: dli(columns("a int", "a string")), Want: `(?s)Duplicate column.*"a"`},
		"partition not last":     {Config: dli(columns("dt string partition", "a int")), Want: `(?s)Partition columns must come last`},
		"only partitions":        {Config: dli(columns("dt string partition")), Want: `(?s)at least one column that is not a partition`},
		"no columns":             {Config: dli(""), Want: `(?s)Missing columns.*DLI table`},
		"bad data_location":      {Config: tableConfig("  data_location = \"HDFS\"\n" + columns("a int")), Want: `(?s)data_location.*DLI.*OBS.*VIEW`},
		"obs option on dli":      {Config: dli(columns("a int") + `  delimiter = ","`), Want: `(?s)delimiter applies only when data_location is "OBS"`},
		"select on dli":          {Config: dli(columns("a int") + `  select_statement = "select 1"`), Want: `(?s)select_statement applies only when\s+data_location is "VIEW"`},
		"view without select":    {Config: tableConfig(`  data_location = "VIEW"`), Want: `(?s)view.*needs select_statement`},
		"view select not query":  {Config: tableConfig("  data_location = \"VIEW\"\n  select_statement = \"drop table x\""), Want: `(?s)must be a query starting with SELECT`},
		"obs without format":     {Config: obs(`  bucket_location = "obs://b/p"`), Want: `(?s)data_format is required for OBS tables`},
		"obs without bucket":     {Config: obs(`  data_format = "csv"`), Want: `(?s)bucket_location is required for OBS tables`},
		"bucket not obs":         {Config: obs("  data_format = \"csv\"\n  bucket_location = \"s3://b/p\""), Want: `(?s)must be an OBS path`},
		"bad format":             {Config: obs("  data_format = \"CSV\"\n  bucket_location = \"obs://b/p\""), Want: `(?s)data_format.*parquet.*avro`},
		"csv option on parquet":  {Config: obs("  data_format = \"parquet\"\n  bucket_location = \"obs://b/p\"\n  quote_char = \"'\""), Want: `(?s)quote_char applies only when data_format is "csv"`},
		"date on orc":            {Config: obs("  data_format = \"orc\"\n  bucket_location = \"obs://b/p\"\n  date_format = \"yyyy\""), Want: `(?s)date_format applies only when data_format is\s+"csv" or "json"`},
		"two-char quote":         {Config: obs("  data_format = \"csv\"\n  bucket_location = \"obs://b/p\"\n  quote_char = \"''\""), Want: `(?s)quote_char UTF-8 character count must be between 1 and 1, got: 2`},
		"bad date letter":        {Config: obs("  data_format = \"json\"\n  bucket_location = \"obs://b/p\"\n  timestamp_format = \"yyyy-MM-dd'T'HH:mm:ssXXX\""), Want: `(?s)timestamp_format.*pattern letter "X"`},
		"bad table name":         {Config: strings.Replace(dli(columns("a int")), `"orders"`, `"_orders"`, 1), Want: `(?s)name.*"_orders".*starts with an underscore`},
		"bad sql_queue":          {Config: dli(columns("a int") + `  sql_queue = "Q-1"`), Want: `(?s)sql_queue.*"Q-1"`},
	})
}

func TestAccDLITable_importInvalidID(t *testing.T) {
	env := acctest.NewEnv(t)
	for _, id := range []string{"orders", "db/t/x", "db/_t", "default_db/"} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: env.ProviderFactories(),
			Steps: []resource.TestStep{{
				Config:        env.Config(`resource "huaweidata_dli_table" "test" {}` + "\n"),
				ResourceName:  tableAddr,
				ImportState:   true,
				ImportStateId: id,
				ExpectError:   regexp.MustCompile(`(?s)Invalid import id.*<database>/<table>`),
			}},
		})
	}
}

func TestAccDLITable_disappearsAndLostCreate(t *testing.T) {
	env := acctest.NewEnv(t)
	env.Emulator.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateTable"}})
	config := env.Config(tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				// The create is answered 408 after it took effect: it is not sent again.
				Config: config,
				Check: resource.ComposeTestCheckFunc(sentOnce(env, "CreateTable"), func(*terraform.State) error {
					env.Emulator.SetFaults(emulator.Faults{})
					return env.Client(t).DeleteTable(context.Background(), "acc_catalog", "orders")
				}),
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionCreate),
			},
		},
	})
}

// fastClient is a client against the emulator without the default rate limit, to set up
// hundreds of objects quickly.
func fastClient(env *acctest.Env, t *testing.T) *client.Client {
	t.Helper()
	c, err := client.New(client.Config{
		Region: emulator.DemoRegion, ProjectID: emulator.DemoProjectID,
		AccessKey: emulator.DemoAccessKey, SecretKey: emulator.DemoSecretKey, RateLimit: 10000,
		Endpoints: map[client.Service]string{client.ServiceDLI: env.URL, client.ServiceIAM: env.URL},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestAccDLITable_refreshCost refreshes 200 tables of one database: one describe per table
// and a shared, paged table listing. The tables are made through the API and imported
// (import blocks), and finally forgotten (a removed block) rather than destroyed one by one:
// the test measures a refresh, and Terraform's own cost for 200 creates and deletes would
// only make it slow.
func TestAccDLITable_refreshCost(t *testing.T) {
	env := acctest.NewEnv(t)
	setup := func() {
		ctx := context.Background()
		c := fastClient(env, t)
		if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "acc_bulk"}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 200; i++ {
			err := c.CreateTable(ctx, "acc_bulk", &model.CreateTableRequestBody{
				TableName: fmt.Sprintf("t_%d", i), DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	tables := `
locals {
  tables = range(200)
}

resource "huaweidata_dli_database" "db" {
  name          = "acc_bulk"
  force_destroy = true
}
`
	managed := tables + `
import {
  to = huaweidata_dli_database.db
  id = "acc_bulk"
}

import {
  for_each = local.tables
  to       = huaweidata_dli_table.test[each.value]
  id       = "acc_bulk/t_${each.value}"
}

resource "huaweidata_dli_table" "test" {
  count         = 200
  database_name = huaweidata_dli_database.db.name
  name          = "t_${count.index}"
  data_location = "DLI"
  columns       = [{ name = "id", type = "INT" }]
}
`
	forgotten := tables + `
removed {
  from = huaweidata_dli_table.test
  lifecycle {
    destroy = false
  }
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t), // the cascade drops the forgotten tables
		Steps: []resource.TestStep{
			{PreConfig: setup, Config: env.Config(managed)},
			{
				PreConfig:    env.Emulator.ResetCounts,
				RefreshState: true,
				Check: func(*terraform.State) error {
					show, list := env.Count("ShowTable"), env.Count("ListTables")
					t.Logf("refreshing 200 tables: %d ShowTable and %d ListTables calls", show, list)
					if show > 200 || list == 0 || list > 5 {
						return fmt.Errorf("refreshing 200 tables cost %d describe and %d list calls, want at most 200 and 1 to 5", show, list)
					}
					return nil
				},
			},
			{Config: env.Config(forgotten)},
		},
	})
}
