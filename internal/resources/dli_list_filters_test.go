package resources_test

import (
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
// through DLI's own filter where the list API has one; batch jobs are listed too. Every
// object is named with the test's prefix; in real mode each list block is scoped to the
// test's objects as well (listScope), so the counts are of the test's objects.
func TestAccListFilters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	skipBelowQuery(t, env) // before seeding: nothing is created for a test that cannot run
	env.WithEmulator(func(emu *emulator.Emulator) { emu.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond}) })
	s, cancel := newSeeder(t, env, 2*time.Minute)
	defer cancel()
	ctx, c := s.ctx, s.c
	n := env.Name
	s.queue(&model.CreateQueueRequestBody{QueueName: n("fa_sql"), CuCount: 16, Tags: teamTag("a")})
	s.queue(&model.CreateQueueRequestBody{QueueName: n("fb_general"), CuCount: 16, QueueType: ptr.Of("general"), Tags: teamTag("b")})
	s.queue(&model.CreateQueueRequestBody{QueueName: n("fc_sql"), CuCount: 16})
	s.database(&model.CreateDatabaseRequestBody{DatabaseName: n("sales"), Tags: teamTag("a")})
	s.database(&model.CreateDatabaseRequestBody{DatabaseName: n("hr")})
	s.awaitVisible() // the queues and databases, before what is created in them
	cols := []model.Column{{ColumnName: "id", Type: "int"}}
	s.table(n("sales"), &model.CreateTableRequestBody{TableName: n("orders"), DataLocation: "DLI", Columns: cols})
	s.table(n("sales"), &model.CreateTableRequestBody{TableName: n("order_files"), DataLocation: "OBS", Columns: cols,
		DataType: ptr.Of("csv"), DataPath: ptr.Of("obs://bucket/orders/")})
	s.table(n("sales"), &model.CreateTableRequestBody{TableName: n("refunds"), DataLocation: "DLI", Columns: cols})
	for _, v := range []string{"env_name", "env_region", "owner"} {
		s.variable(n(v), "x")
	}
	sql := ptr.Of("INSERT INTO sink SELECT 1;")
	id, err := c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{Name: n("stream_a"), SqlBody: sql,
		QueueName: ptr.Of(n("fb_general")), RunMode: ptr.Of("exclusive_cluster"), Tags: teamTag("a")})
	onQueue := s.flinkJob(id, err, n("stream_a"))
	id, err = c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{Name: n("stream_b"), SqlBody: sql})
	s.flinkJob(id, err, n("stream_b"))
	connA := s.connection(&model.CreateEnhancedConnectionRequestBody{Name: n("peer_a"), DestVpcId: "vpc-1", DestNetworkId: "net-1", Tags: teamTag("a")})
	s.connection(&model.CreateEnhancedConnectionRequestBody{Name: n("peer_b"), DestVpcId: "vpc-1", DestNetworkId: "net-1"})
	var nightly string
	for _, name := range []string{"nightly", "hourly"} {
		id := s.batchJob(&client.BatchJobRequest{File: "obs://bucket/app.jar", ClassName: "Main", Queue: n("fb_general"), Name: ptr.Of(n(name))})
		if name == "nightly" {
			nightly = id
		}
	}
	s.awaitVisible()

	p := env.Prefix()
	blocks := map[string]string{
		"huaweidata_dli_queue.sql":                `    queue_type = "sql"`,
		"huaweidata_dli_queue.regex":              `    name_regex = "^` + p + `f[ab]_"`,
		"huaweidata_dli_queue.tagged":             `    tags = { team = "b" }`,
		"huaweidata_dli_database.tagged":          `    tags = { team = "a" }`,
		"huaweidata_dli_database.regex":           `    name_regex = "^` + p + `h"`,
		"huaweidata_dli_table.managed":            "    database_name = \"" + n("sales") + "\"\n    table_type = \"MANAGED\"",
		"huaweidata_dli_table.regex":              "    database_name = \"" + n("sales") + "\"\n    name_regex = \"^" + p + "order\"",
		"huaweidata_dli_global_variable.regex":    `    name_regex = "^` + p + `env_"`,
		"huaweidata_dli_flink_sql_job.queue":      `    queue_name = "` + n("fb_general") + `"`,
		"huaweidata_dli_flink_sql_job.tagged":     `    tags = { team = "a" }`,
		"huaweidata_dli_flink_sql_job.running":    `    status = "job_running"`,
		"huaweidata_dli_flink_sql_job.regex":      `    name_regex = "_b$"`,
		"huaweidata_dli_connection.tagged":        `    tags = { team = "a" }`,
		"huaweidata_dli_connection.active":        `    status = "ACTIVE"`,
		"huaweidata_dli_connection.regex":         `    name_regex = "b$"`,
		"huaweidata_dli_batch_job.queue":          `    queue_name = "` + n("fb_general") + `"`,
		"huaweidata_dli_batch_job.regex":          `    name_regex = "^` + p + `night"`,
		"huaweidata_dli_batch_job.other_queue":    `    queue_name = "` + n("fa_sql") + `"`,
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
		query += listBlock(typ, name, listScope(env, typ, blocks[addr], ""))
		checks = append(checks, querycheck.ExpectLength(addr, want[addr]))
	}
	// limit: the first results in name order, no more.
	firstTwo := "\nlist \"huaweidata_dli_global_variable\" \"first_two\" {\n  provider = huaweidata\n  limit    = 2\n}\n"
	if scope := listScope(env, "huaweidata_dli_global_variable", "", ""); scope != "" {
		firstTwo = strings.Replace(firstTwo, "  limit    = 2\n", "  limit    = 2\n  config {\n"+scope+"\n  }\n", 1)
	}
	query += firstTwo
	checks = append(checks,
		querycheck.ExpectLength("huaweidata_dli_global_variable.first_two", 2),
		querycheck.ExpectIdentity("huaweidata_dli_global_variable.first_two", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("env_region"))}),
		querycheck.ExpectNoIdentity("huaweidata_dli_global_variable.first_two", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("owner"))}),
		querycheck.ExpectIdentity("huaweidata_dli_queue.tagged", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("fb_general"))}),
		querycheck.ExpectIdentity("huaweidata_dli_database.tagged", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("sales"))}),
		querycheck.ExpectIdentity("huaweidata_dli_table.managed", map[string]knownvalue.Check{
			"database_name": knownvalue.StringExact(n("sales")), "name": knownvalue.StringExact(n("refunds")),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_sql_job.tagged", map[string]knownvalue.Check{"job_id": knownvalue.Int64Exact(onQueue)}),
		querycheck.ExpectIdentity("huaweidata_dli_connection.tagged", map[string]knownvalue.Check{"id": knownvalue.StringExact(connA)}),
		querycheck.ExpectIdentity("huaweidata_dli_batch_job.regex", map[string]knownvalue.Check{"id": knownvalue.StringExact(nightly)}),
	)
	var before map[string]int
	env.WithEmulator(func(emu *emulator.Emulator) { before = emu.RequestCounts() })
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
					env.WithEmulator(func(emu *emulator.Emulator) {
						if after := emu.RequestCounts(); !maps.Equal(before, after) {
							t.Errorf("plan-time validation of list configurations sent API requests: %v, then %v", before, after)
						}
					})
				},
			},
		},
	})
}
