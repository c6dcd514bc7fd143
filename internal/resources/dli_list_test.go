package resources_test

import (
	"context"
	"fmt"
	"regexp"
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
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// seeder creates objects through the API (not Terraform), as a user outside Terraform
// would, for a test to discover. Each create registers the object's delete, run when the
// test ends (last created first), so that nothing is left in a shared account, and a
// lookup: awaitVisible waits until every object created so far can be read, as an estate
// that exists long before the query would be.
type seeder struct {
	t       *testing.T
	ctx     context.Context
	c       *client.Client
	lookups []seededLookup
}

type seededLookup struct {
	what string
	at   time.Time
	f    func(context.Context) error
}

// newSeeder returns a seeder with the test's client; its context ends with cancel.
func newSeeder(t *testing.T, env *acctest.Env, timeout time.Duration) (*seeder, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	return &seeder{t: t, ctx: ctx, c: env.Client(t)}, cancel
}

// must fails the test when seeding what failed.
func (s *seeder) must(err error, what string) {
	s.t.Helper()
	if err != nil {
		s.t.Fatalf("seeding %s: %v", what, err)
	}
}

// created registers the object what, just created: lookup (if any) reads it, del (if any)
// deletes it when the test ends.
func (s *seeder) created(what string, lookup, del func(context.Context) error) {
	if lookup != nil {
		s.lookups = append(s.lookups, seededLookup{what, time.Now(), lookup})
	}
	if del != nil {
		t := s.t
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute) // a pool takes minutes to go
			defer cancel()
			if err := del(ctx); err != nil {
				t.Errorf("deleting the seeded %s: %v", what, err)
			}
		})
	}
}

// awaitVisible waits until every object created so far can be read (the consistency
// window of the test's client).
func (s *seeder) awaitVisible() {
	s.t.Helper()
	for _, l := range s.lookups {
		if err := s.c.AwaitVisible(s.ctx, l.at, l.f); err != nil {
			s.t.Fatalf("the seeded %s is not visible: %v", l.what, err)
		}
	}
	s.lookups = nil
}

// The creates of a seeder, each with its lookup and delete.

func (s *seeder) queue(body *model.CreateQueueRequestBody) {
	s.t.Helper()
	name := body.QueueName
	s.must(s.c.CreateQueue(s.ctx, body), "queue "+name)
	s.created("queue "+name, func(ctx context.Context) error { _, err := s.c.ShowQueue(ctx, name); return err },
		func(ctx context.Context) error {
			if err := s.c.DeleteQueue(ctx, name); err != nil {
				return err
			}
			return s.c.WaitForQueueDeleted(ctx, name)
		})
}

func (s *seeder) database(body *model.CreateDatabaseRequestBody) {
	s.t.Helper()
	name := body.DatabaseName
	s.must(s.c.CreateDatabase(s.ctx, body), "database "+name)
	// Its tables and grants go with it.
	s.created("database "+name, func(ctx context.Context) error { _, err := s.c.GetDatabase(ctx, name); return err },
		func(ctx context.Context) error { return s.c.DeleteDatabase(ctx, name, true) })
}

func (s *seeder) table(db string, body *model.CreateTableRequestBody) {
	s.t.Helper()
	name := body.TableName
	s.must(s.c.CreateTable(s.ctx, db, body), "table "+db+"."+name)
	s.created("table "+db+"."+name, func(ctx context.Context) error { _, err := s.c.GetTableListing(ctx, db, name); return err }, nil)
}

// flinkJob registers a Flink job (SQL or Jar) created with id.
func (s *seeder) flinkJob(id int64, err error, name string) int64 {
	s.t.Helper()
	s.must(err, "Flink job "+name)
	s.created("Flink job "+name, func(ctx context.Context) error { _, err := s.c.ShowFlinkJob(ctx, id); return err },
		func(ctx context.Context) error {
			if err := s.c.DeleteFlinkJob(ctx, id); err != nil && !client.IsNotFound(err) {
				return err
			}
			return s.c.WaitForFlinkJobDeleted(ctx, id)
		})
	return id
}

func (s *seeder) variable(name, value string) {
	s.t.Helper()
	s.must(s.c.CreateGlobalVariable(s.ctx, &model.CreateGlobalVariableRequestBody{VarName: name, VarValue: value}), "variable "+name)
	s.created("variable "+name, func(ctx context.Context) error { _, err := s.c.GetGlobalVariable(ctx, name); return err },
		func(ctx context.Context) error { return s.c.DeleteGlobalVariable(ctx, name) })
}

func (s *seeder) connection(body *model.CreateEnhancedConnectionRequestBody) string {
	s.t.Helper()
	id, err := s.c.CreateEnhancedConnection(s.ctx, body)
	s.must(err, "connection "+body.Name)
	s.created("connection "+body.Name, func(ctx context.Context) error { _, err := s.c.GetEnhancedConnection(ctx, id); return err },
		func(ctx context.Context) error {
			if err := s.c.DeleteEnhancedConnection(ctx, id); err != nil {
				return err
			}
			return s.c.WaitForConnectionDeleted(ctx, id)
		})
	return id
}

