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
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// moreEstate is what seedMoreEstate created: the ids DLI gave the objects that have no name
// to import by.
type moreEstate struct {
	jarJobID       int64
	selectJobID    string
	sqlTemplateID  string
	flinkTemplates []int64
}

// seedMoreEstate creates, through the API, objects of every kind the later list resources
// find: pools etl_pool (team a) and ml_pool; Flink Jar jobs jar_a (on queue jq, team a) and
// jar_b (on jq2) next to the Flink SQL job sql_c; SQL jobs on the SQL queue sq (a DDL and two queries); packages
// g1/etl.jar, g1/notes.txt and g2/ml.jar; authentications pw_a (passwd) and krb_b (KRB);
// SQL templates report_a (group reports) and adhoc_b; Spark templates nightly_daily (group
// nightly) and weekly; SELECT on the database perm_db for auditor and analyst; Flink
// templates stream_a and batch_b.
func seedMoreEstate(t *testing.T, env *acctest.Env) moreEstate {
	t.Helper()
	env.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := env.Client(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var out moreEstate
	var err error
	must(c.CreateElasticResourcePool(ctx, &model.CreateElasticResourcePoolRequestBody{ElasticResourcePoolName: "etl_pool", MinCu: 64, MaxCu: 64, Tags: teamTag("a")}))
	must(c.CreateElasticResourcePool(ctx, &model.CreateElasticResourcePoolRequestBody{ElasticResourcePoolName: "ml_pool", MinCu: 64, MaxCu: 64}))
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "jq", CuCount: 16, QueueType: ptr.Of("general")}))
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "jq2", CuCount: 16, QueueType: ptr.Of("general")}))
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "sq", CuCount: 16}))
	env.Emulator.Advance(time.Hour) // pools and queues ready
	out.jarJobID, err = c.CreateFlinkJarJob(ctx, &model.CreateFlinkJarJobRequestBody{Name: "jar_a", QueueName: ptr.Of("jq"),
		Entrypoint: ptr.Of("g1/etl.jar"), MainClass: ptr.Of("org.example.Main"), Tags: teamTag("a")})
	must(err)
	_, err = c.CreateFlinkJarJob(ctx, &model.CreateFlinkJarJobRequestBody{Name: "jar_b", QueueName: ptr.Of("jq2"), Entrypoint: ptr.Of("g1/etl.jar")})
	must(err)
	_, err = c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{Name: "sql_c", SqlBody: ptr.Of("INSERT INTO sink SELECT 1;")})
	must(err)
	_, err = c.SubmitSQLJob(ctx, "sq", "", "CREATE DATABASE seeded_db")
	must(err)
	job, err := c.SubmitSQLJob(ctx, "sq", "", "SELECT 1 AS answer")
	must(err)
	out.selectJobID = job.JobID
	_, err = c.SubmitSQLJob(ctx, "sq", "", "SELECT   2\n  AS other")
	must(err)
	for _, p := range []struct{ group, kind, file string }{{"g1", "jar", "etl.jar"}, {"g1", "file", "notes.txt"}, {"g2", "jar", "ml.jar"}} {
		must(c.UploadPackage(ctx, &model.UploadJobResourcesRequestBody{Paths: []string{pkgOBS + p.file}, Kind: p.kind, Group: p.group}, p.file))
		_, err = c.WaitForPackageReady(ctx, p.group, p.file)
		must(err)
	}
	must(c.CreateAuthInfo(ctx, &model.CreateAuthInfoRequestBody{AuthInfoName: "pw_a", DatasourceType: "passwd", UserName: ptr.Of("u"), Password: ptr.Of("secret-pw")}))
	must(c.CreateAuthInfo(ctx, &model.CreateAuthInfoRequestBody{AuthInfoName: "krb_b", DatasourceType: "KRB", UserName: ptr.Of("hive"),
		Krb5Conf: ptr.Of("obs://krb/krb5.conf"), Keytab: ptr.Of("obs://krb/hive.keytab")}))
	out.sqlTemplateID, err = c.CreateSQLTemplate(ctx, &model.CreateSqlJobTemplateRequestBody{SqlName: "report_a", Sql: "SELECT 1", Group: ptr.Of("reports")})
	must(err)
	_, err = c.CreateSQLTemplate(ctx, &model.CreateSqlJobTemplateRequestBody{SqlName: "adhoc_b", Sql: "SELECT 2"})
	must(err)
	for _, s := range []struct{ name, group string }{{"nightly_daily", "nightly"}, {"weekly", ""}} {
		_, err = c.CreateSparkTemplate(ctx, client.SparkTemplateSpec{Name: s.name, Group: s.group,
			Body: client.SparkJobBody{File: "g1/etl.jar", ClassName: "org.example.Main"}})
		must(err)
	}
	must(c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "perm_db"}))
	permDB, err := client.ParsePermissionObject("databases.perm_db")
	must(err)
	for _, user := range []string{"auditor", "analyst"} {
		must(c.Authorize(ctx, permDB, user, true, []string{"SELECT"}))
	}
	for _, name := range []string{"stream_a", "batch_b"} {
		id, err := c.CreateFlinkTemplate(ctx, &model.CreateFlinkSqlJobTemplateRequestBody{Name: name, SqlBody: ptr.Of("SELECT 1")})
		must(err)
		out.flinkTemplates = append(out.flinkTemplates, id)
	}
	return out
}

