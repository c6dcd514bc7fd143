package resources_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// estate is what seedEstate created: the ids DLI gave the jobs and connections.
type estate struct {
	flinkJobIDs   []int64
	connectionIDs []string
}

// Sizes of the seeded estate.
const (
	estateQueues      = 20
	estateDatabases   = 10
	estateTables      = 10 // per database
	estateFlinkJobs   = 20
	estateVariables   = 20
	estateConnections = 5
)

// seedEstate creates, through the API (not Terraform), an estate to discover: queues
// q00..q19, databases db00..db09 with tables t00..t09 each, Flink SQL jobs job19..job00
// on q00 (flinkJobIDs in that order), variables var00..var19 and connections conn0..conn4.
func seedEstate(t *testing.T, env *acctest.Env) estate {
	t.Helper()
	// The estate exists long before the query: every object is visible at once.
	env.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := env.Client(t)
	must := func(err error, what string) {
		t.Helper()
		if err != nil {
			t.Fatalf("seeding %s: %v", what, err)
		}
	}
	var out estate
	for i := range estateQueues {
		qt := "sql"
		if i%2 == 0 {
			qt = "general"
		}
		must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: fmt.Sprintf("q%02d", i), CuCount: 16, QueueType: &qt}), "queue")
	}
	for i := range estateDatabases {
		db := fmt.Sprintf("db%02d", i)
		must(c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: db}), "database")
		for j := range estateTables {
			must(c.CreateTable(ctx, db, &model.CreateTableRequestBody{
				TableName: fmt.Sprintf("t%02d", j), DataLocation: "DLI",
				Columns: []model.Column{{ColumnName: "id", Type: "int"}, {ColumnName: "name", Type: "string"}},
			}), "table")
		}
	}
	// Created from job19 down to job00, so that DLI (which lists jobs by id) lists them in the
	// opposite order of their names: results come ordered by name all the same.
	for i := range estateFlinkJobs {
		id, err := c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{
			Name: fmt.Sprintf("job%02d", estateFlinkJobs-1-i), QueueName: ptr.Of("q00"), RunMode: ptr.Of("exclusive_cluster"),
			SqlBody: ptr.Of("CREATE SOURCE STREAM s (a INT) WITH (type = \"dis\");\nINSERT INTO sink SELECT a FROM s;"),
		})
		must(err, "Flink job")
		out.flinkJobIDs = append(out.flinkJobIDs, id)
	}
	for i := range estateVariables {
		must(c.CreateGlobalVariable(ctx, &model.CreateGlobalVariableRequestBody{
			VarName: fmt.Sprintf("var%02d", i), VarValue: fmt.Sprintf("secret-%02d", i),
		}), "variable")
	}
	for i := range estateConnections {
		id, err := c.CreateEnhancedConnection(ctx, &model.CreateEnhancedConnectionRequestBody{
			Name: fmt.Sprintf("conn%d", i), DestVpcId: "vpc-0001", DestNetworkId: "subnet-0001",
		})
		must(err, "connection")
		out.connectionIDs = append(out.connectionIDs, id)
	}
	return out
}

// estateQuery is a query configuration with one list block per resource type (one per
// database for tables), every one including the resource.
func estateQuery(providerBlock string) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	block := func(typ, name, config string) {
		fmt.Fprintf(&b, "\nlist %q %q {\n  provider         = huaweidata\n  include_resource = true\n%s}\n", typ, name, config)
	}
	block("huaweidata_dli_queue", "all", "")
	block("huaweidata_dli_global_variable", "all", "")
	block("huaweidata_dli_database", "all", "")
	for i := range estateDatabases {
		db := fmt.Sprintf("db%02d", i)
		block("huaweidata_dli_table", db, fmt.Sprintf("  config {\n    database_name = %q\n  }\n", db))
	}
	block("huaweidata_dli_flink_sql_job", "all", "")
	block("huaweidata_dli_connection", "all", "")
	return b.String()
}

