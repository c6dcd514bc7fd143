package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// oddCase is one read operation of a resource's refresh, answered oddly.
type oddCase struct {
	config    string // the configuration (without the provider block)
	addr      string // the resource under test
	operation string // the SDK method name of the read
	truncated string // the first part of a real answer of the operation
	kind      string // the emulator inventory kind and name of the object (inventoryCount)
	name      string
	// attempts is how many requests of operation the failed refresh sends (0: acctest.OddAttempts).
	attempts int
}

// oddResponseSteps creates the object, then for each odd body: a refresh whose read of
// c.operation is answered with it (every retry) must fail, naming the operation, the
// reason and the request id; the next plan, with real answers again, must be empty and
// the object must still be in the emulator with the same id. A malformed answer taken as
// data, or as "not found", would change the state or plan a create or replacement.
func oddResponseSteps(t *testing.T, env *acctest.EmulatedEnv, c oddCase) []resource.TestStep {
	cfg := env.Config(c.config)
	attempts := c.attempts
	if attempts == 0 {
		attempts = acctest.OddAttempts
	}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	exists := func() statecheck.StateCheck {
		return acctest.CheckAPI(func(context.Context) error {
			if n := inventoryCount(env.Env, c.kind, c.name); n != 1 {
				return fmt.Errorf("the emulator holds %d %s %q, want 1", n, c.kind, c.name)
			}
			return nil
		})
	}
	steps := []resource.TestStep{{
		Config:            cfg,
		ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(c.addr, tfjsonpath.New("id")), exists()},
	}}
	for _, b := range acctest.OddBodies(c.truncated) {
		steps = append(steps,
			resource.TestStep{
				PreConfig: func() {
					env.Emulator.ResetCounts()
					rep := emulator.Replacement{Operation: c.operation, Status: 200, Body: b.Body, ContentType: b.ContentType, Count: attempts}
					if err := env.Emulator.Replace(rep); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState: true,
				ExpectError: regexp.MustCompile(`(?s)` + c.operation + `.*malformed\s+response.*HTTP\s+200.*` + b.Why +
					`.*request\s+id\s+\S+`),
			},
			resource.TestStep{
				PreConfig: func() {
					// Every attempt of the failed read got the odd answer, and no more were sent.
					if p := env.Emulator.PendingReplacements(); len(p) != 0 {
						t.Errorf("%s body: %d odd answers of %s were not used: the read was not retried max_retries times", b.Name, p[0].Count, c.operation)
					}
					if n := env.Count(c.operation); n != attempts {
						t.Errorf("%s body: the failed refresh sent %d %s requests, want %d", b.Name, n, c.operation, attempts)
					}
					env.Emulator.ClearReplacements()
				},
				Config:            cfg,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(c.addr, tfjsonpath.New("id")), exists()},
			})
	}
	return steps
}

