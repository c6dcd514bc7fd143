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
// find, every name with the test's prefix (env.Name): pools etl_pool (team a) and ml_pool;
// Flink Jar jobs jar_a (on queue jq, team a) and jar_b (on jq2) next to the Flink SQL job
// sql_c; SQL jobs on the SQL queue sq (a DDL creating seeded_db and two queries); packages
// g1/etl.jar, g1/notes.txt and g2/ml.jar; authentications pw_a (passwd) and krb_b (KRB);
// SQL templates report_a (group reports) and adhoc_b; Spark templates nightly_daily (group
// nightly) and weekly; SELECT on the database perm_db for auditor and analyst; Flink
// templates stream_a and batch_b. It is deleted when the test ends.
func seedMoreEstate(t *testing.T, env *acctest.Env) moreEstate {
	t.Helper()
	env.WithEmulator(func(emu *emulator.Emulator) { emu.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond}) })
	s, cancel := newSeeder(t, env, 30*time.Minute) // a real account provisions pools and queues in minutes
	defer cancel()
	ctx, c, n := s.ctx, s.c, env.Name
	must := func(err error) {
		t.Helper()
		s.must(err, "an object")
	}
	var out moreEstate
	var err error
	for _, pool := range []*model.CreateElasticResourcePoolRequestBody{
		{ElasticResourcePoolName: n("etl_pool"), MinCu: 64, MaxCu: 64, Tags: teamTag("a")},
		{ElasticResourcePoolName: n("ml_pool"), MinCu: 64, MaxCu: 64},
	} {
		name := pool.ElasticResourcePoolName
		must(c.CreateElasticResourcePool(ctx, pool))
		s.created("pool "+name, func(ctx context.Context) error { _, err := c.GetElasticResourcePool(ctx, name); return err },
			func(ctx context.Context) error {
				if err := c.DeleteElasticResourcePool(ctx, name); err != nil {
					return err
				}
				return c.WaitForElasticResourcePoolDeleted(ctx, name)
			})
	}
	s.queue(&model.CreateQueueRequestBody{QueueName: n("jq"), CuCount: 16, QueueType: ptr.Of("general")})
	s.queue(&model.CreateQueueRequestBody{QueueName: n("jq2"), CuCount: 16, QueueType: ptr.Of("general")})
	s.queue(&model.CreateQueueRequestBody{QueueName: n("sq"), CuCount: 16})
	// Pools and queues ready: the emulated clock runs ahead; a real account is waited for.
	env.WithEmulator(func(emu *emulator.Emulator) { emu.Advance(time.Hour) })
	s.awaitVisible()
	for _, pool := range []string{n("etl_pool"), n("ml_pool")} {
		must(c.WaitForElasticResourcePool(ctx, pool, 64, 64))
	}
	for _, q := range []string{n("jq"), n("jq2"), n("sq")} {
		must(c.WaitForQueueCUs(ctx, q, 16))
	}
	etlJar := n("g1") + "/" + n("etl.jar")
	id, err := c.CreateFlinkJarJob(ctx, &model.CreateFlinkJarJobRequestBody{Name: n("jar_a"), QueueName: ptr.Of(n("jq")),
		Entrypoint: ptr.Of(etlJar), MainClass: ptr.Of("org.example.Main"), Tags: teamTag("a")})
	out.jarJobID = s.flinkJob(id, err, n("jar_a"))
	id, err = c.CreateFlinkJarJob(ctx, &model.CreateFlinkJarJobRequestBody{Name: n("jar_b"), QueueName: ptr.Of(n("jq2")), Entrypoint: ptr.Of(etlJar)})
	s.flinkJob(id, err, n("jar_b"))
	id, err = c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{Name: n("sql_c"), SqlBody: ptr.Of("INSERT INTO sink SELECT 1;")})
	s.flinkJob(id, err, n("sql_c"))
	// SQL jobs end by themselves (an ended job is history, not something to delete); the
	// database the DDL creates is deleted when the test ends.
	for i, sql := range []string{"CREATE DATABASE " + n("seeded_db"), "SELECT 1 AS answer", "SELECT   2\n  AS other"} {
		job, err := c.SubmitSQLJob(ctx, n("sq"), "", sql)
		must(err)
		if i == 0 {
			s.created("database "+n("seeded_db"), nil, func(ctx context.Context) error { return c.DeleteDatabase(ctx, n("seeded_db"), true) })
		}
		must(c.WaitForSQLJob(ctx, job.JobID))
		if i == 1 {
			out.selectJobID = job.JobID
		}
	}
	for _, p := range []struct{ group, kind, file string }{{"g1", "jar", "etl.jar"}, {"g1", "file", "notes.txt"}, {"g2", "jar", "ml.jar"}} {
		group, file := n(p.group), n(p.file)
		must(c.UploadPackage(ctx, &model.UploadJobResourcesRequestBody{Paths: []string{pkgOBS + file}, Kind: p.kind, Group: group}, file))
		s.created("package "+group+"/"+file, nil, func(ctx context.Context) error {
			if err := c.DeletePackage(ctx, group, file); err != nil {
				return err
			}
			return c.WaitForPackageDeleted(ctx, group, file)
		})
		_, err = c.WaitForPackageReady(ctx, group, file)
		must(err)
	}
	auth := func(body *model.CreateAuthInfoRequestBody) {
		name := body.AuthInfoName
		must(c.CreateAuthInfo(ctx, body))
		s.created("authentication "+name, func(ctx context.Context) error { _, err := c.GetAuthInfo(ctx, name); return err },
			func(ctx context.Context) error { return c.DeleteAuthInfo(ctx, name) })
	}
	auth(&model.CreateAuthInfoRequestBody{AuthInfoName: n("pw_a"), DatasourceType: "passwd", UserName: ptr.Of("u"), Password: ptr.Of("secret-pw")})
	auth(&model.CreateAuthInfoRequestBody{AuthInfoName: n("krb_b"), DatasourceType: "KRB", UserName: ptr.Of("hive"),
		Krb5Conf: ptr.Of("obs://krb/krb5.conf"), Keytab: ptr.Of("obs://krb/hive.keytab")})
	template := func(what, id string, err error, lookup func(context.Context) error) string {
		t.Helper()
		must(err)
		s.created(what, lookup, func(ctx context.Context) error { return c.DeleteTemplates(ctx, id) })
		return id
	}
	tid, err := c.CreateSQLTemplate(ctx, &model.CreateSqlJobTemplateRequestBody{SqlName: n("report_a"), Sql: "SELECT 1", Group: ptr.Of("reports")})
	out.sqlTemplateID = template("SQL template report_a", tid, err, func(ctx context.Context) error { _, err := c.GetSQLTemplate(ctx, tid); return err })
	tid2, err := c.CreateSQLTemplate(ctx, &model.CreateSqlJobTemplateRequestBody{SqlName: n("adhoc_b"), Sql: "SELECT 2"})
	template("SQL template adhoc_b", tid2, err, func(ctx context.Context) error { _, err := c.GetSQLTemplate(ctx, tid2); return err })
	for _, st := range []struct{ name, group string }{{"nightly_daily", "nightly"}, {"weekly", ""}} {
		id, err := c.CreateSparkTemplate(ctx, client.SparkTemplateSpec{Name: n(st.name), Group: st.group,
			Body: client.SparkJobBody{File: etlJar, ClassName: "org.example.Main"}})
		template("Spark template "+st.name, id, err, func(ctx context.Context) error { _, err := c.ShowSparkTemplate(ctx, id); return err })
	}
	s.database(&model.CreateDatabaseRequestBody{DatabaseName: n("perm_db")}) // its grants go with it
	s.awaitVisible()
	permDB, err := client.ParsePermissionObject("databases." + n("perm_db"))
	must(err)
	for _, user := range []string{"auditor", "analyst"} {
		must(c.Authorize(ctx, permDB, user, true, []string{"SELECT"}))
	}
	for _, name := range []string{"stream_a", "batch_b"} {
		id, err := c.CreateFlinkTemplate(ctx, &model.CreateFlinkSqlJobTemplateRequestBody{Name: n(name), SqlBody: ptr.Of("SELECT 1")})
		must(err)
		s.created("Flink template "+name, func(ctx context.Context) error { _, err := c.GetFlinkTemplate(ctx, id); return err },
			func(ctx context.Context) error { return c.DeleteFlinkTemplate(ctx, id) })
		out.flinkTemplates = append(out.flinkTemplates, id)
	}
	s.awaitVisible()
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
// The counts are of the test's objects (in real mode the list blocks are scoped to its
// prefix: listScope); the requests the query sends are counted against the emulator only.
func TestAccListMoreKinds(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	skipBelowQuery(t, env) // before seeding: nothing is created for a test that cannot run
	seeded := seedMoreEstate(t, env)
	n := env.Name
	query := env.ProviderBlock() + moreKindsQuery(env)
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
			"object": knownvalue.StringExact("databases." + n("perm_db")), "user_name": knownvalue.StringExact("auditor"),
		}),
		byName("huaweidata_dli_permission", "analyst", querycheck.KnownValueCheck{Path: tfjsonpath.New("privileges"),
			KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("SELECT")})}),
		querycheck.ExpectIdentity("huaweidata_dli_elastic_resource_pool.all", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("ml_pool"))}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_jar_job.all", map[string]knownvalue.Check{"job_id": knownvalue.Int64Exact(seeded.jarJobID)}),
		querycheck.ExpectIdentity("huaweidata_dli_sql_job.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(seeded.selectJobID)}),
		querycheck.ExpectIdentity("huaweidata_dli_package.all", map[string]knownvalue.Check{
			"group_name": knownvalue.StringExact(n("g1")), "object_name": knownvalue.StringExact(n("notes.txt")),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_datasource_auth.all", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("krb_b"))}),
		querycheck.ExpectIdentity("huaweidata_dli_sql_template.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(seeded.sqlTemplateID)}),
		querycheck.ExpectIdentity("huaweidata_dli_flink_template.all", map[string]knownvalue.Check{"template_id": knownvalue.Int64Exact(seeded.flinkTemplates[1])}),
		// SQL jobs have no name: they are shown by their SQL, on one line.
		querycheck.ExpectResourceDisplayName("huaweidata_dli_sql_job.all",
			queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(seeded.selectJobID)}),
			knownvalue.StringExact("SELECT 1 AS answer")),
		byName("huaweidata_dli_sql_job", "SELECT 2 AS other", querycheck.KnownValueCheck{Path: tfjsonpath.New("queue_name"), KnownValue: knownvalue.StringExact(n("sq"))}),
		querycheck.ExpectResourceDisplayName("huaweidata_dli_package.all",
			queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"group_name": knownvalue.StringExact(n("g2")), "object_name": knownvalue.StringExact(n("ml.jar"))}),
			knownvalue.StringExact(n("g2")+"/"+n("ml.jar"))),
		// include_resource fills the resource as its Read does.
		byName("huaweidata_dli_elastic_resource_pool", n("etl_pool"), querycheck.KnownValueCheck{Path: tfjsonpath.New("max_cu"), KnownValue: knownvalue.Int64Exact(64)}),
		byName("huaweidata_dli_flink_jar_job", n("jar_a"), querycheck.KnownValueCheck{Path: tfjsonpath.New("main_class"), KnownValue: knownvalue.StringExact("org.example.Main")}),
		byName("huaweidata_dli_package", n("g1")+"/"+n("etl.jar"), querycheck.KnownValueCheck{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("jar")}),
		byName("huaweidata_dli_datasource_auth", n("pw_a"),
			querycheck.KnownValueCheck{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("passwd")},
			querycheck.KnownValueCheck{Path: tfjsonpath.New("password"), KnownValue: knownvalue.Null()}),
		byName("huaweidata_dli_sql_template", n("report_a"), querycheck.KnownValueCheck{Path: tfjsonpath.New("group"), KnownValue: knownvalue.StringExact("reports")}),
		byName("huaweidata_dli_spark_template", n("nightly_daily"), querycheck.KnownValueCheck{Path: tfjsonpath.New("group"), KnownValue: knownvalue.StringExact("nightly")}),
		byName("huaweidata_dli_flink_template", n("stream_a"), querycheck.KnownValueCheck{Path: tfjsonpath.New("sql"), KnownValue: knownvalue.StringExact("SELECT 1")}),
	}
	env.ResetCounts()
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
	env.ExpectRequestCounts(t, "terraform query", want)
}

