package acctest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// seedEveryKind creates, through the API, objects of every kind Sweep finds, all of them
// belonging to prefix: most named with it, a queue in its pool and a table in its database
// named without it. It returns what Leftovers(prefix) must find (key).
func seedEveryKind(ctx context.Context, t *testing.T, c *client.Client, prefix string) []string {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	mustID := func(_ any, err error) { t.Helper(); must(err) }
	n := func(base string) string { return prefix + base }
	random := strings.TrimSuffix(strings.TrimPrefix(prefix, NamePrefix), "_")

	must(c.CreateElasticResourcePool(ctx, &model.CreateElasticResourcePoolRequestBody{ElasticResourcePoolName: n("pool"), MinCu: 64, MaxCu: 64}))
	must(c.WaitForElasticResourcePool(ctx, n("pool"), 64, 64))
	pooled := "pooled_" + random
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: pooled, CuCount: 16, QueueType: ptr.Of("general"), ElasticResourcePoolName: ptr.Of(n("pool"))}))
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: n("q"), CuCount: 16, QueueType: ptr.Of("general")}))
	must(c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: n("sql"), CuCount: 16}))
	must(c.WaitForQueueCUs(ctx, n("q"), 16))
	must(c.WaitForQueueCUs(ctx, n("sql"), 16))
	must(c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: n("db")}))
	cols := []model.Column{{ColumnName: "id", Type: "int"}}
	inDB := "t_" + random
	must(c.CreateTable(ctx, n("db"), &model.CreateTableRequestBody{TableName: inDB, DataLocation: "DLI", Columns: cols}))
	must(c.CreateTable(ctx, "default", &model.CreateTableRequestBody{TableName: n("t"), DataLocation: "DLI", Columns: cols}))
	must(c.CreateGlobalVariable(ctx, &model.CreateGlobalVariableRequestBody{VarName: n("var"), VarValue: "v"}))
	mustID(c.CreateFlinkSQLJob(ctx, &model.CreateFlinkSqlJobRequestBody{Name: n("fsql"), QueueName: ptr.Of(n("q")), SqlBody: ptr.Of("INSERT INTO sink SELECT 1;")}))
	mustID(c.CreateFlinkJarJob(ctx, &model.CreateFlinkJarJobRequestBody{Name: n("fjar"), QueueName: ptr.Of(n("q")), Entrypoint: ptr.Of("g/etl.jar"), MainClass: ptr.Of("Main")}))
	mustID(c.CreateBatchJob(ctx, &client.BatchJobRequest{File: "obs://b/app.jar", ClassName: "Main", Queue: n("q"), Name: ptr.Of(n("batch"))}))
	mustID(c.SubmitSQLJob(ctx, n("sql"), "", "SELECT * FROM "+n("db")+"."+inDB))
	mustID(c.CreateEnhancedConnection(ctx, &model.CreateEnhancedConnectionRequestBody{Name: n("conn"), DestVpcId: "vpc-1", DestNetworkId: "net-1"}))
	mustID(c.CreateSQLTemplate(ctx, &model.CreateSqlJobTemplateRequestBody{SqlName: n("sqlt"), Sql: "SELECT 1"}))
	mustID(c.CreateSparkTemplate(ctx, client.SparkTemplateSpec{Name: n("sparkt"), Body: client.SparkJobBody{File: "g/etl.jar", ClassName: "Main"}}))
	mustID(c.CreateFlinkTemplate(ctx, &model.CreateFlinkSqlJobTemplateRequestBody{Name: n("flinkt"), SqlBody: ptr.Of("SELECT 1")}))
	const obs = "https://acc-bucket.obs.cn-north-4.myhuaweicloud.com/jars/"
	must(c.UploadPackage(ctx, &model.UploadJobResourcesRequestBody{Paths: []string{obs + "etl.jar"}, Kind: "jar", Group: n("grp")}, "etl.jar"))
	must(c.UploadPackage(ctx, &model.UploadJobResourcesRequestBody{Paths: []string{obs + n("lib.jar")}, Kind: "jar", Group: "shared"}, n("lib.jar")))
	must(c.CreateAuthInfo(ctx, &model.CreateAuthInfoRequestBody{AuthInfoName: n("auth"), DatasourceType: "passwd", UserName: ptr.Of("u"), Password: ptr.Of("pw")}))

	return []string{
		"datasource_auth " + n("auth"), "database " + n("db"), "elastic_resource_pool " + n("pool"),
		"enhanced_connection " + n("conn"), "flink_job " + n("fjar"), "flink_job " + n("fsql"), "flink_template " + n("flinkt"),
		"global_variable " + n("var"), "package " + n("grp") + "/etl.jar", "package shared/" + n("lib.jar"),
		"queue " + n("q"), "queue " + n("sql"), "queue " + pooled, "spark_batch " + n("batch"), "spark_template " + n("sparkt"),
		"sql_job " + statementStart("SELECT * FROM "+n("db")+"."+inDB), "sql_template " + n("sqlt"),
		"table " + n("db") + "." + inDB, "table default." + n("t"),
	}
}

