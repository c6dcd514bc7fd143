package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// grantee is an IAM user the test grants to: one the test cannot create. Against the
// emulator it is one of the emulator's sub-users (emulated, from store.DefaultIAMUsers); in
// real mode the IAM user HUAWEIDATA_ACC_IAM_USER names (HUAWEIDATA_ACC_IAM_USER_2 for the
// second, a different user), and without it the test is skipped.
func grantee(env *acctest.Env, t *testing.T, second bool, emulated string) string {
	t.Helper()
	if second {
		return env.Fixture(t, "IAM_USER_2", emulated)
	}
	return env.Fixture(t, "IAM_USER", emulated)
}

// permNames names the catalog the permission tests grant on.
type permNames struct{ queue, db, table string }

func newPermNames(env *acctest.Env) permNames {
	return permNames{queue: env.Name("perm_queue"), db: env.Name("perm_db"), table: env.Name("customers")}
}

// permissionObjects is the catalog the permission tests grant on: a queue, a database and
// a table with two columns.
func permissionObjects(n permNames) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "perm" {
  name     = %q
  cu_count = 16
}

resource "huaweidata_dli_database" "perm" {
  name          = %q
  force_destroy = true
}

resource "huaweidata_dli_table" "perm" {
  database_name       = huaweidata_dli_database.perm.name
  name                = %q
  data_location       = "DLI"
  deletion_protection = false
  columns = [
    { name = "id", type = "bigint" },
    { name = "email", type = "string" },
  ]
}
`, n.queue, n.db, n.table)
}

// permissionBlock is one huaweidata_dli_permission.
func permissionBlock(name, object, user string, privileges ...string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_permission" %q {
  object     = %s
  user_name  = %q
  privileges = [%s]
}
`, name, object, user, `"`+strings.Join(privileges, `", "`)+`"`)
}

// oddPermissionConfig is a database with one permission, for the odd-answer and lost-create tables.
var oddPermissionConfig = databaseConfig("acc_odd", "") +
	permissionBlock("odd", `"databases.${huaweidata_dli_database.test.name}"`, "analyst", "SELECT")

const oddPermissionAddr = "huaweidata_dli_permission.odd"

// Object expressions that depend on the catalog resources, so that grants follow creates.
const (
	permQueue  = `"queues.${huaweidata_dli_queue.perm.name}"`
	permDB     = `"databases.${huaweidata_dli_database.perm.name}"`
	permTable  = `"databases.${huaweidata_dli_database.perm.name}.tables.${huaweidata_dli_table.perm.name}"`
	permColumn = `"databases.${huaweidata_dli_database.perm.name}.tables.${huaweidata_dli_table.perm.name}.columns.email"`
)

// grantsHeld checks the grants DLI holds, as "object/grantee=P1,P2": through the API, the
// users (but the owner) of each object want names and their privileges (grantsListed); and
// against the emulator, every grant it holds, an exact list of the whole account.
func grantsHeld(env *acctest.Env, t *testing.T, want ...string) statecheck.StateCheck {
	exact := env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
		var got []string
		for _, p := range emu.Inventory().Projects {
			for _, g := range p.Privileges {
				got = append(got, g.Object+"/"+g.Grantee+"="+strings.Join(g.Privileges, ","))
			}
		}
		want := slices.Sorted(slices.Values(want))
		slices.Sort(got)
		if !slices.Equal(got, want) {
			return fmt.Errorf("the emulator holds grants\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		return nil
	})
	return permChecks{grantsListed(env, t, want...), exact}
}

// grantsListed checks, through the API, that each object want names ("object/grantee=P1,P2")
// lists exactly those users (the owner aside) with those privileges.
func grantsListed(env *acctest.Env, t *testing.T, want ...string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		byObject := map[string][]string{}
		for _, w := range want {
			grant, _, _ := strings.Cut(w, "=")
			object := grant[:strings.LastIndex(grant, "/")]
			byObject[object] = append(byObject[object], w)
		}
		c := env.Client(t)
		for object, want := range byObject {
			o, err := client.ParsePermissionObject(object)
			if err != nil {
				return err
			}
			gs, err := c.ObjectGrants(ctx, o)
			if err != nil {
				return err
			}
			var got []string
			for _, g := range gs {
				if !g.IsAdmin {
					got = append(got, object+"/"+g.UserName+"="+strings.Join(slices.Sorted(slices.Values(g.Privileges)), ","))
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				return fmt.Errorf("DLI lists the grants on %s\n  %s\nwant\n  %s", object, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		}
		return nil
	})
}

// permChecks runs state checks in turn, up to the first that fails.
type permChecks []statecheck.StateCheck

func (cs permChecks) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	for _, c := range cs {
		if c.CheckState(ctx, req, resp); resp.Error != nil {
			return
		}
	}
}

