package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

const tableAddr = "huaweidata_dli_table.test"

// catalogNames names the objects of a table test: a database and an SQL queue for the
// tables under test, and the table.
type catalogNames struct{ db, queue, table string }

// newCatalogNames names a test's catalog through env.Name.
func newCatalogNames(env *acctest.Env) catalogNames {
	return catalogNames{db: env.Name("catalog"), queue: env.Name("sql"), table: env.Name("orders")}
}

// literalCatalog is the catalog of the tests that keep literal names (plan-time errors, and
// tests of other files that use tableConfig).
var literalCatalog = catalogNames{db: "acc_catalog", queue: "acc_sql", table: "orders"}

// id is the table's id, <database>/<table>.
func (n catalogNames) id() string { return n.db + "/" + n.table }

// base is a database and an SQL queue for the tables under test.
func (n catalogNames) base() string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "db" {
  name          = %q
  force_destroy = true
}

resource "huaweidata_dli_queue" "sql" {
  name     = %q
  cu_count = 16
}
`, n.db, n.queue)
}

// tableConfig is the base and huaweidata_dli_table.test in its database.
func (n catalogNames) tableConfig(body string) string {
	return n.base() + fmt.Sprintf(`
resource "huaweidata_dli_table" "test" {
  database_name = huaweidata_dli_database.db.name
  name          = %q
%s
}
`, n.table, body)
}

// tableConfig is literalCatalog's tableConfig.
func tableConfig(body string) string { return literalCatalog.tableConfig(body) }

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

// expectTable checks an attribute of huaweidata_dli_table.test.
func expectTable(attr string, v knownvalue.Check) statecheck.StateCheck {
	return expectTableAt(tableAddr, attr, v)
}

// expectTableAt checks an attribute of the table resource at addr.
func expectTableAt(addr, attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), v)
}

// expectTableColumn checks an attribute of the i-th element of columns.
func expectTableColumn(i int, attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(tableAddr, tfjsonpath.New("columns").AtSliceIndex(i).AtMapKey(attr), v)
}

// tableColumns checks the columns the table n.table really has ("name type", in order).
func tableColumns(env *acctest.Env, t *testing.T, n catalogNames, want ...string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		d, err := env.Client(t).ShowTable(ctx, n.db, n.table)
		if err != nil {
			return err
		}
		var got []string
		for _, c := range d.Columns {
			got = append(got, c.ColumnName+" "+c.Type)
		}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			return fmt.Errorf("table has columns [%s], want [%s]", strings.Join(got, ", "), strings.Join(want, ", "))
		}
		return nil
	})
}

// tableComment checks the comment the table n.table really has.
func tableComment(env *acctest.Env, t *testing.T, n catalogNames, want string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		d, err := env.Client(t).ShowTable(ctx, n.db, n.table)
		if err == nil && d.TableComment != want {
			err = fmt.Errorf("table comment is %q, want %q", d.TableComment, want)
		}
		return err
	})
}

func TestAccDLITable_schemaEvolution(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	n := newCatalogNames(env)
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
				Config: env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"orders\"\n" + queue + base)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectTable("id", knownvalue.StringExact(n.id())),
					expectTable("table_type", knownvalue.StringExact("MANAGED")),
					expectTable("owner", knownvalue.NotNull()),
					env.EmulatorOnlyCheck(expectTable("owner", knownvalue.StringExact("demo_user"))), // the emulator's caller
					expectTable("deletion_protection", knownvalue.Bool(true)),
					expectTable("create_time", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					expectTableColumn(0, "type", knownvalue.StringExact("INT")), // the configured spelling is kept
					tableColumns(env, t, n, "id int", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "dt string"),
				},
			},
			{
				ResourceName:            tableAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"sql_queue", "columns.0.type", "columns.1.type", "columns.2.type"}, // DLI's spelling
			},
			{
				// Appending a column is an update in place, run as ALTER TABLE ... ADD COLUMNS.
				Config:           env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"orders\"\n" + queue + appended)),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					tableColumns(env, t, n, "id int", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "note string", "dt string"),
					env.ExpectRequests("DeleteTable", 0, 0), // an update that only adds columns drops nothing
				},
			},
			{
				// Other spellings of the same types plan nothing.
				Config:   env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"orders\"\n" + queue + lower)),
				PlanOnly: true,
			},
			{
				// The description changes in place too.
				Config:            env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n" + queue + lower)),
				ConfigPlanChecks:  acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{tableComment(env, t, n, "all orders"), expectTable("description", knownvalue.StringExact("all orders"))},
			},
			{
				// Retyping needs a replacement, which deletion protection stops at apply.
				Config:      env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n" + queue + retyped)),
				ExpectError: regexp.MustCompile(`(?s)protected against deletion.*not\s+dropped.*deletion_protection\s+=\s+false`),
			},
			{
				Config:           env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n  deletion_protection = false\n" + queue + lower)),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				// The protected table survived the refused replacement with its data columns.
				ConfigStateChecks: []statecheck.StateCheck{
					tableColumns(env, t, n, "id int", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "note string", "dt string"),
					expectTable("deletion_protection", knownvalue.Bool(false)),
				},
			},
			{
				Config:           env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"all orders\"\n  deletion_protection = false\n" + queue + retyped)),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					tableColumns(env, t, n, "id bigint", "amount decimal(10,2)", "items array<struct<sku:string,qty:int>>", "note string", "dt string"),
				},
			},
			{
				// Removing a column replaces the table too.
				Config:            env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id bigint", "dt string partition"))),
				ConfigPlanChecks:  acctest.ExpectAction(tableAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{tableColumns(env, t, n, "id bigint", "dt string")},
			},
		},
	})
}

// TestAccDLITable_protected: destroying a protected table fails and drops nothing.
func TestAccDLITable_protected(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	n := newCatalogNames(env)
	config := env.Config(n.tableConfig(`  data_location = "DLI"` + "\n" + columns("id int")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config:      config,
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)protected against deletion.*` + regexp.QuoteMeta(n.id()) + `.*not\s+dropped`),
			},
			{
				Config: env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int"))),
				PreConfig: func() {
					if _, err := env.Client(t).ShowTable(context.Background(), n.db, n.table); err != nil {
						t.Fatalf("the protected table is gone after a refused destroy: %v", err)
					}
				},
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("DeleteTable", 0, 0),
					tableColumns(env, t, n, "id int"),
				},
			},
		},
	})
}

