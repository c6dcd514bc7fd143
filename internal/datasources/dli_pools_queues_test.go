package datasources_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// poolsAndQueues are a pool with a queue and a queue alone.
func poolsAndQueues(pool, pooled, alone string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_elastic_resource_pool" "pool" {
  name   = %[1]q
  min_cu = 64
  max_cu = 64
}

resource "huaweidata_dli_queue" "pooled" {
  name                       = %[2]q
  cu_count                   = 16
  queue_type                 = "general"
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name
}

resource "huaweidata_dli_queue" "alone" {
  name     = %[3]q
  cu_count = 16
  tags     = { team = "bi" }
}
`, pool, pooled, alone)
}

// poolsAndQueuesLookups are the lists, each kept to the names that start with prefix (on a
// shared account other tests' queues and pools are listed too; the tags filter is still
// the one that leaves out the pooled queue).
func poolsAndQueuesLookups(prefix string) string {
	return fmt.Sprintf(`
data "huaweidata_dli_queues" "in_pool" {
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name
  depends_on                 = [huaweidata_dli_queue.pooled, huaweidata_dli_queue.alone]
}

data "huaweidata_dli_queues" "sql" {
  queue_type = "sql"
  name_regex = "^%[1]sds_"
  depends_on = [huaweidata_dli_queue.pooled, huaweidata_dli_queue.alone]
}

data "huaweidata_dli_queues" "tagged" {
  tags       = { team = "bi" }
  name_regex = "^%[1]s"
  depends_on = [huaweidata_dli_queue.pooled, huaweidata_dli_queue.alone]
}

data "huaweidata_dli_elastic_resource_pools" "all" {
  name_regex = "^%[1]sds_"
  status     = "AVAILABLE"
  depends_on = [huaweidata_dli_queue.pooled]
}
`, prefix)
}

// The queue and pool lists with their filters: by pool, type and name, by tags, and pools
// by name and status, with the pool's queues.
func TestAccDLIQueuesAndPoolsDataSources(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	prefix := env.Prefix()
	pool, pooled, alone := env.Name("ds_pool"), env.Name("ds_pooled"), env.Name("ds_alone")
	names := func(addr string, want ...string) statecheck.StateCheck {
		checks := make([]knownvalue.Check, len(want))
		for i, w := range want {
			checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(w)})
		}
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(firstList(addr)), knownvalue.ListExact(checks))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{Config: env.Config(poolsAndQueues(pool, pooled, alone))},
			{
				Config: env.Config(poolsAndQueues(pool, pooled, alone) + poolsAndQueuesLookups(prefix)),
				ConfigStateChecks: []statecheck.StateCheck{
					names("data.huaweidata_dli_queues.in_pool", pooled),
					names("data.huaweidata_dli_queues.sql", alone),
					names("data.huaweidata_dli_queues.tagged", alone),
					names("data.huaweidata_dli_elastic_resource_pools.all", pool),
					statecheck.ExpectKnownValue("data.huaweidata_dli_elastic_resource_pools.all", tfjsonpath.New("pools").AtSliceIndex(0).AtMapKey("queues"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(pooled)})),
					statecheck.ExpectKnownValue("data.huaweidata_dli_queues.in_pool", tfjsonpath.New("queues").AtSliceIndex(0).AtMapKey("elastic_resource_pool_name"),
						knownvalue.StringExact(pool)),
				},
			},
		},
	})
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"regex":  {Config: `data "huaweidata_dli_queues" "x" { name_regex = "(" }`, Want: `must be a valid RE2 regular expression`},
		"type":   {Config: `data "huaweidata_dli_queues" "x" { queue_type = "spark" }`, Want: `value must be one of`},
		"status": {Config: `data "huaweidata_dli_elastic_resource_pools" "x" { status = "READY" }`, Want: `value must be one of`},
	})
}

// firstList is the result list attribute of the data source at addr.
func firstList(addr string) string {
	if strings.Contains(addr, "elastic_resource_pools") {
		return "pools"
	}
	return "queues"
}