// oddCases are the read operations of every resource's refresh, their objects named by n
// (the test's Env.Name) where the configuration takes a name; the table, connection, grant
// and package configurations shared with other tests have fixed names (each test has its
// own emulator).
func oddCases(n func(string) string) map[string]oddCase {
	return map[string]oddCase{
		"queue/ListQueues": {
			config: queueConfig(n("odd"), 16, ""), addr: queueAddr, operation: "ListQueues",
			truncated: `{"is_success":true,"message":"","queues":[{"queue_name":"acc_odd","description":"","owner":"demo_user","cu_count":1`,
			kind:      "queue", name: n("odd"),
		},
		"global_variable/ListGlobalVariables": {
			config: variableConfig(n("odd"), `  value = "v1"`), addr: varAddr, operation: "ListGlobalVariables",
			truncated: `{"is_success":true,"message":"","count":1,"global_vars":[{"id":1,"var_name":"acc_odd","var_val`,
			kind:      "global_variable", name: n("odd"),
		},
		"database/ListDatabases": {
			config: databaseConfig(n("odd"), ""), addr: dbAddr, operation: "ListDatabases",
			truncated: `{"is_success":true,"message":"","database_count":2,"databases":[{"database_name":"acc_odd","owner":"demo`,
			kind:      "database", name: n("odd"),
		},
		"table/ShowTable": {
			config: oddTableConfig, addr: tableAddr, operation: "ShowTable",
			truncated: `{"is_success":true,"message":"","column_count":2,"columns":[{"column_name":"id","type":"bigint","is_partition_col`,
			kind:      "table", name: "acc_catalog/orders",
		},
		// A table's refresh reads no listing (owner and create time are read at create and
		// import), so ListTables is covered by TestAccOddResponses_create.
		"flink_sql_job/ShowFlinkJob": {
			config: flinkConfig(n("odd"), flinkSQL1, ""), addr: flinkAddr, operation: "ShowFlinkJob",
			truncated: `{"is_success":"true","message":"","job_detail":{"job_id":1,"name":"acc_odd","desc":"","job_type":"flink_sql_jo`,
			kind:      "flink_job", name: n("odd"),
		},
		"batch_job/ShowSparkJob": {
			config: batchConfig(n("oddq"), sparkPi+`  name = "`+n("odd")+`"`), addr: batchAddr, operation: "ShowSparkJob",
			truncated: `{"id":"0a324461-d9d9-45da-a52a-3b3c7a3d809e","state":"success","appId":null,"log":["26/12/01 09:00:00 INFO`,
			kind:      "spark_batch", name: n("odd"),
		},
		"connection/ShowEnhancedConnection": {
			config: bareConn(""), addr: connAddr, operation: "ShowEnhancedConnection",
			truncated: `{"is_success":true,"message":"","id":"2a620c33-5609-40c9-affd-2b6453071b0f","name":"acc_conn","status":"ACT`,
			kind:      "enhanced_connection", name: "acc_conn",
		},
		// issue 14: queue scaling plans
		"queue_scaling_plan/ListQueuePlans": {
			config: planConfig(n("oddq"), planNight), addr: planAddr, operation: "ListQueuePlans",
			truncated: `{"is_success":true,"message":"","plans":[{"id":2,"plan_name":"night","target_cu":32,"start_hour":20,"start_mi`,
			kind:      "queue_plan", name: n("oddq") + "/night",
		},
		"permission/ListDatabaseUsers": { // permissions
			config: oddPermissionConfig, addr: oddPermissionAddr, operation: "ListDatabaseUsers",
			truncated: `{"is_success":true,"message":"","database_name":"acc_odd","privileges":[{"is_admin":true,"user_name":"demo_u`,
			kind:      "privilege", name: "databases.acc_odd/analyst",
		},
		// issue 17: resource packages
		"package/ShowJobResource": {
			config: packageConfig("odd.jar", ""), addr: pkgAddr, operation: "ShowJobResource",
			truncated: `{"create_time":1700000000000,"update_time":1700000000000,"resource_type":"jar","resource_name":"odd.j`,
			kind:      "resource_package", name: "acc_group/odd.jar",
		},
		// datasource auth (issue 17)
		"datasource_auth/ListJobAuthInfos": {
			config: authConfig(n("odd"), "passwd", "  username = \"u\"\n  password = \"p\""), addr: authAddr, operation: "ListJobAuthInfos",
			truncated: `{"is_success":true,"message":"","count":1,"auth_infos":[{"auth_info_name":"acc_odd","user_name":"u","dataso`,
			kind:      "datasource_auth", name: n("odd"),
		},
		// issue 16: SQL jobs
		"sql_job/ShowSqlJobStatus": {
			config: sqlJobOnDefaultQueue("select '" + n("odd") + "' as x"), addr: sqlJobAddr, operation: "ShowSqlJobStatus",
			truncated: `{"is_success":true,"message":"","job_id":"95fcc908-9f1b-446c-8643-5653891d9fd9","job_type":"QUERY","status":"FINI`,
			kind:      "sql_job", name: "select '" + n("odd") + "' as x",
		},
		"sql_template/ListSqlJobTemplates": {
			config: sqlTemplateConfig(n("odd"), "select 1", ""), addr: sqlTemplateAddr, operation: "ListSqlJobTemplates",
			truncated: `{"is_success":true,"message":"","sql_count":1,"sqls":[{"sql_id":"2f3a`,
			kind:      "sql_template", name: n("odd"),
		},
		"spark_template/ShowSparkJobTemplate": {
			config: sparkTemplateConfig(n("odd"), `    file = "a.jar"`), addr: sparkTemplateAddr, operation: "ShowSparkJobTemplate",
			truncated: `{"type":"SPARK","id":"6b1d0c1e-0a8b-4c47-9bb5-0e8d1f6c2a11","name":"acc_odd","body":{"file":"a.j`,
			kind:      "spark_template", name: n("odd"),
		},
		// issue 14: elastic resource pools
		"elastic_resource_pool/ListElasticResourcePools": {
			config: poolConfig(n("odd"), 64, 64, ""), addr: poolAddr, operation: "ListElasticResourcePools",
			truncated: `{"is_success":true,"message":"","count":1,"elastic_resource_pools":[{"elastic_resource_pool_name":"acc_odd","id":1,"resou`,
			kind:      "elastic_resource_pool", name: n("odd"),
		},
		// issue 16 part B: Flink Jar jobs
		"flink_jar_job/ShowFlinkJob": {
			config: jarConfig(n("odd"), "-rate 1", ""), addr: jarAddr, operation: "ShowFlinkJob",
			truncated: `{"is_success":"true","message":"","job_detail":{"job_id":2,"name":"acc_odd","desc":"","job_type":"flink_jar_jo`,
			kind:      "flink_job", name: n("odd"),
		},
		"flink_template/ListFlinkSqlJobTemplates": {
			config: templateConfig(n("odd"), flinkSQL1, ""), addr: templateAddr, operation: "ListFlinkSqlJobTemplates",
			truncated: `{"is_success":true,"message":"","template_list":{"total_count":1,"templates":[{"template_id":1,"name":"acc_od`,
			kind:      "flink_template", name: n("odd"),
		},
	}
}