// permissionsDestroyed checks that the emulator holds nothing (no grant either) after destroy.
func permissionsDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return acctest.CheckNothingLeft(env)
}

func expectPermission(addr, attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), v)
}

func setOf(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(values))
	for _, v := range values {
		checks = append(checks, knownvalue.StringExact(v))
	}
	return knownvalue.SetExact(checks)
}

// TestAccDLIPermission_lifecycle grants several privileges on a queue, a database, a table
// and a column to two users; imports; changes a set in place (the emulator shows exactly
// the grant and the revoke); detects an out-of-band revoke as drift; and on destroy of the
// permissions leaves the owner's ALL intact.
func TestAccDLIPermission_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	analyst, auditor := grantee(env, t, false, "analyst"), grantee(env, t, true, "auditor")
	n := newPermNames(env)
	objects := permissionObjects(n)
	grants := func(tableAnalyst ...string) string {
		return objects +
			permissionBlock("queue_analyst", permQueue, analyst, "SUBMIT_JOB", "CANCEL_JOB") +
			permissionBlock("queue_auditor", permQueue, auditor, "SHOW_PRIVILEGE") +
			permissionBlock("db_analyst", permDB, analyst, "CREATE_TABLE", "SELECT") +
			permissionBlock("db_auditor", permDB, auditor, "EXPLAIN") +
			permissionBlock("column_analyst", permColumn, analyst, "SELECT") +
			permissionBlock("table_analyst", permTable, analyst, tableAnalyst...) +
			permissionBlock("table_auditor", permTable, auditor, "DESCRIBE_TABLE") +
			permissionBlock("column_auditor", permColumn, auditor, "SELECT")
	}
	queue, db := "queues."+n.queue, "databases."+n.db
	table := db + ".tables." + n.table
	base := []string{
		queue + "/" + analyst + "=CANCEL_JOB,SUBMIT_JOB",
		queue + "/" + auditor + "=SHOW_PRIVILEGE",
		db + "/" + analyst + "=CREATE_TABLE,SELECT",
		db + "/" + auditor + "=EXPLAIN",
		table + ".columns.email/" + analyst + "=SELECT",
		table + "/" + auditor + "=DESCRIBE_TABLE",
		table + ".columns.email/" + auditor + "=SELECT",
	}
	tableAddr := "huaweidata_dli_permission.table_analyst"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             permissionsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(grants("SELECT", "DESCRIBE_TABLE")),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPermission(tableAddr, "id", knownvalue.StringExact(table+"/"+analyst)),
					expectPermission(tableAddr, "privileges", setOf("SELECT", "DESCRIBE_TABLE")),
					grantsHeld(env, t, append(base, table+"/"+analyst+"=DESCRIBE_TABLE,SELECT")...),
				},
			},
			{ResourceName: tableAddr, ImportState: true, ImportStateVerify: true},
			{ResourceName: "huaweidata_dli_permission.column_auditor", ImportState: true, ImportStateVerify: true},
			{ResourceName: "huaweidata_dli_permission.queue_analyst", ImportState: true, ImportStateVerify: true},
			{
				// In place: DESCRIBE_TABLE is revoked, DROP_TABLE granted, SELECT untouched.
				PreConfig:        env.ResetCounts,
				Config:           env.Config(grants("SELECT", "DROP_TABLE")),
				ConfigPlanChecks: acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPermission(tableAddr, "privileges", setOf("SELECT", "DROP_TABLE")),
					grantsHeld(env, t, append(base, table+"/"+analyst+"=DROP_TABLE,SELECT")...),
					env.ExpectRequests("RunDataAuthorizationAction", 2, 2), // one grant, one revoke
				},
			},
			{
				// A revoke made outside Terraform is drift, granted again in place.
				PreConfig: func() {
					o, _ := client.ParsePermissionObject(table)
					if err := env.Client(t).Authorize(context.Background(), o, analyst, false, []string{"DROP_TABLE"}); err != nil {
						t.Fatal(err)
					}
				},
				Config:            env.Config(grants("SELECT", "DROP_TABLE")),
				ConfigPlanChecks:  acctest.ExpectAction(tableAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{grantsHeld(env, t, append(base, table+"/"+analyst+"=DROP_TABLE,SELECT")...)},
			},
			{
				// Destroying the permissions revokes them all; the owner keeps ALL.
				Config: env.Config(objects),
				ConfigStateChecks: []statecheck.StateCheck{
					grantsHeld(env, t),
					acctest.CheckAPI(func(ctx context.Context) error {
						o, _ := client.ParsePermissionObject(table)
						gs, err := env.Client(t).ObjectGrants(ctx, o)
						if err != nil {
							return err
						}
						if len(gs) != 1 || !gs[0].IsAdmin || !slices.Equal(gs[0].Privileges, []string{"ALL"}) {
							return fmt.Errorf("table users after destroy: %+v, want only the owner with ALL", gs)
						}
						return nil
					}),
				},
			},
		},
	})
}

