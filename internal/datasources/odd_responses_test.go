package datasources_test

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

// oddCase is one read operation of a data source, answered oddly.
type oddCase struct {
	config    string // the data source and an output of its result (without the provider block)
	addr      string
	operation string // the SDK method name of the read
	truncated string // the first part of a real answer of the operation
}

// TestAccOddResponses: for each data source read operation and each odd 200 answer
// (empty, {}, null, truncated JSON, an HTML page, an envelope without the data), after a good read a refresh whose read
// is answered so (every retry) fails, naming the operation, "malformed response", the
// reason and the request id; with good answers again, the plan is empty and the result the
// same: an odd answer is never read as an empty result.
func TestAccOddResponses(t *testing.T) {
	t.Parallel()
	cases := map[string]oddCase{
		"lineage/ShowLineageBulk": {
			config: lineageConfig(`  source_database = "demo_db"`), addr: lineageAddr, operation: "ShowLineageBulk",
			truncated: `{"total":412,"data":[{"job_name":"ETL_Job_dli2dws","node_name":"dli_sql_1","input_tables":[{"database_name":"demo_db","table_na`,
		},
		"lineage/ShowDatamapLineage": {
			config: lineageConfig(`  guid = "` + emulator.DemoOrdersRawGUID + `"`), addr: lineageAddr, operation: "ShowDatamapLineage",
			truncated: `{"base_entity_guid":"` + emulator.DemoOrdersRawGUID + `","entities":[{"guid":"` + emulator.DemoOrdersRawGUID + `","type_name":"dli_ta`,
		},
		"relations/ListRelations": {
			config: relationsConfig("") + `
output "count" {
  value = length(data.huaweidata_dataarts_relations.test.relations)
}
`,
			addr: relationsAddr, operation: "ListRelations",
			truncated: `{"data":{"value":{"total":234,"records":[{"id":"1","name":"ORDERS","source_table_name":"ord`,
		},
		"node_instances/ShowInstanceInfos": {
			config: instancesConfig("937987", "ETL_Job_dli2dws", "2024-01-01T00:00:00Z", "2024-01-03T00:00:00Z") + `
output "count" {
  value = length(data.huaweidata_dataarts_node_instances.test.instances)
}
`,
			addr: instancesAddr, operation: "ShowInstanceInfos",
			truncated: `{"status_code":200,"body":"{\"msg\":\"success\",\"total\":48,\"rows\":[{\"status\":\"succ`,
		},
		// issue 14: quotas
		"quotas/ShowQuota": {
			config: `
data "huaweidata_dli_quotas" "test" {}

output "count" {
  value = length(data.huaweidata_dli_quotas.test.quotas)
}
`,
			addr: "data.huaweidata_dli_quotas.test", operation: "ShowQuota",
			truncated: `{"is_success":true,"quotas":{"resources":[{"type":"CU","min":0,"max":100000,"quota":16384,"us`,
		},
		"permissions/ListDatabaseUsers": { // permissions
			config: `
data "huaweidata_dli_permissions" "test" {
  object = "databases.default"
}

output "count" {
  value = length(data.huaweidata_dli_permissions.test.permissions)
}
`,
			addr: "data.huaweidata_dli_permissions.test", operation: "ListDatabaseUsers",
			truncated: `{"is_success":true,"message":"","database_name":"default","privileges":[{"is_admin":true,"user_n`,
		},
		// issue 17: resource packages
		"packages/ListJobResources": {
			config: `
data "huaweidata_dli_packages" "test" {}

output "count" {
  value = length(data.huaweidata_dli_packages.test.packages)
}
`,
			addr: packagesAddr, operation: "ListJobResources",
			truncated: `{"resources":[],"modules":[],"groups":[{"group_name":"acc_group","status":"READY","resources":["etl.jar"],"det`,
		},
		// datasource auth (issue 17)
		"datasource_auths/ListJobAuthInfos": {
			config: `
data "huaweidata_dli_datasource_auths" "test" {}

output "count" {
  value = length(data.huaweidata_dli_datasource_auths.test.auths)
}
`,
			addr: "data.huaweidata_dli_datasource_auths.test", operation: "ListJobAuthInfos",
			truncated: `{"is_success":true,"message":"","count":3,"auth_infos":[{"auth_info_name":"kafka_auth","datasource_ty`,
		},
		// issue 16: job lists
		"sql_jobs/ListSqlJobs": {
			config: `
data "huaweidata_dli_sql_jobs" "test" {}

output "count" {
  value = length(data.huaweidata_dli_sql_jobs.test.jobs)
}
`,
			addr: "data.huaweidata_dli_sql_jobs.test", operation: "ListSqlJobs",
			truncated: `{"is_success":true,"message":"","job_count":1,"jobs":[{"job_id":"95fcc908-9f1b-446c-8643-5653891d9fd9","status":"FINI`,
		},
		"batch_jobs/ListSparkJobs": {
			config: `
data "huaweidata_dli_batch_jobs" "test" {}

output "count" {
  value = length(data.huaweidata_dli_batch_jobs.test.jobs)
}
`,
			addr: "data.huaweidata_dli_batch_jobs.test", operation: "ListSparkJobs",
			truncated: `{"from":0,"total":1,"sessions":[{"id":"0a324461-d9d9-45da-a52a-3b3c7a3d809e","state":"succ`,
		},
		// issue 18 item 4: list data sources
		"dli_databases/ListDatabases": {
			config: listConfig("huaweidata_dli_databases", "", "databases"), addr: "data.huaweidata_dli_databases.test", operation: "ListDatabases",
			truncated: `{"is_success":true,"message":"","database_count":3,"databases":[{"database_name":"default","owner":"dli_sys`,
		},
		"dli_tables/ListTables": {
			config: listConfig("huaweidata_dli_tables", `  database_name = "default"`, "tables"), addr: "data.huaweidata_dli_tables.test", operation: "ListTables",
			truncated: `{"is_success":true,"message":"","table_count":1,"tables":[{"create_time":1517364268000,"data_location":"OBS","table_na`,
		},
		"dli_global_variables/ListGlobalVariables": {
			config: listConfig("huaweidata_dli_global_variables", "", "variables"), addr: "data.huaweidata_dli_global_variables.test",
			operation: "ListGlobalVariables",
			truncated: `{"is_success":true,"message":"","count":2,"global_vars":[{"id":1,"var_name":"acc_regi`,
		},
		"dli_connections/ListEnhancedConnections": {
			config: listConfig("huaweidata_dli_connections", "", "connections"), addr: "data.huaweidata_dli_connections.test",
			operation: "ListEnhancedConnections",
			truncated: `{"is_success":true,"message":"","count":1,"connections":[{"name":"withvpc","id":"4c693ecc-ba`,
		},
		// issue 16 part B: Flink jobs
		"flink_jobs/ListFlinkJobs": {
			config: `
data "huaweidata_dli_flink_jobs" "test" {}

output "count" {
  value = length(data.huaweidata_dli_flink_jobs.test.jobs)
}
`,
			addr: "data.huaweidata_dli_flink_jobs.test", operation: "ListFlinkJobs",
			truncated: `{"is_success":"true","message":"","job_list":{"total_count":0,"jobs":[`,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// The odd answers are the emulator's (Replace); the DataArts reads need its fixture.
			env := acctest.NewEmulatedEnv(t, "odd answers injected by the emulator")
			cfg := withDataArts(env.Env, c.config)
			sameID := statecheck.CompareValue(compare.ValuesSame())
			steps := []resource.TestStep{{
				Config:            cfg,
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(c.addr, tfjsonpath.New("id"))},
			}}
			for _, b := range acctest.OddBodies(c.truncated) {
				steps = append(steps,
					resource.TestStep{
						PreConfig: func() {
							env.Emulator.ResetCounts()
							rep := emulator.Replacement{Operation: c.operation, Status: 200, Body: b.Body, ContentType: b.ContentType, Count: acctest.OddAttempts}
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
							if n := env.Count(c.operation); n != acctest.OddAttempts {
								t.Errorf("%s body: the failed refresh sent %d %s requests, want %d", b.Name, n, c.operation, acctest.OddAttempts)
							}
							env.Emulator.ClearReplacements()
						},
						Config:            cfg,
						ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
						ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(c.addr, tfjsonpath.New("id"))},
					})
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.ProviderFactories(), Steps: steps})
		})
	}
}

// listConfig is a list data source of type typ with body, and an output of the size of its
// result attribute.
func listConfig(typ, body, result string) string {
	return fmt.Sprintf("data %q \"test\" {\n%s\n}\n\noutput \"count\" {\n  value = length(data.%s.test.%s)\n}\n", typ, body, typ, result)
}
