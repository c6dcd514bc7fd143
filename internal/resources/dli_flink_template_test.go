package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const templateAddr = "huaweidata_dli_flink_template.test"

func templateConfig(name, sql, extra string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_flink_template" "test" {
  name = %q
  sql  = %q
%s
}
`, name, sql, extra)
}

func expectTemplate(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New(attr), v)
}

// templateInEmulator checks the template at templateAddr as DLI (the emulator or a real
// account) returns it.
func templateInEmulator(env *acctest.Env, t *testing.T, check func(*model.FlinkSqlJobTemplate) error) statecheck.StateCheck {
	return expectTemplate("template_id", knownvalue.Int64Func(func(id int64) error {
		tpl, err := env.Client(t).GetFlinkTemplate(context.Background(), id)
		if err != nil {
			return err
		}
		return check(tpl)
	}))
}

func templateID(s *terraform.State) (int64, error) {
	return strconv.ParseInt(s.RootModule().Resources[templateAddr].Primary.ID, 10, 64)
}

// create -> import -> re-plan empty -> in-place update -> drift -> out-of-band delete ->
// create again -> destroy.
func TestAccDLIFlinkTemplate_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	gone := acctest.CheckDestroyed("huaweidata_dli_flink_template", func(ctx context.Context, id string) error {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return err
		}
		_, err = env.Client(t).GetFlinkTemplate(ctx, n)
		return err
	})
	name, v2Name := env.Name("tpl"), env.Name("tpl_v2")
	v2 := env.Config(templateConfig(v2Name, flinkSQL2, `  type = "flink_opensource_sql_job"
  description = "totals per region"
  tags = { team = "data" }`))
	var id int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             resource.ComposeAggregateTestCheckFunc(gone, acctest.CheckNothingLeft(env)),
		Steps: []resource.TestStep{
			{
				Config: env.Config(templateConfig(name, flinkSQL1, `  type = "flink_opensource_sql_job"
  tags = { team = "data" }`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectTemplate("description", knownvalue.StringExact("")),
					expectTemplate("type", knownvalue.StringExact("flink_opensource_sql_job")),
					expectTemplate("create_time", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
					statecheck.CompareValuePairs(templateAddr, tfjsonpath.New("id"), templateAddr, tfjsonpath.New("template_id"), sameText{}),
				},
			},
			{
				ResourceName:            templateAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"tags", "tags.%", "tags.team"},
			},
			{
				Config:           v2,
				ConfigPlanChecks: acctest.ExpectAction(templateAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectTemplate("name", knownvalue.StringExact(v2Name)),
					templateInEmulator(env, t, func(tpl *model.FlinkSqlJobTemplate) error {
						if *tpl.Name != v2Name || *tpl.Desc != "totals per region" || *tpl.SqlBody != flinkSQL2 {
							return fmt.Errorf("the emulator holds %+v", tpl)
						}
						return nil
					}),
				},
				Check: func(s *terraform.State) (err error) {
					id, err = templateID(s)
					return err
				},
			},
			{
				// Out of band: the SQL is changed, which the plan shows as drift.
				PreConfig: func() {
					body := &model.UpdateFlinkSqlJobTemplateRequestBody{SqlBody: ptr.Of("select 1")}
					if err := env.Client(t).UpdateFlinkTemplate(context.Background(), id, body); err != nil {
						t.Fatal(err)
					}
				},
				Config:            v2,
				ConfigPlanChecks:  acctest.ExpectAction(templateAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{expectTemplate("sql", knownvalue.StringExact(flinkSQL2))},
			},
			{
				// Out of band: the template is deleted, which the plan shows as a create.
				PreConfig: func() {
					if err := env.Client(t).DeleteFlinkTemplate(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config:           v2,
				ConfigPlanChecks: acctest.ExpectAction(templateAddr, plancheck.ResourceActionCreate),
			},
			{
				// A new type replaces the template.
				Config:           env.Config(templateConfig(v2Name, flinkSQL2, `  tags = { team = "data" }`)),
				ConfigPlanChecks: acctest.ExpectAction(templateAddr, plancheck.ResourceActionDestroyBeforeCreate),
			},
			{
				ResourceName:  templateAddr,
				ImportState:   true,
				ImportStateId: "tpl-1",
				ExpectError:   regexp.MustCompile(`Import a DLI Flink job template by its numeric template id`),
			},
		},
	})
}

// A refresh of many templates reads one paged list, however many there are.
func TestAccDLIFlinkTemplate_refreshListsOnce(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(fmt.Sprintf(`
resource "huaweidata_dli_flink_template" "many" {
  count = 20
  name  = "%s${count.index}"
  sql   = "INSERT INTO sink SELECT * FROM source"
}
`, env.Name("tpl_")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListFlinkSqlJobTemplates", 1, 1),
			},
		},
	})
}

// Every documented plan-time rule of a template.
func TestAccDLIFlinkTemplate_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"long name":        {Config: templateConfig(strings.Repeat("n", 58), "", ""), Want: `(?s)name UTF-8 character count must be between 1 and 57`},
		"empty name":       {Config: templateConfig("", "", ""), Want: `(?s)name UTF-8 character count must be between 1 and 57`},
		"long sql":         {Config: templateConfig("t", strings.Repeat("x", 2049), ""), Want: `(?s)sql string length must be at most 2048`},
		"long description": {Config: templateConfig("t", "", `  description = "`+strings.Repeat("d", 513)+`"`), Want: `(?s)description UTF-8 character count must be at most 512`},
		"bad type":         {Config: templateConfig("t", "", `  type = "flink_jar_job"`), Want: `(?s)type value must be one of`},
		"bad tag":          {Config: templateConfig("t", "", `  tags = { "" = "v" }`), Want: `(?s)tags.*UTF-8 character count must be between 1 and 128`},
	})
}