// TestAccQueryEstate: `terraform query` finds every object of an estate created outside
// Terraform, each with its identity, display name and full resource, in a stable order.
func TestAccQueryEstate(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	seeded := seedEstate(t, env)
	checks := []querycheck.QueryResultCheck{
		querycheck.ExpectLength("huaweidata_dli_queue.all", estateQueues),
		querycheck.ExpectLength("huaweidata_dli_global_variable.all", estateVariables),
		querycheck.ExpectLength("huaweidata_dli_database.all", estateDatabases),
		querycheck.ExpectLength("huaweidata_dli_flink_sql_job.all", estateFlinkJobs),
		querycheck.ExpectLength("huaweidata_dli_connection.all", estateConnections),
		querycheck.ExpectIdentity("huaweidata_dli_queue.all", map[string]knownvalue.Check{"name": knownvalue.StringExact("q07")}),
		querycheck.ExpectIdentity("huaweidata_dli_global_variable.all", map[string]knownvalue.Check{"name": knownvalue.StringExact("var19")}),
		querycheck.ExpectIdentity("huaweidata_dli_database.all", map[string]knownvalue.Check{"name": knownvalue.StringExact("db03")}),
		querycheck.ExpectIdentity("huaweidata_dli_table.db09", map[string]knownvalue.Check{
			"database_name": knownvalue.StringExact("db09"), "name": knownvalue.StringExact("t04"),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_sql_job.all", map[string]knownvalue.Check{
			"job_id": knownvalue.Int64Exact(seeded.flinkJobIDs[5]),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_connection.all", map[string]knownvalue.Check{
			"id": knownvalue.StringExact(seeded.connectionIDs[2]),
		}),
		querycheck.ExpectResourceDisplayName("huaweidata_dli_table.db02",
			queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"database_name": knownvalue.StringExact("db02"), "name": knownvalue.StringExact("t01")}),
			knownvalue.StringExact("db02.t01")),
		// include_resource fills the resource as its Read does: columns of a table, the
		// type of a queue, the SQL of a job; never a variable's value.
		querycheck.ExpectResourceKnownValues("huaweidata_dli_table.db05",
			queryfilter.ByDisplayName(knownvalue.StringExact("db05.t09")), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("columns"), KnownValue: knownvalue.ListSizeExact(2)},
			}),
		querycheck.ExpectResourceKnownValues("huaweidata_dli_queue.all",
			queryfilter.ByDisplayName(knownvalue.StringExact("q04")), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("queue_type"), KnownValue: knownvalue.StringExact("general")},
				{Path: tfjsonpath.New("cu_count"), KnownValue: knownvalue.Int32Exact(16)},
			}),
		querycheck.ExpectResourceKnownValues("huaweidata_dli_flink_sql_job.all",
			queryfilter.ByDisplayName(knownvalue.StringExact("job11")), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("queue_name"), KnownValue: knownvalue.StringExact("q00")},
			}),
		querycheck.ExpectResourceKnownValues("huaweidata_dli_global_variable.all",
			queryfilter.ByDisplayName(knownvalue.StringExact("var03")), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("value"), KnownValue: knownvalue.Null()},
			}),
	}
	for i := range estateDatabases {
		checks = append(checks, querycheck.ExpectLength(fmt.Sprintf("huaweidata_dli_table.db%02d", i), estateTables))
	}
	env.Emulator.ResetCounts()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Query: true, Config: estateQuery(env.ProviderBlock()), QueryResultChecks: checks},
		},
	})
	// One listing per collection (tables: per database), whatever its size; with resources
	// included, one read per object only where the resource's Read needs one (describing a
	// table, showing a job or a connection, listing a queue's properties): variables and
	// databases are read from the listing itself.
	want := map[string]int{
		"ListQueues": 1, "ListGlobalVariables": 1, "ListDatabases": 1, "ListTables": estateDatabases,
		"ListFlinkJobs": 1, "ListEnhancedConnections": 1,
		"ShowTable": estateDatabases * estateTables, "ShowFlinkJob": estateFlinkJobs, "ShowEnhancedConnection": estateConnections,
		"ListQueueProperties": estateQueues,
	}
	if got := env.Emulator.RequestCounts(); !maps.Equal(got, want) {
		t.Errorf("terraform query sent %v, want %v", got, want)
	}
}
