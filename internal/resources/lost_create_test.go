package resources_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// lostCreateDelay keeps a new object invisible longer than the client's first look-up
// after a lost create answer (its retry delay, at most 100 ms in the acceptance tests,
// then polls from 20 ms), so that look-up misses it; lostCreateWindow is the provider's
// consistency window, long enough for the polls to see the object.
const (
	lostCreateDelay  = 1500 * time.Millisecond
	lostCreateWindow = 10 * time.Second
)

// lostCreateCase is a resource whose create is answered 408 after the emulator committed it.
type lostCreateCase struct {
	createOp   string // the SDK method name of the create
	config     string // without the provider block
	addr       string
	kind, name string // the object in the emulator's inventory (inventoryObjects)
}

// testLostCreate applies the config of lostCreateCases[kind] (c) while every c.createOp is answered 408 after it took
// effect and new objects stay invisible for lostCreateDelay. The provider must find the
// object instead of sending the create again: the create is sent once, the emulator holds
// exactly one such object, the state has its id, the next plan is empty and destroy leaves
// nothing behind.
//
// With malformed, the first create is instead answered 200 with an empty body without
// taking effect: then the create is sent twice (the second after the look-ups found
// nothing) and the rest holds as well.
func testLostCreate(t *testing.T, kind string, malformed bool) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "lost create answers injected")
	c := lostCreateCases(env.Name)[kind]
	creates := 1
	if malformed {
		env.Emulator.ReplaceNextResponse(c.createOp, 200, "", 1)
		creates = 2
	} else {
		env.ConsistencyWindow = lostCreateWindow
		env.SetFaults(emulator.Faults{
			ErrorRates:       map[int]float64{408: 1},
			Operations:       []string{c.createOp},
			ConsistencyDelay: lostCreateDelay,
		})
	}
	one := acctest.CheckAPI(func(context.Context) error {
		if ids := inventoryIDs(env.Env, c.kind, c.name); len(ids) != 1 {
			return fmt.Errorf("the emulator holds %d %s named %q (%v), want exactly 1", len(ids), c.kind, c.name, ids)
		}
		if d := env.Emulator.Inventory().Duplicates(); len(d) > 0 {
			return fmt.Errorf("duplicates: %s", strings.Join(d, "; "))
		}
		return nil
	})
	rightID := statecheck.ExpectKnownValue(c.addr, tfjsonpath.New("id"), knownvalue.StringFunc(func(id string) error {
		if ids := inventoryIDs(env.Env, c.kind, c.name); len(ids) != 1 || ids[0] != id {
			return fmt.Errorf("id in state is %q; the emulator's %s named %q has ids %v", id, c.kind, c.name, ids)
		}
		return nil
	}))
	cfg := env.Config(c.config)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             noLeftovers(env.Env),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				// A 408 comes after the commit: the create is sent once, and found.
				ConfigStateChecks: []statecheck.StateCheck{one, rightID, env.ExpectRequests(c.createOp, creates, creates)},
			},
			{
				Config:            cfg,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{one, rightID, env.ExpectRequests(c.createOp, creates, creates)},
			},
		},
	})
}

// lostCreateCases are the resources whose create can be lost, by kind, their objects named
// by n (the test's Env.Name) where the configuration takes a name; the table, connection,
// grant and package configurations shared with other tests have fixed names (each test
// has its own emulator).
func lostCreateCases(n func(string) string) map[string]lostCreateCase {
	return map[string]lostCreateCase{
		"queue": {
			createOp: "CreateQueue", config: queueConfig(n("lost"), 16, ""), addr: queueAddr,
			kind: "queue", name: n("lost"),
		},
		"global_variable": {
			createOp: "CreateGlobalVariable", config: variableConfig(n("lost"), `  value = "v1"`), addr: varAddr,
			kind: "global_variable", name: n("lost"),
		},
		"database": {
			createOp: "CreateDatabase", config: databaseConfig(n("lost"), ""), addr: dbAddr,
			kind: "database", name: n("lost"),
		},
		"table": {
			createOp: "CreateTable", config: oddTableConfig, addr: tableAddr,
			kind: "table", name: "acc_catalog/orders",
		},
		"connection": {
			createOp: "CreateEnhancedConnection", config: bareConn(""), addr: connAddr,
			kind: "enhanced_connection", name: "acc_conn",
		},
		"flink_sql_job": {
			createOp: "CreateFlinkSqlJob", config: flinkConfig(n("lost"), flinkSQL1, ""), addr: flinkAddr,
			kind: "flink_job", name: n("lost"),
		},
		"batch_job": {
			createOp: "CreateSparkJob", config: batchConfig(n("lostq"), sparkPi+`  name = "`+n("lost")+`"`), addr: batchAddr,
			kind: "spark_batch", name: n("lost"),
		},
		// issue 14: queue scaling plans
		"queue_scaling_plan": {
			createOp: "CreateQueuePlan", config: planConfig(n("lostq"), planNight), addr: planAddr,
			kind: "queue_plan", name: n("lostq") + "/night",
		},
		"permission": { // permissions
			createOp: "RunDataAuthorizationAction", config: oddPermissionConfig, addr: oddPermissionAddr,
			kind: "privilege", name: "databases.acc_odd/analyst",
		},
		"package": { // issue 17: resource packages
			createOp: "UploadJobResources", config: packageConfig("lost.jar", ""), addr: pkgAddr,
			kind: "resource_package", name: "acc_group/lost.jar",
		},
		// datasource auth (issue 17)
		"datasource_auth": {
			createOp: "CreateJobAuthInfo", config: authConfig(n("lost"), "passwd", "  username = \"u\"\n  password = \"p\""), addr: authAddr,
			kind: "datasource_auth", name: n("lost"),
		},
		// issue 16: SQL jobs
		"sql_job": {
			createOp: "CreateSqlJob", config: sqlJobOnDefaultQueue("select '" + n("lost") + "' as x"), addr: sqlJobAddr,
			kind: "sql_job", name: "select '" + n("lost") + "' as x",
		},
		"sql_template": {
			createOp: "CreateSqlJobTemplate", config: sqlTemplateConfig(n("lost"), "select 1", ""), addr: sqlTemplateAddr,
			kind: "sql_template", name: n("lost"),
		},
		"spark_template": {
			createOp: "CreateSparkJobTemplate", config: sparkTemplateConfig(n("lost"), `    file = "a.jar"`), addr: sparkTemplateAddr,
			kind: "spark_template", name: n("lost"),
		},
		// issue 14: elastic resource pools
		"elastic_resource_pool": {
			createOp: "CreateElasticResourcePool", config: poolConfig(n("lost"), 64, 64, ""), addr: poolAddr,
			kind: "elastic_resource_pool", name: n("lost"),
		},
		// issue 16 part B: Flink Jar jobs
		"flink_jar_job": {
			createOp: "CreateFlinkJarJob", config: jarConfig(n("lost"), "-rate 1", ""), addr: jarAddr,
			kind: "flink_job", name: n("lost"),
		},
		"flink_template": {
			createOp: "CreateFlinkSqlJobTemplate", config: templateConfig(n("lost"), flinkSQL1, ""), addr: templateAddr,
			kind: "flink_template", name: n("lost"),
		},
	}
}