// moreKinds are the list resources of issue 19 item 2.
var moreKinds = []string{
	"huaweidata_dli_elastic_resource_pool", "huaweidata_dli_flink_jar_job", "huaweidata_dli_sql_job", "huaweidata_dli_package",
	"huaweidata_dli_datasource_auth", "huaweidata_dli_sql_template", "huaweidata_dli_spark_template", "huaweidata_dli_flink_template",
}

// TestAccListMoreKinds: `terraform query` finds every pool, Flink Jar job, SQL job, package,
// datasource authentication and template of an estate created outside Terraform, with its
// identity, display name and full resource (never a secret), reading each collection once.
func TestAccListMoreKinds(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	seeded := seedMoreEstate(t, env)
	query := env.ProviderBlock()
	for _, typ := range moreKinds {
		query += "\nlist \"" + typ + "\" \"all\" {\n  provider         = huaweidata\n  include_resource = true\n}\n"
	}
	// Grants are listed per object.
	query += "\nlist \"huaweidata_dli_permission\" \"all\" {\n  provider         = huaweidata\n  include_resource = true\n" +
		"  config {\n    object = \"databases.perm_db\"\n  }\n}\n"
	byName := func(typ, name string, checks ...querycheck.KnownValueCheck) querycheck.QueryResultCheck {
		return querycheck.ExpectResourceKnownValues(typ+".all", queryfilter.ByDisplayName(knownvalue.StringExact(name)), checks)
	}
	checks := []querycheck.QueryResultCheck{
		querycheck.ExpectLength("huaweidata_dli_elastic_resource_pool.all", 2),
		querycheck.ExpectLength("huaweidata_dli_flink_jar_job.all", 2), // not the Flink SQL job
		querycheck.ExpectLength("huaweidata_dli_sql_job.all", 3),
		querycheck.ExpectLength("huaweidata_dli_package.all", 3),
		querycheck.ExpectLength("huaweidata_dli_datasource_auth.all", 2),
		querycheck.ExpectLength("huaweidata_dli_sql_template.all", 2),
		querycheck.ExpectLength("huaweidata_dli_spark_template.all", 2),
		querycheck.ExpectLength("huaweidata_dli_flink_template.all", 2),
		querycheck.ExpectLength("huaweidata_dli_permission.all", 2), // not the owner
		querycheck.ExpectIdentity("huaweidata_dli_permission.all", map[string]knownvalue.Check{
			"object": knownvalue.StringExact("databases.perm_db"), "user_name": knownvalue.StringExact("auditor"),
		}),
		byName("huaweidata_dli_permission", "analyst", querycheck.KnownValueCheck{Path: tfjsonpath.New("privileges"),
			KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("SELECT")})}),
		querycheck.ExpectIdentity("huaweidata_dli_elastic_resource_pool.all", map[string]knownvalue.Check{"name": knownvalue.StringExact("ml_pool")}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_jar_job.all", map[string]knownvalue.Check{"job_id": knownvalue.Int64Exact(seeded.jarJobID)}),
		querycheck.ExpectIdentity("huaweidata_dli_sql_job.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(seeded.selectJobID)}),
		querycheck.ExpectIdentity("huaweidata_dli_package.all", map[string]knownvalue.Check{
			"group_name": knownvalue.StringExact("g1"), "object_name": knownvalue.StringExact("notes.txt"),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_datasource_auth.all", map[string]knownvalue.Check{"name": knownvalue.StringExact("krb_b")}),
		querycheck.ExpectIdentity("huaweidata_dli_sql_template.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(seeded.sqlTemplateID)}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_template.all", map[string]knownvalue.Check{"template_id": knownvalue.Int64Exact(seeded.flinkTemplates[1])}),
		// SQL jobs have no name: they are shown by their SQL, on one line.
		querycheck.ExpectResourceDisplayName("huaweidata_dli_sql_job.all",
			queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(seeded.selectJobID)}),
			knownvalue.StringExact("SELECT 1 AS answer")),
		byName("huaweidata_dli_sql_job", "SELECT 2 AS other", querycheck.KnownValueCheck{Path: tfjsonpath.New("queue_name"), KnownValue: knownvalue.StringExact("sq")}),
		querycheck.ExpectResourceDisplayName("huaweidata_dli_package.all",
			queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"group_name": knownvalue.StringExact("g2"), "object_name": knownvalue.StringExact("ml.jar")}),
			knownvalue.StringExact("g2/ml.jar")),
		// include_resource fills the resource as its Read does.
		byName("huaweidata_dli_elastic_resource_pool", "etl_pool", querycheck.KnownValueCheck{Path: tfjsonpath.New("max_cu"), KnownValue: knownvalue.Int64Exact(64)}),
		byName("huaweidata_dli_flink_jar_job", "jar_a", querycheck.KnownValueCheck{Path: tfjsonpath.New("main_class"), KnownValue: knownvalue.StringExact("org.example.Main")}),
		byName("huaweidata_dli_package", "g1/etl.jar", querycheck.KnownValueCheck{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("jar")}),
		byName("huaweidata_dli_datasource_auth", "pw_a",
			querycheck.KnownValueCheck{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("passwd")},
			querycheck.KnownValueCheck{Path: tfjsonpath.New("password"), KnownValue: knownvalue.Null()}),
		byName("huaweidata_dli_sql_template", "report_a", querycheck.KnownValueCheck{Path: tfjsonpath.New("group"), KnownValue: knownvalue.StringExact("reports")}),
		byName("huaweidata_dli_spark_template", "nightly_daily", querycheck.KnownValueCheck{Path: tfjsonpath.New("group"), KnownValue: knownvalue.StringExact("nightly")}),
		byName("huaweidata_dli_flink_template", "stream_a", querycheck.KnownValueCheck{Path: tfjsonpath.New("sql"), KnownValue: knownvalue.StringExact("SELECT 1")}),
	}
	env.Emulator.ResetCounts()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps:                    []resource.TestStep{{Query: true, Config: query, QueryResultChecks: checks}},
	})
	// One listing per collection, whatever its size; with resources included, one read per
	// object only where the resource's Read needs one: a pool's tags, a Flink job's detail, a
	// package, a Spark template, an SQL job's status (and a query's result preview).
	// Authentications, grants and SQL and Flink templates are read from the listing itself.
	want := map[string]int{
		"ListElasticResourcePools": 1, "ListFlinkJobs": 1, "ListSqlJobs": 1, "ListJobResources": 1, "ListJobAuthInfos": 1,
		"ListSqlJobTemplates": 1, "ListSparkJobTemplates": 1, "ListFlinkSqlJobTemplates": 1,
		"ShowResourceTags": 2, "ShowFlinkJob": 2, "ShowJobResource": 3, "ShowSparkJobTemplate": 2, "ShowSqlJobStatus": 3,
		"PreviewSqlJobResult": 2, "ListDatabaseUsers": 1,
	}
	if got := env.Emulator.RequestCounts(); !maps.Equal(got, want) {
		t.Errorf("terraform query sent %v, want %v", got, want)
	}
}