func (s *seeder) batchJob(body *client.BatchJobRequest) string {
	s.t.Helper()
	job, err := s.c.CreateBatchJob(s.ctx, body)
	s.must(err, "batch job "+ptr.Deref(body.Name))
	id := job.ID
	s.created("batch job "+ptr.Deref(body.Name), func(ctx context.Context) error { _, err := s.c.ShowBatchJob(ctx, id); return err },
		func(ctx context.Context) error { return s.c.CancelBatchJob(ctx, id) })
	return id
}

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

// seedEstate creates, through the API (not Terraform), an estate to discover, every name
// with the test's prefix (env.Name): queues q00..q19, databases db00..db09 with tables
// t00..t09 each, Flink SQL jobs job19..job00 on q00 (flinkJobIDs in that order), variables
// var00..var19 and connections conn0..conn4. It is deleted when the test ends.
func seedEstate(t *testing.T, env *acctest.Env) estate {
	t.Helper()
	// The estate exists long before the query: against the emulator every object is
	// visible at once; against a real account the seeder waits until it is.
	env.WithEmulator(func(emu *emulator.Emulator) { emu.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond}) })
	s, cancel := newSeeder(t, env, 5*time.Minute)
	defer cancel()
	var out estate
	for i := range estateQueues {
		qt := "sql"
		if i%2 == 0 {
			qt = "general"
		}
		s.queue(&model.CreateQueueRequestBody{QueueName: env.Name(fmt.Sprintf("q%02d", i)), CuCount: 16, QueueType: &qt})
	}
	for i := range estateDatabases {
		s.database(&model.CreateDatabaseRequestBody{DatabaseName: env.Name(fmt.Sprintf("db%02d", i))})
	}
	s.awaitVisible() // the queues and databases, before what is created in them
	for i := range estateDatabases {
		db := env.Name(fmt.Sprintf("db%02d", i))
		for j := range estateTables {
			s.table(db, &model.CreateTableRequestBody{
				TableName: env.Name(fmt.Sprintf("t%02d", j)), DataLocation: "DLI",
				Columns: []model.Column{{ColumnName: "id", Type: "int"}, {ColumnName: "name", Type: "string"}},
			})
		}
	}
	// Created from job19 down to job00, so that DLI (which lists jobs by id) lists them in the
	// opposite order of their names: results come ordered by name all the same.
	for i := range estateFlinkJobs {
		name := env.Name(fmt.Sprintf("job%02d", estateFlinkJobs-1-i))
		id, err := s.c.CreateFlinkSQLJob(s.ctx, &model.CreateFlinkSqlJobRequestBody{
			Name: name, QueueName: ptr.Of(env.Name("q00")), RunMode: ptr.Of("exclusive_cluster"),
			SqlBody: ptr.Of("CREATE SOURCE STREAM s (a INT) WITH (type = \"dis\");\nINSERT INTO sink SELECT a FROM s;"),
		})
		out.flinkJobIDs = append(out.flinkJobIDs, s.flinkJob(id, err, name))
	}
	for i := range estateVariables {
		s.variable(env.Name(fmt.Sprintf("var%02d", i)), fmt.Sprintf("secret-%02d", i))
	}
	for i := range estateConnections {
		out.connectionIDs = append(out.connectionIDs, s.connection(&model.CreateEnhancedConnectionRequestBody{
			Name: env.Name(fmt.Sprintf("conn%d", i)), DestVpcId: "vpc-0001", DestNetworkId: "subnet-0001",
		}))
	}
	s.awaitVisible()
	return out
}

// listScope scopes the config of a list block of type typ to the test's objects in real
// mode, where the project is shared: a block without a name_regex gets
// name_regex = "^<prefix>", one whose name_regex does not start with the prefix gets it in
// front ("_b$" becomes "^<prefix>.*_b$"). Tables (listed per database) and grants (per
// object; their name_regex is on users) are scoped by their required attribute already;
// SQL jobs, which have no name, by the queue the test runs them on (sqlQueue; "" when the
// test runs none). Against the emulator the config is unchanged: there the exact totals of
// the whole (test's own) project are checked.
func listScope(env *acctest.Env, typ, config, sqlQueue string) string {
	if env.Emulated() {
		return config
	}
	switch typ {
	case "huaweidata_dli_table", "huaweidata_dli_permission":
		return config
	case "huaweidata_dli_sql_job":
		if strings.Contains(config, "queue_name") {
			return config
		}
		return strings.TrimSuffix(config+"\n"+fmt.Sprintf("    queue_name = %q", sqlQueue), "\n")
	}
	m := listNameRegex.FindStringSubmatch(config)
	if m == nil {
		return strings.TrimPrefix(config+"\n"+fmt.Sprintf("    name_regex = %q", "^"+env.Prefix()), "\n")
	}
	if strings.HasPrefix(m[1], "^"+env.Prefix()) {
		return config
	}
	return strings.Replace(config, m[0], fmt.Sprintf("name_regex = %q", "^"+env.Prefix()+".*"+strings.TrimPrefix(m[1], "^")), 1)
}

