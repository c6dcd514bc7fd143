package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

const packagesAddr = "data.huaweidata_dli_packages.test"

// Three packages in two groups, listed whole, by group and by type: one ListJobResources
// call per read of each data source. The groups are the test's own; the whole list and
// the list by type hold other tests' packages too on a shared account, so their exact
// sizes and order are checked against the emulator only, and everywhere that they hold
// the test's packages.
func TestAccDLIPackages_filters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	const byGroup, byType = "data.huaweidata_dli_packages.by_group", "data.huaweidata_dli_packages.by_type"
	groupA, groupB := env.Name("a"), env.Name("b")
	cfg := env.Config(fmt.Sprintf(`
resource "huaweidata_dli_package" "etl" {
  group_name  = %[1]q
  type        = "jar"
  object_path = "https://acc-bucket.obs.cn-north-4.myhuaweicloud.com/etl.jar"
}

resource "huaweidata_dli_package" "conf" {
  group_name  = %[1]q
  type        = "file"
  object_path = "https://acc-bucket.obs.cn-north-4.myhuaweicloud.com/conf.json"
}

resource "huaweidata_dli_package" "udf" {
  group_name  = %[2]q
  type        = "jar"
  object_path = "https://acc-bucket.obs.cn-north-4.myhuaweicloud.com/udf.jar"
}

locals {
  packages = [huaweidata_dli_package.etl, huaweidata_dli_package.conf, huaweidata_dli_package.udf]
}

data "huaweidata_dli_packages" "test" {
  depends_on = [local.packages]
}

data "huaweidata_dli_packages" "by_group" {
  group_name = %[1]q
  depends_on = [local.packages]
}

data "huaweidata_dli_packages" "by_type" {
  type       = "jar"
  depends_on = [local.packages]
}
`, groupA, groupB))
	id := func(group, name string) knownvalue.Check { return knownvalue.StringExact(group + "/" + name) }
	withID := func(group, name string) knownvalue.Check {
		return containsObject(map[string]knownvalue.Check{"id": id(group, name)})
	}
	conf := knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"id": id(groupA, "conf.json"), "group_name": knownvalue.StringExact(groupA),
		"name": knownvalue.StringExact("conf.json"), "type": knownvalue.StringExact("file"),
		"status": knownvalue.StringExact("READY"), "owner": knownvalue.NotNull(), "created_at": knownvalue.NotNull(),
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				readsOf(env, "ListJobResources", 1),
				expectAttr(packagesAddr, "packages", knownvalue.SetPartial([]knownvalue.Check{conf})),
				expectAttr(packagesAddr, "packages", withID(groupA, "etl.jar")),
				expectAttr(packagesAddr, "packages", withID(groupB, "udf.jar")),
				env.EmulatorOnlyCheck(expectAttr(packagesAddr, "packages", knownvalue.ListSizeExact(3))),
				// Sorted by group, then name.
				env.EmulatorOnlyCheck(expectAttr(packagesAddr, "packages.0", conf)),
				env.EmulatorOnlyCheck(expectAttr(packagesAddr, "packages.2.id", id(groupB, "udf.jar"))),
				expectAttr(byGroup, "packages", knownvalue.ListSizeExact(2)),
				expectAttr(byGroup, "packages.1.id", id(groupA, "etl.jar")),
				expectAttr(byType, "packages", withID(groupA, "etl.jar")),
				expectAttr(byType, "packages", withID(groupB, "udf.jar")),
				env.EmulatorOnlyCheck(expectAttr(byType, "packages", knownvalue.ListSizeExact(2))),
				env.EmulatorOnlyCheck(expectAttr(byType, "packages.0.id", id(groupA, "etl.jar"))),
				env.EmulatorOnlyCheck(expectAttr(byType, "packages.1.id", id(groupB, "udf.jar"))),
			},
		}},
	})
}

func TestAccDLIPackages_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad group": {Config: `data "huaweidata_dli_packages" "test" { group_name = "a b" }`, Want: `(?s)group_name.*1\s+to\s+64\s+letters`},
		"bad type":  {Config: `data "huaweidata_dli_packages" "test" { type = "egg" }`, Want: `(?s)type.*value\s+must\s+be\s+one\s+of`},
	})
}