// keys are the leftovers without their ids, sorted.
func keys(ls []Leftover) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		l.ID = ""
		out[i] = l.String()
	}
	slices.Sort(out)
	return out
}

func leftoversOf(ctx context.Context, t *testing.T, c *client.Client, prefix string) []Leftover {
	t.Helper()
	ls, err := Leftovers(ctx, c, prefix)
	if err != nil {
		t.Fatalf("Leftovers(%s): %v", prefix, err)
	}
	return ls
}

// TestSweep_everyKind: Leftovers finds every kind for its prefix and nothing of another's;
// the dry run deletes nothing; Sweep deletes them all and leaves the other prefix's alone;
// CheckNothingLeft in real mode fails while they are left and passes after.
func TestSweep_everyKind(t *testing.T) {
	env := NewEmulatedEnv(t, "seeds objects of every kind")
	env.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond})
	env.Emulator.SetSQLJobRunTime(100 * time.Hour) // the SQL and Spark jobs stay running
	env.Emulator.SetBatchRunTime(100 * time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := env.Client(t)
	mine, other := "tfaccaaaaaa_", "tfaccbbbbbb_"
	want := seedEveryKind(ctx, t, c, mine)
	wantOther := seedEveryKind(ctx, t, c, other)
	slices.Sort(want)
	slices.Sort(wantOther)

	if got := keys(leftoversOf(ctx, t, c, mine)); !slices.Equal(got, want) {
		t.Fatalf("Leftovers(%s):\n got %q\nwant %q", mine, got, want)
	}
	kinds := map[string]bool{}
	for _, l := range leftoversOf(ctx, t, c, mine) {
		kinds[l.Kind] = true
	}
	for _, k := range SweepKinds() {
		if !kinds[k.Name] {
			t.Errorf("no %s found: the seed lacks it", k.Name)
		}
	}

	// Real mode, against the same emulator: CheckNothingLeft sees them by prefix.
	realEnv := &Env{prefix: mine}
	setRealEnv(t, env.URL())
	if err := CheckNothingLeft(realEnv)(nil); err == nil || !strings.Contains(err.Error(), "queue "+mine+"q") {
		t.Fatalf("CheckNothingLeft in real mode with objects left: %v, want them listed", err)
	}

	before := env.Emulator.Inventory().Leftovers()
	listed, err := Sweep(ctx, c, mine, true, t.Logf)
	if err != nil || !slices.Equal(keys(listed), want) {
		t.Fatalf("dry run: %q, %v; want %q", keys(listed), err, want)
	}
	if after := env.Emulator.Inventory().Leftovers(); len(after) != len(before) {
		t.Fatalf("the dry run changed the inventory:\nbefore %q\nafter  %q", before, after)
	}

	deleted, err := Sweep(ctx, c, mine, false, t.Logf)
	if err != nil || !slices.Equal(keys(deleted), want) {
		t.Fatalf("sweep: deleted %q, %v; want %q", keys(deleted), err, want)
	}
	if left := leftoversOf(ctx, t, c, mine); len(left) > 0 {
		t.Errorf("left after the sweep: %v", left)
	}
	for _, l := range listed {
		needle := l.Name
		switch l.Kind {
		case KindSQLJob:
			needle = l.ID
		case KindPackage:
			needle = client.PackageID(l.Parent, l.Name)
		}
		for _, s := range env.Emulator.Inventory().Leftovers() {
			if strings.Contains(s, needle) {
				t.Errorf("the emulator still holds %s: %s", l, s)
			}
		}
	}
	if got := keys(leftoversOf(ctx, t, c, other)); !slices.Equal(got, wantOther) {
		t.Errorf("the other prefix's objects after the sweep:\n got %q\nwant %q", got, wantOther)
	}
	if err := CheckNothingLeft(realEnv)(nil); err != nil {
		t.Errorf("CheckNothingLeft in real mode after the sweep: %v", err)
	}
}

// setRealEnv points real mode's environment at the emulator at url, with its demo account.
func setRealEnv(t *testing.T, url string) {
	t.Setenv(RealModeEnv, "1")
	for k, v := range map[string]string{
		"HW_REGION_NAME": emulator.DemoRegion, "HW_PROJECT_ID": emulator.DemoProjectID,
		"HW_ACCESS_KEY": emulator.DemoAccessKey, "HW_SECRET_KEY": emulator.DemoSecretKey, "HW_SECURITY_TOKEN": "",
		"HW_DLI_ENDPOINT": url, "HW_DATAARTS_ENDPOINT": url, "HW_IAM_ENDPOINT": url,
	} {
		t.Setenv(k, v)
	}
}

func TestLeftovers_refusesForeignPrefix(t *testing.T) {
	for _, prefix := range []string{"", "prod_", "tfac"} {
		if _, err := Leftovers(context.Background(), nil, prefix); err == nil {
			t.Errorf("Leftovers(%q) did not refuse", prefix)
		}
	}
}

func TestSweepKinds_dependencyOrder(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range SweepKinds() {
		for _, a := range k.After {
			if !seen[a] {
				t.Errorf("%s must come after %s", k.Name, a)
			}
		}
		seen[k.Name] = true
	}
}