// TestAccDLIPermission_disappears: a user who loses every privilege outside Terraform is
// removed from state (with a warning) and granted again.
func TestAccDLIPermission_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	engineer := grantee(env, t, false, "data_engineer")
	n := newPermNames(env)
	config := env.Config(permissionObjects(n) + permissionBlock("db", permDB, engineer, "SELECT", "CREATE_VIEW"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             permissionsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					o, _ := client.ParsePermissionObject("databases." + n.db)
					return env.Client(t).Authorize(context.Background(), o, engineer, false, []string{"SELECT", "CREATE_VIEW"})
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  acctest.ExpectAction("huaweidata_dli_permission.db", plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{grantsHeld(env, t, "databases."+n.db+"/"+engineer+"=CREATE_VIEW,SELECT")},
			},
		},
	})
}

// TestAccDLIPermission_refreshCost refreshes 50 permissions on one table (50 users): they
// share the table's user list, so the refresh costs one ListTableUsers call.
func TestAccDLIPermission_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "50 IAM users added to the emulator (AddIAMUsers) as grantees")
	var blocks strings.Builder
	for i := range 50 {
		user := fmt.Sprintf("bulk_user_%02d", i)
		env.Emulator.AddIAMUsers(user)
		blocks.WriteString(permissionBlock(fmt.Sprintf("p%02d", i), permTable, user, "SELECT"))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             permissionsDestroyed(env.Env),
		Steps: []resource.TestStep{
			{Config: env.Config(permissionObjects(newPermNames(env.Env)) + blocks.String())},
			{
				PreConfig:    env.Emulator.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListTableUsers", 1, 1),
			},
		},
	})
}