func TestAccLostCreate_queue(t *testing.T) { testLostCreate(t, "queue", false) }
func TestAccLostCreate_globalVariable(t *testing.T) {
	testLostCreate(t, "global_variable", false)
}
func TestAccLostCreate_database(t *testing.T) { testLostCreate(t, "database", false) }
func TestAccLostCreate_table(t *testing.T)    { testLostCreate(t, "table", false) }
func TestAccLostCreate_connection(t *testing.T) {
	testLostCreate(t, "connection", false)
}
func TestAccLostCreate_flinkSQLJob(t *testing.T) {
	testLostCreate(t, "flink_sql_job", false)
}
func TestAccLostCreate_batchJob(t *testing.T) { testLostCreate(t, "batch_job", false) }
func TestAccLostCreate_queueScalingPlan(t *testing.T) {
	testLostCreate(t, "queue_scaling_plan", false)
}
func TestAccLostCreate_permission(t *testing.T) {
	testLostCreate(t, "permission", false)
}
func TestAccLostCreate_package(t *testing.T) { testLostCreate(t, "package", false) }
func TestAccLostCreate_datasourceAuth(t *testing.T) { // issue 17
	testLostCreate(t, "datasource_auth", false)
}
func TestAccLostCreate_sqlJob(t *testing.T) { testLostCreate(t, "sql_job", false) }
func TestAccLostCreate_sqlTemplate(t *testing.T) {
	testLostCreate(t, "sql_template", false)
}
func TestAccLostCreate_sparkTemplate(t *testing.T) {
	testLostCreate(t, "spark_template", false)
}
func TestAccLostCreate_elasticResourcePool(t *testing.T) {
	testLostCreate(t, "elastic_resource_pool", false)
}
func TestAccLostCreate_flinkJarJob(t *testing.T) {
	testLostCreate(t, "flink_jar_job", false)
}
func TestAccLostCreate_flinkTemplate(t *testing.T) {
	testLostCreate(t, "flink_template", false)
}

// TestAccLostCreate_malformedAnswer: the first create is answered 200 with an empty body
// and did not take effect (the emulator's handler did not run). The outcome is unknown, so
// the provider looks for the object through the consistency window, finds none, and sends
// the create again: two creates, one object.
func TestAccLostCreate_malformedAnswer(t *testing.T) {
	t.Parallel()
	for kind := range lostCreateCases(func(base string) string { return base }) {
		t.Run(kind, func(t *testing.T) { testLostCreate(t, kind, true) })
	}
}

// lostOnceBehind serves env's emulator through a proxy that answers the next matching
// request (once armed) with a 408 after the emulator has carried it out, and returns env
// behind that proxy (EmulatedEnv.Behind).
func lostOnceBehind(t *testing.T, env *acctest.EmulatedEnv, op, method string, path *regexp.Regexp) (*acctest.EmulatedEnv, *atomic.Bool) {
	t.Helper()
	armed := &atomic.Bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == method && path.MatchString(r.URL.Path) && armed.CompareAndSwap(true, false) {
			env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{op}})
			env.Emulator.ServeHTTP(w, r)
			env.SetFaults(emulator.Faults{})
			return
		}
		env.Emulator.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return env.Behind(srv.URL), armed
}

// A scale is relative (scale_out by 16 CUs): answered 408 after it took effect, it must not
// be sent blindly again (that would scale twice). The queue ends with exactly the planned
// CUs and the plan after is empty.
func TestAccLostCreate_queueScale(t *testing.T) {
	t.Parallel()
	env, armed := lostOnceBehind(t, acctest.NewEmulatedEnv(t, "a 408 injected once, after the scale took effect"),
		"RunQueueAction", http.MethodPut, regexp.MustCompile(`/action$`))
	scaled := env.Name("scale")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env.Env, t),
		Steps: []resource.TestStep{
			{Config: env.Config(queueConfig(scaled, 16, ""))},
			{
				PreConfig:         func() { armed.Store(true) },
				Config:            env.Config(queueConfig(scaled, 32, "")),
				ConfigPlanChecks:  acctest.ExpectAction(queueAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{queueCUs(env.Env, t, scaled, 32)},
			},
		},
	})
}