// moreKindsQuery is a list block per kind of moreKinds, including the resources, and one
// of the grants on the database perm_db (grants are listed per object); in real mode each
// is scoped to the test's objects (listScope).
func moreKindsQuery(env *acctest.Env) string {
	var query strings.Builder
	for _, typ := range moreKinds {
		config := ""
		if scope := listScope(env, typ, "", env.Name("sq")); scope != "" {
			config = "  config {\n" + scope + "\n  }\n"
		}
		fmt.Fprintf(&query, "\nlist %q \"all\" {\n  provider         = huaweidata\n  include_resource = true\n%s}\n", typ, config)
	}
	fmt.Fprintf(&query, "\nlist \"huaweidata_dli_permission\" \"all\" {\n  provider         = huaweidata\n  include_resource = true\n"+
		"  config {\n    object = %q\n  }\n}\n", "databases."+env.Name("perm_db"))
	return query.String()
}

// TestAccListMoreFilters: every filter of the later list resources narrows the results as it
// says, and every bad filter is refused at plan time, before any API call (that no request
// is sent is checked against the emulator; in real mode the blocks are scoped: listScope).
func TestAccListMoreFilters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	skipBelowQuery(t, env) // before seeding: nothing is created for a test that cannot run
	seedMoreEstate(t, env)
	n, p := env.Name, env.Prefix()
	blocks := map[string]string{
		"huaweidata_dli_elastic_resource_pool.tagged":    `    tags = { team = "a" }`,
		"huaweidata_dli_elastic_resource_pool.regex":     `    name_regex = "^` + p + `ml_"`,
		"huaweidata_dli_elastic_resource_pool.available": `    status = "AVAILABLE"`,
		"huaweidata_dli_elastic_resource_pool.failed":    `    status = "FAILED"`,
		"huaweidata_dli_flink_jar_job.queue":             `    queue_name = "` + n("jq") + `"`,
		"huaweidata_dli_flink_jar_job.tagged":            `    tags = { team = "a" }`,
		"huaweidata_dli_flink_jar_job.regex":             `    name_regex = "_b$"`,
		"huaweidata_dli_flink_jar_job.running":           `    status = "job_running"`,
		"huaweidata_dli_sql_job.queries":                 `    job_type = "QUERY"`,
		"huaweidata_dli_sql_job.finished":                "    status = \"FINISHED\"\n    queue_name = \"" + n("sq") + "\"",
		"huaweidata_dli_sql_job.failed":                  `    status = "FAILED"`,
		"huaweidata_dli_sql_job.sql":                     `    sql_contains = "create database"`,
		"huaweidata_dli_sql_job.future":                  `    started_after = "2999-01-01T00:00:00Z"`,
		"huaweidata_dli_sql_job.past":                    `    started_before = "2999-01-01T00:00:00Z"`,
		"huaweidata_dli_package.group":                   `    group_name = "` + n("g1") + `"`,
		"huaweidata_dli_package.jars":                    `    type = "jar"`,
		"huaweidata_dli_package.regex":                   `    name_regex = "^` + p + `ml"`,
		"huaweidata_dli_datasource_auth.krb":             `    type = "KRB"`,
		"huaweidata_dli_datasource_auth.regex":           `    name_regex = "^` + p + `pw_"`,
		"huaweidata_dli_sql_template.group":              `    group = "reports"`,
		"huaweidata_dli_sql_template.regex":              `    name_regex = "_b$"`,
		"huaweidata_dli_spark_template.group":            `    group = "nightly"`,
		"huaweidata_dli_spark_template.regex":            `    name_regex = "^` + p + `week"`,
		"huaweidata_dli_flink_template.regex":            `    name_regex = "^` + p + `stream_"`,
		"huaweidata_dli_permission.regex":                "    object = \"databases." + n("perm_db") + "\"\n    name_regex = \"^ana\"",
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
		query += listBlock(typ, name, listScope(env, typ, blocks[addr], n("sq")))
		checks = append(checks, querycheck.ExpectLength(addr, want[addr]))
	}
	checks = append(checks,
		querycheck.ExpectIdentity("huaweidata_dli_elastic_resource_pool.tagged", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("etl_pool"))}),
		querycheck.ExpectIdentity("huaweidata_dli_package.regex", map[string]knownvalue.Check{
			"group_name": knownvalue.StringExact(n("g2")), "object_name": knownvalue.StringExact(n("ml.jar")),
		}),
		querycheck.ExpectIdentity("huaweidata_dli_datasource_auth.krb", map[string]knownvalue.Check{"name": knownvalue.StringExact(n("krb_b"))}),
	)
	var before map[string]int
	env.WithEmulator(func(emu *emulator.Emulator) { before = emu.RequestCounts() })
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

// TestAccQueryGenerateConfigMoreKinds: the configuration generated for every object of the
// later kinds imports them all and plans no change (no secret is written), and after the
// import plans nothing at all. In real mode the query is scoped to the test's objects.
func TestAccQueryGenerateConfigMoreKinds(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	skipBelowQuery(t, env)
	seedMoreEstate(t, env)
	// 2 pools, 2 Jar jobs, 3 SQL jobs, 3 packages, 2 authentications, 2 + 2 + 2 templates, 2 grants.
	generateAndImport(t, env, moreKindsQuery(env), 20, func(generated string) {
		if strings.Contains(generated, "secret-pw") {
			t.Errorf("the generated configuration holds an authentication's password:\n%s", generated)
		}
	})
}