// TestAccDLIPermission_planTimeValidation: every invalid object notation and every
// privilege that does not apply to the object's kind fails at plan time.
func TestAccDLIPermission_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	perm := func(object, user string, privileges ...string) string {
		return permissionBlock("p", `"`+object+`"`, user, privileges...)
	}
	notDLIObject := `(?s)object.*is not a DLI object`
	notApplicable := func(priv, kind string) string {
		return `(?s)Privilege does not apply to the object.*privilege "` + priv + `" does not apply to the ` + kind
	}
	cases := map[string]acctest.PlanError{
		"unknown prefix":         {Config: perm("tables.orders", "analyst", "SELECT"), Want: notDLIObject},
		"empty object":           {Config: perm("", "analyst", "SELECT"), Want: notDLIObject},
		"queue without name":     {Config: perm("queues.", "analyst", "SUBMIT_JOB"), Want: notDLIObject},
		"queue name with dash":   {Config: perm("queues.my-queue", "analyst", "SUBMIT_JOB"), Want: notDLIObject},
		"database trailing dot":  {Config: perm("databases.sales.", "analyst", "SELECT"), Want: notDLIObject},
		"table without name":     {Config: perm("databases.sales.tables", "analyst", "SELECT"), Want: notDLIObject},
		"misspelt tables":        {Config: perm("databases.sales.table.orders", "analyst", "SELECT"), Want: notDLIObject},
		"misspelt columns":       {Config: perm("databases.sales.tables.orders.column.id", "analyst", "SELECT"), Want: notDLIObject},
		"too deep":               {Config: perm("databases.sales.tables.orders.columns.id.x", "analyst", "SELECT"), Want: notDLIObject},
		"spark job":              {Config: perm("jobs.spark.1", "analyst", "GET"), Want: notDLIObject},
		"flink job id not digit": {Config: perm("jobs.flink.abc", "analyst", "GET"), Want: notDLIObject},
		"group with slash":       {Config: perm("groups.a/b", "analyst", "USE_GROUP"), Want: notDLIObject},
		"connection":             {Config: perm("edsconnections.503fc86a", "analyst", "BIND_QUEUE"), Want: notDLIObject},
		"queue: SELECT":          {Config: perm("queues.q1", "analyst", "SELECT"), Want: notApplicable("SELECT", "queue")},
		"queue: ALL":             {Config: perm("queues.q1", "analyst", "ALL"), Want: notApplicable("ALL", "queue")},
		"database: SUBMIT_JOB":   {Config: perm("databases.sales", "analyst", "SUBMIT_JOB"), Want: notApplicable("SUBMIT_JOB", "database")},
		"table: CREATE_TABLE":    {Config: perm("databases.sales.tables.t", "analyst", "CREATE_TABLE"), Want: notApplicable("CREATE_TABLE", "table")},
		"table: DROP_DATABASE":   {Config: perm("databases.sales.tables.t", "analyst", "DROP_DATABASE"), Want: notApplicable("DROP_DATABASE", "table")},
		"column: DROP_TABLE":     {Config: perm("databases.sales.tables.t.columns.c", "analyst", "DROP_TABLE"), Want: notApplicable("DROP_TABLE", "column")},
		"column: DESCRIBE_TABLE": {Config: perm("databases.sales.tables.t.columns.c", "analyst", "DESCRIBE_TABLE"), Want: notApplicable("DESCRIBE_TABLE", "column")},
		"flink: SUBMIT_JOB":      {Config: perm("jobs.flink.12", "analyst", "SUBMIT_JOB"), Want: notApplicable("SUBMIT_JOB", "Flink job")},
		"group: SELECT":          {Config: perm("groups.libs", "analyst", "SELECT"), Want: notApplicable("SELECT", "package group")},
		"package: GET":           {Config: perm("resources.libs/udf.jar", "analyst", "GET"), Want: notApplicable("GET", "package")},
		"lowercase privilege":    {Config: perm("databases.sales", "analyst", "select"), Want: notApplicable("select", "database")},
		"no privileges":          {Config: `resource "huaweidata_dli_permission" "p" {` + "\n" + `object = "queues.q1"` + "\n" + `user_name = "analyst"` + "\n" + `privileges = []` + "\n}", Want: `(?s)privileges.*at least 1`},
		"user name with space":   {Config: perm("queues.q1", "bad user", "SUBMIT_JOB"), Want: `(?s)user_name.*an IAM user name`},
		"user name too long":     {Config: perm("queues.q1", strings.Repeat("u", 65), "SUBMIT_JOB"), Want: `(?s)user_name.*an IAM user name`},
	}
	env.ExpectPlanErrors(t, cases)
}