func TestAccOddResponses(t *testing.T) {
	t.Parallel()
	for name := range oddCases(func(base string) string { return base }) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEmulatedEnv(t, "odd answers injected with Replace")
			c := oddCases(env.Name)[name]
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				CheckDestroy:             noLeftovers(env.Env),
				Steps:                    oddResponseSteps(t, env, c),
			})
		})
	}
}

// TestAccOddResponses_create: the same odd answers (an empty body) to the reads a create
// makes after it took effect (waiters, read-back) fail the apply, but the object is in
// state (tainted), never orphaned: the next apply replaces it and converges on exactly one
// object.
func TestAccOddResponses_create(t *testing.T) {
	t.Parallel()
	for name := range oddCases(func(base string) string { return base }) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEmulatedEnv(t, "odd answers injected with ReplaceNextResponse")
			c := oddCases(env.Name)[name]
			cfg := env.Config(c.config)
			want := 1
			if c.kind == "spark_batch" || c.kind == "sql_job" {
				want = 2 // the tainted job is replaced by a new run; the first run stays in DLI's history
			}
			exactlyOne := acctest.CheckAPI(func(context.Context) error {
				if n := inventoryCount(env.Env, c.kind, c.name); n != want {
					return fmt.Errorf("the emulator holds %d %s %q, want %d", n, c.kind, c.name, want)
				}
				return nil
			})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				CheckDestroy:             noLeftovers(env.Env),
				Steps: []resource.TestStep{
					{
						PreConfig: func() {
							env.Emulator.ReplaceNextResponse(c.operation, 200, "", 4*acctest.OddAttempts)
						},
						Config:      cfg,
						ExpectError: regexp.MustCompile(`(?s)` + c.operation + `.*malformed\s+response.*request\s+id\s+\S+`),
					},
					{
						PreConfig:         env.Emulator.ClearReplacements,
						Config:            cfg,
						ConfigStateChecks: []statecheck.StateCheck{exactlyOne},
					},
					{
						Config:            cfg,
						ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
						ConfigStateChecks: []statecheck.StateCheck{exactlyOne},
					},
				},
			})
		})
	}
}

// oddTableConfig is a table that destroy may drop.
var oddTableConfig = tableConfig(`  data_location = "DLI"
  deletion_protection = false
` + columns("id bigint", "name string"))

// inventoryObject is one object the emulator holds: its name and the id a resource of its
// kind has in state.
type inventoryObject struct{ name, id string }

// inventoryObjects lists the emulator's objects of a kind ("queue", "database", "table",
// "global_variable", "flink_job", "spark_batch", "enhanced_connection", "queue_plan"): everything that
// exists, finished batch runs included; deleted Flink jobs and DELETED connections are
// gone. A table's name is "database/table". It is emulator-only (EmulatorOnly): against a
// real account it lists nothing, so a caller that can run there gates its use.
func inventoryObjects(env *acctest.Env, kind string) []inventoryObject {
	var out []inventoryObject
	_ = env.EmulatorOnly(func(emu *emulator.Emulator) error {
		out = emulatorObjects(emu, kind)
		return nil
	})
	return out
}

