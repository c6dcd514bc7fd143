package resources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// oddAttempts is how many answers one API call reads before it gives up: a malformed 2xx
// is retried like a 5xx, max_retries (5 in the acceptance tests' provider) times.
const oddAttempts = 5 + 1

// oddBody is a 2xx answer the client must refuse: why names the reason the error gives.
type oddBody struct {
	name, body, contentType, why string
}

// oddBodies are the odd 200 answers every refresh read is tried with; truncated is the
// first part of a real answer of the operation.
func oddBodies(truncated string) []oddBody {
	return []oddBody{
		{"empty", "", "", `body\s+is\s+empty`},
		{"empty object", "{}", "", `(lacks|empty\s+object)`},
		{"null", "null", "", `body\s+is\s+null`},
		{"truncated", truncated, "", `not\s+the\s+expected\s+JSON`},
		{"html", "<html><body>Bad Gateway</body></html>", "text/html", `body\s+is\s+not\s+JSON`},
	}
}

// oddCase is one read operation of a resource's refresh, answered oddly.
type oddCase struct {
	config    string // the configuration (without the provider block)
	addr      string // the resource under test
	operation string // the SDK method name of the read
	truncated string // the first part of a real answer of the operation
	kind      string // the emulator inventory kind and name of the object (inventoryCount)
	name      string
}

// oddResponseSteps creates the object, then for each odd body: a refresh whose read of
// c.operation is answered with it (every retry) must fail, naming the operation, the
// reason and the request id; the next plan, with real answers again, must be empty and
// the object must still be in the emulator with the same id. A malformed answer taken as
// data, or as "not found", would change the state or plan a create or replacement.
func oddResponseSteps(t *testing.T, env *acctest.Env, c oddCase) []resource.TestStep {
	cfg := env.Config(c.config)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	stillThere := acctest.CheckEmulator(func(ctx_ any) error { return nil })
	_ = stillThere
	exists := func() statecheck.StateCheck {
		return acctest.CheckEmulatorFunc(func() error {
			if n := inventoryCount(env, c.kind, c.name); n != 1 {
				return fmt.Errorf("the emulator holds %d %s %q, want 1", n, c.kind, c.name)
			}
			return nil
		})
	}
	steps := []resource.TestStep{{
		Config:            cfg,
		ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(c.addr, tfjsonpath.New("id")), exists()},
	}}
	for _, b := range oddBodies(c.truncated) {
		steps = append(steps,
			resource.TestStep{
				PreConfig: func() {
					env.Emulator.ResetCounts()
					rep := emulator.Replacement{Operation: c.operation, Status: 200, Body: b.body, ContentType: b.contentType, Count: oddAttempts}
					if err := env.Emulator.Replace(rep); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState: true,
				ExpectError: regexp.MustCompile(`(?s)` + c.operation + `.*malformed\s+response.*HTTP\s+200.*` + b.why +
					`.*request\s+id\s+\S+`),
			},
			resource.TestStep{
				PreConfig: func() {
					// Every attempt of the failed read got the odd answer, and no more were sent.
					if p := env.Emulator.PendingReplacements(); len(p) != 0 {
						t.Errorf("%s body: %d odd answers of %s were not used: the read was not retried max_retries times", b.name, p[0].Count, c.operation)
					}
					if n := env.Count(c.operation); n != oddAttempts {
						t.Errorf("%s body: the failed refresh sent %d %s requests, want %d (one call, retried max_retries times)", b.name, n, c.operation, oddAttempts)
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

func TestAccOddResponses(t *testing.T) {
	t.Parallel()
	cases := map[string]oddCase{
		"queue/ListQueues": {
			config: queueConfig("acc_odd", 16, ""), addr: queueAddr, operation: "ListQueues",
			truncated: `{"is_success":true,"message":"","queues":[{"queue_name":"acc_odd","description":"","owner":"demo_user","cu_count":1`,
			kind:      "queue", name: "acc_odd",
		},
		"global_variable/ListGlobalVariables": {
			config: variableConfig("acc_odd", `  value = "v1"`), addr: varAddr, operation: "ListGlobalVariables",
			truncated: `{"is_success":true,"message":"","count":1,"global_vars":[{"id":1,"var_name":"acc_odd","var_val`,
			kind:      "global_variable", name: "acc_odd",
		},
		"database/ListDatabases": {
			config: databaseConfig("acc_odd", ""), addr: dbAddr, operation: "ListDatabases",
			truncated: `{"is_success":true,"message":"","database_count":2,"databases":[{"database_name":"acc_odd","owner":"demo`,
			kind:      "database", name: "acc_odd",
		},
		"table/ShowTable": {
			config: oddTableConfig, addr: tableAddr, operation: "ShowTable",
			truncated: `{"is_success":true,"message":"","column_count":2,"columns":[{"column_name":"id","type":"bigint","is_partition_col`,
			kind:      "table", name: "acc_catalog/orders",
		},
		"table/ListTables": {
			config: oddTableConfig, addr: tableAddr, operation: "ListTables",
			truncated: `{"is_success":true,"message":"","table_count":1,"tables":[{"table_name":"orders","owner":"demo_user","create_t`,
			kind:      "table", name: "acc_catalog/orders",
		},
		"flink_sql_job/ShowFlinkJob": {
			config: flinkConfig("acc_odd", flinkSQL1, ""), addr: flinkAddr, operation: "ShowFlinkJob",
			truncated: `{"is_success":"true","message":"","job_detail":{"job_id":1,"name":"acc_odd","desc":"","job_type":"flink_sql_jo`,
			kind:      "flink_job", name: "acc_odd",
		},
		"batch_job/ShowSparkJob": {
			config: batchConfig("acc_oddq", sparkPi+`  name = "acc_odd"`), addr: batchAddr, operation: "ShowSparkJob",
			truncated: `{"id":"0a324461-d9d9-45da-a52a-3b3c7a3d809e","state":"success","appId":null,"log":["26/12/01 09:00:00 INFO`,
			kind:      "spark_batch", name: "acc_odd",
		},
		"connection/ShowEnhancedConnection": {
			config: bareConn(""), addr: connAddr, operation: "ShowEnhancedConnection",
			truncated: `{"is_success":true,"message":"","id":"2a620c33-5609-40c9-affd-2b6453071b0f","name":"acc_conn","status":"ACT`,
			kind:      "enhanced_connection", name: "acc_conn",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				CheckDestroy:             noLeftovers(env),
				Steps:                    oddResponseSteps(t, env, c),
			})
		})
	}
}

// oddTableConfig is a table that destroy may drop.
var oddTableConfig = tableConfig(`  data_location = "DLI"
  deletion_protection = false
` + columns("id bigint", "name string"))