// TestAccDLIPermission_importErrors: an import id that is not <object>/<user_name> fails
// with a message saying what is expected.
func TestAccDLIPermission_importErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(permissionBlock("p", `"queues.q1"`, "analyst", "SUBMIT_JOB"))
	steps := []resource.TestStep{}
	for id, want := range map[string]string{
		"queues.q1":                 `(?s)Invalid import id.*no / before the user name`,
		"tables.x/analyst":          `(?s)Invalid import id.*is not a DLI object`,
		"queues.q1/bad user":        `(?s)Invalid import id.*not an IAM user name`,
		"databases.sales.tables./x": `(?s)Invalid import id.*is not a DLI object`,
	} {
		steps = append(steps, resource.TestStep{
			Config: config, ResourceName: "huaweidata_dli_permission.p", ImportState: true, ImportStateId: id,
			ExpectError: regexp.MustCompile(want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.ProviderFactories(), Steps: steps})
}

// TestAccDLIPermission_flinkJob grants privileges on a Flink job (read through §5.7,
// ListAuthorizationPrivileges), changes them in place and imports.
func TestAccDLIPermission_flinkJob(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	service := grantee(env, t, false, "etl_service")
	job := `"jobs.flink.${huaweidata_dli_flink_sql_job.test.id}"`
	config := func(privileges ...string) string {
		return env.Config(flinkConfig(env.Name("perm_flink"), flinkSQL1, "") + permissionBlock("job", job, service, privileges...))
	}
	const addr = "huaweidata_dli_permission.job"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             permissionsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config:            config("GET", "STOP"),
				ConfigStateChecks: []statecheck.StateCheck{expectPermission(addr, "privileges", setOf("GET", "STOP"))},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true},
			{
				Config:           config("GET", "START", "STOP"),
				ConfigPlanChecks: acctest.ExpectAction(addr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPermission(addr, "privileges", setOf("GET", "START", "STOP")),
					env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
						for _, p := range emu.Inventory().Projects {
							for _, g := range p.Privileges {
								if g.Grantee == service && slices.Equal(g.Privileges, []string{"GET", "START", "STOP"}) {
									return nil
								}
							}
						}
						return fmt.Errorf("the emulator does not hold GET, START, STOP for %s on the job", service)
					}),
				},
			},
		},
	})
}

// TestAccDLIPermission_owner: the owner of an object (here the caller, demo_user, who
// created the database) holds ALL implicitly; managing it fails at apply and grants nothing;
// an unknown user fails with the API's "No such user". The owner's step runs against the
// emulator only: on a real account the caller's user name is not known to the test.
func TestAccDLIPermission_owner(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	objects := permissionObjects(newPermNames(env))
	steps := catalogEmulatorSteps(env, resource.TestStep{
		Config:      env.Config(objects + permissionBlock("owner", permDB, "demo_user", "SELECT")),
		ExpectError: regexp.MustCompile(`(?s)The user owns the object.*demo_user is the owner`),
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             permissionsDestroyed(env),
		Steps: append(steps,
			resource.TestStep{
				Config:      env.Config(objects + permissionBlock("nobody", permDB, "no_such_user", "SELECT")),
				ExpectError: regexp.MustCompile(`(?s)DLI\.0002.*No such user`),
			},
			resource.TestStep{Config: env.Config(objects), ConfigStateChecks: []statecheck.StateCheck{grantsHeld(env, t)}},
		),
	})
}

// TestAccDLIPermission_package grants privileges on a package of a group and on the group
// (objects resources.<group>/<package> and groups.<group>), imports one, changes the set in
// place (the emulator holds exactly the new set), and destroys both.
func TestAccDLIPermission_package(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	user, service := grantee(env, t, false, "analyst"), grantee(env, t, true, "etl_service")
	folder := env.Fixture(t, "OBS_PACKAGE_FOLDER", "https://perm-bucket.obs.cn-north-4.myhuaweicloud.com/jobs/") // holds etl.jar
	group := env.Name("perm_group")
	const pkgObject = `"resources.${huaweidata_dli_package.perm.id}"`
	const groupObject = `"groups.${huaweidata_dli_package.perm.group_name}"`
	config := func(privileges ...string) string {
		return env.Config(`
resource "huaweidata_dli_package" "perm" {
  group_name  = "` + group + `"
  type        = "jar"
  object_path = "` + folder + `etl.jar"
}
` + permissionBlock("pkg", pkgObject, user, privileges...) + permissionBlock("group", groupObject, service, "USE_GROUP"))
	}
	const addr = "huaweidata_dli_permission.pkg"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             permissionsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config("USE_GROUP"),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPermission(addr, "id", knownvalue.StringExact("resources."+group+"/etl.jar/"+user)),
					grantsHeld(env, t, "resources."+group+"/etl.jar/"+user+"=USE_GROUP", "groups."+group+"/"+service+"=USE_GROUP"),
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true},
			{
				Config:           config("USE_GROUP", "GET_GROUP"),
				ConfigPlanChecks: acctest.ExpectAction(addr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					grantsHeld(env, t, "resources."+group+"/etl.jar/"+user+"=GET_GROUP,USE_GROUP", "groups."+group+"/"+service+"=USE_GROUP"),
				},
			},
		},
	})
}