// TestAccListMoreFilters: every filter of the later list resources narrows the results as it
// says, and every bad filter is refused at plan time, before any API call.
func TestAccListMoreFilters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	seedMoreEstate(t, env)
	blocks := map[string]string{
		"huaweidata_dli_elastic_resource_pool.tagged":    `    tags = { team = "a" }`,
		"huaweidata_dli_elastic_resource_pool.regex":     `    name_regex = "^ml_"`,
		"huaweidata_dli_elastic_resource_pool.available": `    status = "AVAILABLE"`,
		"huaweidata_dli_elastic_resource_pool.failed":    `    status = "FAILED"`,
		"huaweidata_dli_flink_jar_job.queue":             `    queue_name = "jq"`,
		"huaweidata_dli_flink_jar_job.tagged":            `    tags = { team = "a" }`,
		"huaweidata_dli_flink_jar_job.regex":             `    name_regex = "_b$"`,
		"huaweidata_dli_flink_jar_job.running":           `    status = "job_running"`,
		"huaweidata_dli_sql_job.queries":                 `    job_type = "QUERY"`,
		"huaweidata_dli_sql_job.finished":                "    status = \"FINISHED\"\n    queue_name = \"sq\"",
		"huaweidata_dli_sql_job.failed":                  `    status = "FAILED"`,
		"huaweidata_dli_sql_job.sql":                     `    sql_contains = "create database"`,
		"huaweidata_dli_sql_job.future":                  `    started_after = "2999-01-01T00:00:00Z"`,
		"huaweidata_dli_sql_job.past":                    `    started_before = "2999-01-01T00:00:00Z"`,
		"huaweidata_dli_package.group":                   `    group_name = "g1"`,
		"huaweidata_dli_package.jars":                    `    type = "jar"`,
		"huaweidata_dli_package.regex":                   `    name_regex = "^ml"`,
		"huaweidata_dli_datasource_auth.krb":             `    type = "KRB"`,
		"huaweidata_dli_datasource_auth.regex":           `    name_regex = "^pw_"`,
		"huaweidata_dli_sql_template.group":              `    group = "reports"`,
		"huaweidata_dli_sql_template.regex":              `    name_regex = "_b$"`,
		"huaweidata_dli_spark_template.group":            `    group = "nightly"`,
		"huaweidata_dli_spark_template.regex":            `    name_regex = "^week"`,
		"huaweidata_dli_flink_template.regex":            `    name_regex = "^stream_"`,
		"huaweidata_dli_permission.regex":                "    object = \"databases.perm_db\"\n    name_regex = \"^ana\"",
	}
	want := map[string]int{
		"huaweidata_dli_elastic_resource_pool.tagged": 1, "huaweidata_dli_elastic_resource_pool.regex": 1,
		"huaweidata_dli_elastic_resource_pool.available": 2, "huaweidata_dli_elastic_resource_pool.failed": 0,
		"huaweidata_dli_flink_jar_job.queue": 1, "huaweidata_dli_flink_jar_job.tagged": 1,
		"huaweidata_dli_flink_jar_job.regex": 1, "huaweidata_dli_flink_jar_job.running": 0,
		"huaweidata_dli_sql_job.queries": 2, "huaweidata_dli_sql_job.finished": 3, "huaweidata_dli_sql_job.failed": 0,
		"huaweidata_dli_sql_job.sql": 1, "huaweidata_dli_sql_job.future": 0, "huaweidata_dli_sql_job.past": 3,
		"huaweidata_dli_package.group": 2, "huaweidata_dli_package.jars": 2, "huaweidata_dli_package.regex": 1,
		"huaweidata_dli_datasource_auth.krb": 1, "huaweidata_dli_datasource_auth.regex": 1,
		"huaweidata_dli_sql_template.group": 1, "huaweidata_dli_sql_template.regex": 1,
		"huaweidata_dli_spark_template.group": 1, "huaweidata_dli_spark_template.regex": 1,
		"huaweidata_dli_flink_template.regex": 1, "huaweidata_dli_permission.regex": 1,
	}
	query := env.ProviderBlock()
	var checks []querycheck.QueryResultCheck
	for _, addr := range slices.Sorted(maps.Keys(blocks)) {
		typ, name, _ := strings.Cut(addr, ".")
		query += listBlock(typ, name, blocks[addr])
		checks = append(checks, querycheck.ExpectLength(addr, want[addr]))
	}
	checks = append(checks,
		querycheck.ExpectIdentity("huaweidata_dli_elastic_resource_pool.tagged", map[string]knownvalue.Check{"name": knownvalue.StringExact("etl_pool")}),
		querycheck.ExpectIdentity("huaweidata_dli_package.regex", map[string]knownvalue.Check{
			"group_name": knownvalue.StringExact("g2"), "object_name": knownvalue.StringExact("ml.jar"),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_datasource_auth.krb", map[string]knownvalue.Check{"name": knownvalue.StringExact("krb_b")}),
	)
	before := env.Emulator.RequestCounts()
	invalid := func(typ, config, want string) resource.TestStep {
		return resource.TestStep{Query: true, Config: env.ProviderBlock() + listBlock(typ, "bad", config), ExpectError: regexp.MustCompile(want)}
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			// Plan-time rules: each one names the attribute and the rule, before any API call.
			invalid("huaweidata_dli_elastic_resource_pool", `    status = "available"`, `status value must be one of`),
			invalid("huaweidata_dli_elastic_resource_pool", `    tags = {}`, `tags map must contain at least 1`),
			invalid("huaweidata_dli_flink_jar_job", `    name_regex = "(["`, `name_regex must be a valid RE2 regular\s+expression`),
			invalid("huaweidata_dli_sql_job", `    job_type = "SELECT"`, `job_type value must be one of`),
			invalid("huaweidata_dli_sql_job", `    status = "SUCCESS"`, `status value must be one of`),
			invalid("huaweidata_dli_sql_job", `    started_after = "yesterday"`, `RFC3339`),
			invalid("huaweidata_dli_sql_job", `    sql_contains = ""`, `sql_contains string length must be at least 1`),
			invalid("huaweidata_dli_package", `    type = "egg"`, `type value must be one of`),
			invalid("huaweidata_dli_package", `    group_name = "a b"`, `group_name must be 1 to 64 letters`),
			invalid("huaweidata_dli_datasource_auth", `    type = "kerberos"`, `type value must be one of`),
			invalid("huaweidata_dli_sql_template", `    group = ""`, `group string length must be at least 1`),
			invalid("huaweidata_dli_permission", `    name_regex = "x"`, `object.*required|required.*object`),
			invalid("huaweidata_dli_permission", `    object = "tables.orders"`, `object`),
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

// TestAccQueryGenerateConfigMoreKinds: the configuration generated for every object of the
// later kinds imports them all and plans no change (no secret is written), and after the
// import plans nothing at all.
func TestAccQueryGenerateConfigMoreKinds(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	skipBelowQuery(t, env)
	seedMoreEstate(t, env)
	var query strings.Builder
	for _, typ := range moreKinds {
		fmt.Fprintf(&query, "\nlist %q \"all\" {\n  provider         = huaweidata\n  include_resource = true\n}\n", typ)
	}
	query.WriteString("\nlist \"huaweidata_dli_permission\" \"all\" {\n  provider         = huaweidata\n  include_resource = true\n" +
		"  config {\n    object = \"databases.perm_db\"\n  }\n}\n")
	// 2 pools, 2 Jar jobs, 3 SQL jobs, 3 packages, 2 authentications, 2 + 2 + 2 templates, 2 grants.
	generateAndImport(t, env, query.String(), 20, func(generated string) {
		if strings.Contains(generated, "secret-pw") {
			t.Errorf("the generated configuration holds an authentication's password:\n%s", generated)
		}
	})
}