// TestAccDLITable_alterFailure: a failed ALTER TABLE job is reported with the job's message,
// and the next plan still shows the update that is left to do.
func TestAccDLITable_alterFailure(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an injected SQL job failure (FailSQLJobs)")
	n := newCatalogNames(env.Env)
	queue := "  sql_queue = huaweidata_dli_queue.sql.name\n"
	appended := env.Config(n.tableConfig(`  data_location = "DLI"` + "\n" + queue + columns("id int", "extra string")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env.Env, t), // the last step lifts the protection
		Steps: []resource.TestStep{
			{Config: env.Config(n.tableConfig(`  data_location = "DLI"` + "\n" + queue + columns("id int")))},
			{
				PreConfig:   func() { env.Emulator.FailSQLJobs("ADD COLUMNS", "java.lang.OutOfMemoryError: Java heap space") },
				Config:      appended,
				ExpectError: regexp.MustCompile(`(?s)Updating DLI table ` + regexp.QuoteMeta(n.id()) + `.*FAILED:\s+java.lang.OutOfMemoryError`),
			},
			{
				PreConfig: func() { env.Emulator.FailSQLJobs("", "") },
				Config:    appended,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectNonEmptyPlan(),
					plancheck.ExpectResourceAction(tableAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					tableColumns(env.Env, t, n, "id int", "extra string"),
					expectTableColumn(1, "name", knownvalue.StringExact("extra")),
				},
			},
			{
				Config: env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + queue + columns("id int", "extra string"))),
			},
		},
	})
}

// TestAccDLITable_needsQueue: appending without sql_queue fails at plan time.
func TestAccDLITable_needsQueue(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	n := newCatalogNames(env)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int")))},
			{
				PreConfig:   env.ResetCounts,
				Config:      env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int", "more string"))),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)sql_queue is required.*appending\s+column\(s\)\s+more.*set\s+sql_queue`),
			},
			{
				Config:      env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  description = \"x\"\n  deletion_protection = false\n" + columns("id int"))),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)sql_queue is required.*changing\s+description`),
			},
			{
				// The plan-time errors above sent no SQL job and changed nothing.
				Config:            env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int"))),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{env.ExpectRequests("CreateSqlJob", 0, 0), tableColumns(env, t, n, "id int")},
			},
		},
	})
}

func TestAccDLITable_obsAndView(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	n := newCatalogNames(env)
	// An OBS table's data live in a folder the test cannot create: made up against the
	// emulator; in real mode HUAWEIDATA_ACC_OBS_TABLE_PATH (obs://<bucket>/<folder>).
	bucket := env.Fixture(t, "OBS_TABLE_PATH", "obs://acc-bucket/orders")
	config := env.Config(n.base() + `
resource "huaweidata_dli_table" "test" {
  database_name       = huaweidata_dli_database.db.name
  name                = "` + n.table + `"
  data_location       = "OBS"
  data_format         = "csv"
  bucket_location     = "` + bucket + `"
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
  name                = "` + env.Name("big_orders") + `"
  data_location       = "VIEW"
  select_statement    = "select * from ` + n.db + "." + n.table + ` where id > 100"
  deletion_protection = false
  depends_on          = [huaweidata_dli_table.test]
}
`)
	const viewAddr = "huaweidata_dli_table.view"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					expectTable("table_type", knownvalue.StringExact("EXTERNAL")),
					expectTable("quote_char", knownvalue.StringExact(`"`)), // DLI's default, read back
					expectTable("escape_char", knownvalue.StringExact(`\`)),
					expectTable("timestamp_format", knownvalue.StringExact("yyyy-MM-dd HH:mm:ss")),
					expectTable("delimiter", knownvalue.StringExact("|")),
					expectTable("with_column_header", knownvalue.Bool(true)),
					expectTable("bucket_location", knownvalue.StringExact(bucket)),
					expectTableAt(viewAddr, "table_type", knownvalue.StringExact("VIEW")),
					expectTableAt(viewAddr, "columns", knownvalue.Null()),
				},
			},
			{
				ResourceName: tableAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"deletion_protection"}, // not in DLI: an import is protected
			},
			{
				ResourceName: viewAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"deletion_protection", "columns"}, // columns not configured; import reads them
			},
			{
				Config:            strings.Replace(config, `"|"`, `";"`, 1),
				ConfigPlanChecks:  acctest.ExpectAction(tableAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectTable("delimiter", knownvalue.StringExact(";"))},
			},
			{
				// A view has no in-place comment change: a new description replaces it.
				Config: strings.Replace(strings.Replace(config, `"|"`, `";"`, 1),
					`  depends_on          = [huaweidata_dli_table.test]`, "  description         = \"big ones\"\n  depends_on          = [huaweidata_dli_table.test]", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(viewAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(tableAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{expectTableAt(viewAddr, "description", knownvalue.StringExact("big ones"))},
			},
		},
	})
}
