package resources_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const (
	sqlTemplateAddr   = "huaweidata_dli_sql_template.test"
	sparkTemplateAddr = "huaweidata_dli_spark_template.test"
)

func sqlTemplateConfig(name, sql, extra string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_sql_template" "test" {
  name = %q
  sql  = %q
%s
}
`, name, sql, extra)
}

// sqlTemplateIs checks the template in state as DLI holds it: the test's only SQL template
// (those named with its prefix) and, against the emulator, the only one of the project.
func sqlTemplateIs(env *acctest.Env, t *testing.T, name, sql, group string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		c := env.Client(t)
		var all, ours []model.SqlJobTemplate
		// A new template becomes visible after the consistency delay.
		err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) error {
			var err error
			if all, err = c.ListSQLTemplates(ctx); err != nil {
				return err
			}
			ours = ours[:0]
			for _, tpl := range all {
				if strings.HasPrefix(ptr.Deref(tpl.SqlName), env.Prefix()) {
					ours = append(ours, tpl)
				}
			}
			if len(ours) == 0 {
				return &client.NotFoundError{Kind: "SQL template", Name: name}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(ours) != 1 || *ours[0].SqlName != name || *ours[0].Sql != sql || *ours[0].Group != group {
			return fmt.Errorf("the test's templates: %+v", ours)
		}
		return env.EmulatorOnly(func(*emulator.Emulator) error {
			if len(all) != 1 {
				return fmt.Errorf("templates in the emulator: %+v", all)
			}
			return nil
		})
	})
}

func TestAccDLISQLTemplate_basic(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name, v2 := env.Name("daily_count"), env.Name("daily_count_v2")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(sqlTemplateConfig(name, "select count(*) from orders", "")),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(sqlTemplateAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(sqlTemplateAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(sqlTemplateAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error { id = v; return nil })),
					sqlTemplateIs(env, t, name, "select count(*) from orders", ""),
				},
			},
			{ResourceName: sqlTemplateAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: env.Config(sqlTemplateConfig(v2, "select count(1) from orders", `  group = "etl"
  description = "counts orders"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlTemplateAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(sqlTemplateAddr, tfjsonpath.New("id")),
					sqlTemplateIs(env, t, v2, "select count(1) from orders", "etl"),
				},
			},
			{
				// A change made outside Terraform is drift, corrected in place.
				PreConfig: func() {
					sql := "select 42"
					if err := env.Client(t).UpdateSQLTemplate(context.Background(), id, &model.UpdateSqlJobTemplateRequestBody{Sql: &sql}); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(sqlTemplateConfig(v2, "select count(1) from orders", `  group = "etl"
  description = "counts orders"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlTemplateAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sqlTemplateIs(env, t, v2, "select count(1) from orders", "etl")},
			},
			{
				// Deleted outside Terraform: the plan creates it again.
				PreConfig: func() {
					if err := env.Client(t).DeleteTemplates(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(sqlTemplateConfig(v2, "select count(1) from orders", `  group = "etl"
  description = "counts orders"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlTemplateAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// sparkTemplateConfig is a Spark template with the given body attributes.
func sparkTemplateConfig(name, body string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_spark_template" "test" {
  name  = %q
  group = "etl"
  body = {
%s
  }
}
`, name, body)
}

func sparkTemplateInEmulator(env *acctest.Env, t *testing.T, id *string, check func(*client.SparkTemplate) error) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		tpl, err := env.Client(t).ShowSparkTemplate(ctx, *id)
		if err != nil {
			return err
		}
		return check(tpl)
	})
}

func TestAccDLISparkTemplate_basic(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	v2 := env.Name("etl_v2")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	full := `
    file            = "obs://demo-bucket/jars/etl.jar"
    class_name      = "com.example.Etl"
    queue_name      = "etl_general"
    job_name        = "etl_daily"
    args            = ["--date", "2024-01-01"]
    jars            = ["obs://demo-bucket/jars/deps.jar"]
    python_files    = ["helpers.py"]
    files           = ["count.txt"]
    modules         = ["sys.datasource.rds"]
    conf            = { "spark.sql.shuffle.partitions" = "8" }
    sc_type         = "B"
    driver_memory   = "2G"
    driver_cores    = 1
    executor_memory = "4G"
    executor_cores  = 2
    num_executors   = 3
    feature         = "basic"
    spark_version   = "3.3.1"
    auto_recovery   = true
    max_retry_times = 3
    obs_bucket      = "demo-logs"
    catalog_name    = "dli"
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(sparkTemplateConfig(env.Name("etl"), full)),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(sparkTemplateAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(sparkTemplateAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error { id = v; return nil })),
					statecheck.ExpectKnownValue(sparkTemplateAddr, tfjsonpath.New("owner"), knownvalue.NotNull()),
					sparkTemplateInEmulator(env, t, &id, func(tpl *client.SparkTemplate) error {
						b := tpl.Body
						if b.ClassName != "com.example.Etl" || *b.DriverMemory != "2G" || *b.NumExecutors != 3 || b.PyFiles[0] != "helpers.py" || b.Conf["spark.sql.shuffle.partitions"] != "8" {
							return fmt.Errorf("body in the emulator: %+v", b)
						}
						return nil
					}),
				},
			},
			{ResourceName: sparkTemplateAddr, ImportState: true, ImportStateVerify: true},
			{
				// A smaller body replaces the whole content, in place.
				Config: env.Config(sparkTemplateConfig(v2, `    file = "obs://demo-bucket/jars/etl2.jar"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sparkTemplateAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(sparkTemplateAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(sparkTemplateAddr, tfjsonpath.New("body").AtMapKey("class_name"), knownvalue.Null()),
					sparkTemplateInEmulator(env, t, &id, func(tpl *client.SparkTemplate) error {
						if tpl.Name != v2 || tpl.Body.File != "obs://demo-bucket/jars/etl2.jar" || tpl.Body.ClassName != "" || tpl.Body.Args != nil {
							return fmt.Errorf("template in the emulator: %+v %+v", tpl, tpl.Body)
						}
						return nil
					}),
				},
			},
			{
				PreConfig: func() {
					if err := env.Client(t).DeleteTemplates(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(sparkTemplateConfig(v2, `    file = "obs://demo-bucket/jars/etl2.jar"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sparkTemplateAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccDLITemplates_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"sql template name too long": {Config: sqlTemplateConfig(fmt.Sprintf("%065d", 0), "select 1", ""), Want: `name[\s\S]*between 1 and 64`},
		"sql template blank sql":     {Config: sqlTemplateConfig("t", " ", ""), Want: `sql`},
		"spark template bad file":    {Config: sparkTemplateConfig("t", `    file = "obs://bucket-only"`), Want: `body.file[\s\S]*OBS path`},
		"spark template bad memory":  {Config: sparkTemplateConfig("t", "    file = \"a.jar\"\n    driver_memory = \"2\""), Want: `driver_memory`},
		"spark template bad sc_type": {Config: sparkTemplateConfig("t", "    file = \"a.jar\"\n    sc_type = \"D\""), Want: `sc_type`},
		"spark template empty args":  {Config: sparkTemplateConfig("t", "    file = \"a.jar\"\n    args = []"), Want: `args[\s\S]*at least 1`},
		"spark template retries":     {Config: sparkTemplateConfig("t", "    file = \"a.jar\"\n    max_retry_times = 101"), Want: `max_retry_times`},
		"spark template feature":     {Config: sparkTemplateConfig("t", "    file = \"a.jar\"\n    feature = \"gpu\""), Want: `feature`},
	})
}

// Refreshing 30 SQL templates reads the template list once per Terraform run, not once per
// template: the step's refresh, apply and post-apply plan cost at most 3 list calls.
func TestAccDLISQLTemplate_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	cfg := env.Config(fmt.Sprintf(`
resource "huaweidata_dli_sql_template" "many" {
  count = 30
  name  = "%s${count.index}"
  sql   = "select ${count.index}"
}
`, env.Name("many_")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig:        env.ResetCounts,
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("ListSqlJobTemplates", 1, 3),
					env.ExpectRequests("CreateSqlJobTemplate", 0, 0),
				},
			},
		},
	})
}
