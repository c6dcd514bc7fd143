package resources_test

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// teamTag is the tag team=<team>.
func teamTag(team string) *[]model.Tag { return &[]model.Tag{{Key: "team", Value: team}} }

// listBlock is a list block of the query configuration, without resources.
func listBlock(typ, name, config string) string {
	return fmt.Sprintf("\nlist %q %q {\n  provider = huaweidata\n  config {\n%s\n  }\n}\n", typ, name, config)
}

// TestAccListFilters: every filter of every list resource narrows the results as it says,
// through DLI's own filter where the list API has one; batch jobs are listed too.
func TestAccListFilters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := env.Client(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "fa_sql", CuCount: 16, Tags: teamTag("a")}))
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "fb_general", CuCount: 16, QueueType: ptr.Of("general"), Tags: teamTag("b")}))
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "fc_sql", CuCount: 16}))
	must(c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "sales", Tags: teamTag("a")}))
	must(c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "hr"}))
	cols := []model.Column{{ColumnName: "id", Type: "int"}}
	must(c.CreateTable(ctx, "sales", &model.CreateTableRequestBody{TableName: "orders", DataLocation: "DLI", Columns: cols}))
	must(c.CreateTable(ctx, "sales", &model.CreateTableRequestBody{TableName: "order_files", DataLocation: "OBS", Columns: cols,
		DataType: ptr.Of("csv"), DataPath: ptr.Of("obs://bucket/orders/")}))
	must(c.CreateTable(ctx, "sales", &model.CreateTableRequestBody{TableName: "refunds", DataLocation: "DLI", Columns: cols}))
	for _, v := range []string{"env_name", "env_region", "owner"} {
		must(c.CreateGlobalVariable(ctx, &model.CreateGlobalVariableRequestBody{VarName: v, VarValue: "x"}))
	}
	sql := ptr.Of("INSERT INTO sink SELECT 1;")
	onQueue, err := c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{Name: "stream_a", SqlBody: sql,
		QueueName: ptr.Of("fb_general"), RunMode: ptr.Of("exclusive_cluster"), Tags: teamTag("a")})
	must(err)
	_, err = c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{Name: "stream_b", SqlBody: sql})
	must(err)
	connA, err := c.CreateEnhancedConnection(ctx, &model.CreateEnhancedConnectionRequestBody{Name: "peer_a", DestVpcId: "vpc-1", DestNetworkId: "net-1", Tags: teamTag("a")})
	must(err)
	_, err = c.CreateEnhancedConnection(ctx, &model.CreateEnhancedConnectionRequestBody{Name: "peer_b", DestVpcId: "vpc-1", DestNetworkId: "net-1"})
	must(err)
	var nightly string
	for _, name := range []string{"nightly", "hourly"} {
		job, err := c.CreateBatchJob(ctx, &client.BatchJobRequest{File: "obs://bucket/app.jar", ClassName: "Main", Queue: "fb_general", Name: ptr.Of(name)})
		must(err)
		if name == "nightly" {
			nightly = job.ID
		}
	}

	blocks := map[string]string{
		"huaweidata_dli_queue.sql":                `    queue_type = "sql"`,
		"huaweidata_dli_queue.regex":              `    name_regex = "^f[ab]_"`,
		"huaweidata_dli_queue.tagged":             `    tags = { team = "b" }`,
		"huaweidata_dli_database.tagged":          `    tags = { team = "a" }`,
		"huaweidata_dli_database.regex":           `    name_regex = "^h"`,
		"huaweidata_dli_table.managed":            "    database_name = \"sales\"\n    table_type = \"MANAGED\"",
		"huaweidata_dli_table.regex":              "    database_name = \"sales\"\n    name_regex = \"^order\"",
		"huaweidata_dli_global_variable.regex":    `    name_regex = "^env_"`,
		"huaweidata_dli_flink_sql_job.queue":      `    queue_name = "fb_general"`,
		"huaweidata_dli_flink_sql_job.tagged":     `    tags = { team = "a" }`,
		"huaweidata_dli_flink_sql_job.running":    `    status = "job_running"`,
		"huaweidata_dli_flink_sql_job.regex":      `    name_regex = "_b$"`,
		"huaweidata_dli_connection.tagged":        `    tags = { team = "a" }`,
		"huaweidata_dli_connection.active":        `    status = "ACTIVE"`,
		"huaweidata_dli_connection.regex":         `    name_regex = "b$"`,
		"huaweidata_dli_batch_job.queue":          `    queue_name = "fb_general"`,
		"huaweidata_dli_batch_job.regex":          `    name_regex = "^night"`,
		"huaweidata_dli_batch_job.other_queue":    `    queue_name = "fa_sql"`,
		"huaweidata_dli_global_variable.all_vars": ``,
	}
	want := map[string]int{
		"huaweidata_dli_queue.sql": 2, "huaweidata_dli_queue.regex": 2, "huaweidata_dli_queue.tagged": 1,
		"huaweidata_dli_database.tagged": 1, "huaweidata_dli_database.regex": 1,
		"huaweidata_dli_table.managed": 2, "huaweidata_dli_table.regex": 2,
		"huaweidata_dli_global_variable.regex": 2, "huaweidata_dli_global_variable.all_vars": 3,
		"huaweidata_dli_flink_sql_job.queue": 1, "huaweidata_dli_flink_sql_job.tagged": 1,
		"huaweidata_dli_flink_sql_job.running": 0, "huaweidata_dli_flink_sql_job.regex": 1,
		"huaweidata_dli_connection.tagged": 1, "huaweidata_dli_connection.active": 2, "huaweidata_dli_connection.regex": 1,
		"huaweidata_dli_batch_job.queue": 2, "huaweidata_dli_batch_job.regex": 1, "huaweidata_dli_batch_job.other_queue": 0,
	}
	query := env.ProviderBlock()
	var checks []querycheck.QueryResultCheck
	for _, addr := range slices.Sorted(maps.Keys(blocks)) {
		typ, name, _ := strings.Cut(addr, ".")
		query += listBlock(typ, name, blocks[addr])
		checks = append(checks, querycheck.ExpectLength(addr, want[addr]))
	}
	// limit: the first results in name order, no more.
	query += "\nlist \"huaweidata_dli_global_variable\" \"first_two\" {\n  provider = huaweidata\n  limit    = 2\n}\n"
	checks = append(checks,
		querycheck.ExpectLength("huaweidata_dli_global_variable.first_two", 2),
		querycheck.ExpectIdentity("huaweidata_dli_global_variable.first_two", map[string]knownvalue.Check{"name": knownvalue.StringExact("env_region")}),
		querycheck.ExpectNoIdentity("huaweidata_dli_global_variable.first_two", map[string]knownvalue.Check{"name": knownvalue.StringExact("owner")}),
		querycheck.ExpectIdentity("huaweidata_dli_queue.tagged", map[string]knownvalue.Check{"name": knownvalue.StringExact("fb_general")}),
		querycheck.ExpectIdentity("huaweidata_dli_database.tagged", map[string]knownvalue.Check{"name": knownvalue.StringExact("sales")}),
		querycheck.ExpectIdentity("huaweidata_dli_table.managed", map[string]knownvalue.Check{
			"database_name": knownvalue.StringExact("sales"), "name": knownvalue.StringExact("refunds"),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_sql_job.tagged", map[string]knownvalue.Check{"job_id": knownvalue.Int64Exact(onQueue)}),
		querycheck.ExpectIdentity("huaweidata_dli_connection.tagged", map[string]knownvalue.Check{"id": knownvalue.StringExact(connA)}),
		querycheck.ExpectIdentity("huaweidata_dli_batch_job.regex", map[string]knownvalue.Check{"id": knownvalue.StringExact(nightly)}),
	)
	before := env.Emulator.RequestCounts()
	invalid := func(block, want string) resource.TestStep {
		return resource.TestStep{Query: true, Config: env.ProviderBlock() + block, ExpectError: regexp.MustCompile(want)}
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			// Plan-time rules: each one names the attribute and the rule, before any API call.
			invalid(listBlock("huaweidata_dli_queue", "bad", `    name_regex = "(["`), `name_regex must be a valid RE2 regular\s+expression`),
			invalid(listBlock("huaweidata_dli_queue", "bad", `    queue_type = "spark"`), `queue_type value must be one of`),
			invalid(listBlock("huaweidata_dli_table", "bad", `    name_regex = "x"`), `database_name.*required|required.*database_name`),
			invalid(listBlock("huaweidata_dli_table", "bad", `    database_name = "Sales-1"`), `database_name`),
			invalid(listBlock("huaweidata_dli_flink_sql_job", "bad", `    status = "running"`), `status value must be one of`),
			invalid(listBlock("huaweidata_dli_batch_job", "bad", `    state = "failed"`), `state value must be one of`),
			invalid(listBlock("huaweidata_dli_connection", "bad", `    tags = {}`), `tags map must contain at least 1`),
			{
				Query: true, Config: query, QueryResultChecks: checks,
				PreConfig: func() {
					if after := env.Emulator.RequestCounts(); !maps.Equal(before, after) {
						t.Errorf("plan-time validation of list configurations sent API requests: %v, then %v", before, after)
					}
				},
			},
		},
	})
}