// emulatorObjects is inventoryObjects of emu.
func emulatorObjects(emu *emulator.Emulator, kind string) []inventoryObject {
	p := emu.Inventory().Projects[emulator.DemoProjectID]
	var out []inventoryObject
	switch kind {
	case "queue":
		for _, q := range p.Queues {
			out = append(out, inventoryObject{q.Name, q.Name})
		}
	case "database":
		for _, d := range p.Databases {
			if !d.BuiltIn {
				out = append(out, inventoryObject{d.Name, d.Name})
			}
		}
	case "table":
		for _, t := range p.Tables {
			out = append(out, inventoryObject{t.ID, t.ID})
		}
	case "global_variable":
		for _, v := range p.GlobalVariables {
			out = append(out, inventoryObject{v.Name, v.Name})
		}
	case "flink_job":
		for _, j := range p.FlinkJobs {
			if !j.Deleted {
				out = append(out, inventoryObject{j.Name, strconv.FormatInt(j.ID, 10)})
			}
		}
	case "spark_batch":
		for _, b := range p.SparkBatches {
			out = append(out, inventoryObject{b.Name, b.ID})
		}
	case "enhanced_connection":
		for _, c := range p.EnhancedConnections {
			if c.Status != "DELETED" {
				out = append(out, inventoryObject{c.Name, c.ID})
			}
		}
	case "queue_plan": // issue 14: named "queue/plan name", with the id "queue/plan_id"
		for _, pl := range p.QueuePlans {
			out = append(out, inventoryObject{pl.Queue + "/" + pl.Name, pl.ID})
		}
	case "privilege": // permissions: named and identified by <object>/<grantee>
		for _, g := range p.Privileges {
			out = append(out, inventoryObject{g.Object + "/" + g.Grantee, g.Object + "/" + g.Grantee})
		}
	case "resource_package": // issue 17: the name and the id are "group/name"
		for _, pk := range p.ResourcePackages {
			out = append(out, inventoryObject{pk.ID, pk.ID})
		}
	case "datasource_auth": // issue 17
		for _, a := range p.DatasourceAuths {
			out = append(out, inventoryObject{a.Name, a.Name})
		}
	case "sql_job": // issue 16: a job's name is its statement
		for _, j := range p.SQLJobs {
			out = append(out, inventoryObject{j.Statement, j.ID})
		}
	case "sql_template", "spark_template", "flink_template": // issue 16 (flink_template: part B)
		for _, tpl := range p.JobTemplates {
			if strings.ToLower(tpl.Type)+"_template" == kind {
				out = append(out, inventoryObject{tpl.Name, tpl.ID})
			}
		}
	case "elastic_resource_pool": // issue 14
		for _, pl := range p.ElasticPools {
			out = append(out, inventoryObject{pl.Name, pl.Name})
		}
	default:
		panic("inventoryObjects: unknown kind " + kind)
	}
	return out
}

// inventoryIDs returns the ids of the emulator's objects of a kind with that name.
func inventoryIDs(env *acctest.Env, kind, name string) []string {
	var ids []string
	for _, o := range inventoryObjects(env, kind) {
		if o.name == name {
			ids = append(ids, o.id)
		}
	}
	return ids
}

// inventoryCount is how many objects of a kind with that name the emulator holds.
func inventoryCount(env *acctest.Env, kind, name string) int {
	return len(inventoryIDs(env, kind, name))
}

// noLeftovers is a CheckDestroy that nothing a destroy should have removed is left
// (acctest.CheckNothingLeft: the emulator's inventory, or in real mode the objects named
// with the test's prefix) and, against the emulator, that it holds no object twice.
func noLeftovers(env *acctest.Env) resource.TestCheckFunc {
	nothingLeft := acctest.CheckNothingLeft(env)
	return func(s *terraform.State) error {
		if err := nothingLeft(s); err != nil {
			return err
		}
		return env.EmulatorOnly(func(emu *emulator.Emulator) error {
			if d := emu.Inventory().Duplicates(); len(d) > 0 {
				return fmt.Errorf("duplicates after destroy: %s", strings.Join(d, "; "))
			}
			return nil
		})
	}
}