var listNameRegex = regexp.MustCompile(`name_regex\s*=\s*"([^"]*)"`)

// estateQuery is a query configuration with one list block per resource type (one per
// database for tables), every one including the resource, scoped to the test's objects
// in real mode (listScope).
func estateQuery(env *acctest.Env, providerBlock string) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	block := func(typ, name, config string) {
		if config = listScope(env, typ, config, ""); config != "" {
			config = "  config {\n" + config + "\n  }\n"
		}
		fmt.Fprintf(&b, "\nlist %q %q {\n  provider         = huaweidata\n  include_resource = true\n%s}\n", typ, name, config)
	}
	block("huaweidata_dli_queue", "all", "")
	block("huaweidata_dli_global_variable", "all", "")
	block("huaweidata_dli_database", "all", "")
	for i := range estateDatabases {
		db := fmt.Sprintf("db%02d", i)
		block("huaweidata_dli_table", db, fmt.Sprintf("    database_name = %q", env.Name(db)))
	}
	block("huaweidata_dli_flink_sql_job", "all", "")
	block("huaweidata_dli_connection", "all", "")
	return b.String()
}

// TestAccQueryEstate: `terraform query` finds every object of an estate created outside
// Terraform, each with its identity, display name and full resource, in a stable order.
// The counts are of the test's objects (in real mode the list blocks are scoped to its
// prefix: listScope); the requests the query sends are counted against the emulator only.
func TestAccQueryEstate(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	skipBelowQuery(t, env) // before seeding: nothing is created for a test that cannot run
	seeded := seedEstate(t, env)
	checks := []querycheck.QueryResultCheck{
		querycheck.ExpectLength("huaweidata_dli_queue.all", estateQueues),
		querycheck.ExpectLength("huaweidata_dli_global_variable.all", estateVariables),
		querycheck.ExpectLength("huaweidata_dli_database.all", estateDatabases),
		querycheck.ExpectLength("huaweidata_dli_flink_sql_job.all", estateFlinkJobs),
		querycheck.ExpectLength("huaweidata_dli_connection.all", estateConnections),
		querycheck.ExpectIdentity("huaweidata_dli_queue.all", map[string]knownvalue.Check{"name": knownvalue.StringExact(env.Name("q07"))}),
		querycheck.ExpectIdentity("huaweidata_dli_global_variable.all", map[string]knownvalue.Check{"name": knownvalue.StringExact(env.Name("var19"))}),
		querycheck.ExpectIdentity("huaweidata_dli_database.all", map[string]knownvalue.Check{"name": knownvalue.StringExact(env.Name("db03"))}),
		querycheck.ExpectIdentity("huaweidata_dli_table.db09", map[string]knownvalue.Check{
			"database_name": knownvalue.StringExact(env.Name("db09")), "name": knownvalue.StringExact(env.Name("t04")),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_sql_job.all", map[string]knownvalue.Check{
			"job_id": knownvalue.Int64Exact(seeded.flinkJobIDs[5]),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_connection.all", map[string]knownvalue.Check{
			"id": knownvalue.StringExact(seeded.connectionIDs[2]),
		}),
		querycheck.ExpectResourceDisplayName("huaweidata_dli_table.db02",
			queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"database_name": knownvalue.StringExact(env.Name("db02")), "name": knownvalue.StringExact(env.Name("t01"))}),
			knownvalue.StringExact(env.Name("db02")+"."+env.Name("t01"))),
		// include_resource fills the resource as its Read does: columns of a table, the
		// type of a queue, the SQL of a job; never a variable's value.
		querycheck.ExpectResourceKnownValues("huaweidata_dli_table.db05",
			queryfilter.ByDisplayName(knownvalue.StringExact(env.Name("db05")+"."+env.Name("t09"))), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("columns"), KnownValue: knownvalue.ListSizeExact(2)},
			}),
		querycheck.ExpectResourceKnownValues("huaweidata_dli_queue.all",
			queryfilter.ByDisplayName(knownvalue.StringExact(env.Name("q04"))), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("queue_type"), KnownValue: knownvalue.StringExact("general")},
				{Path: tfjsonpath.New("cu_count"), KnownValue: knownvalue.Int32Exact(16)},
			}),
		querycheck.ExpectResourceKnownValues("huaweidata_dli_flink_sql_job.all",
			queryfilter.ByDisplayName(knownvalue.StringExact(env.Name("job11"))), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("queue_name"), KnownValue: knownvalue.StringExact(env.Name("q00"))},
			}),
		querycheck.ExpectResourceKnownValues("huaweidata_dli_global_variable.all",
			queryfilter.ByDisplayName(knownvalue.StringExact(env.Name("var03"))), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("value"), KnownValue: knownvalue.Null()},
			}),
	}
	for i := range estateDatabases {
		checks = append(checks, querycheck.ExpectLength(fmt.Sprintf("huaweidata_dli_table.db%02d", i), estateTables))
	}
	env.ResetCounts()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Query: true, Config: estateQuery(env, env.ProviderBlock()), QueryResultChecks: checks},
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
	env.ExpectRequestCounts(t, "terraform query", want)
}
