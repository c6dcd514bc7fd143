package datasources_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

const poolsAndQueues = `
resource "huaweidata_dli_elastic_resource_pool" "pool" {
  name   = "ds_pool"
  min_cu = 64
  max_cu = 64
}

resource "huaweidata_dli_queue" "pooled" {
  name                       = "ds_pooled"
  cu_count                   = 16
  queue_type                 = "general"
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name
}

resource "huaweidata_dli_queue" "alone" {
  name     = "ds_alone"
  cu_count = 16
  tags     = { team = "bi" }
}
`

const poolsAndQueuesLookups = `
data "huaweidata_dli_queues" "in_pool" {
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name
  depends_on                 = [huaweidata_dli_queue.pooled, huaweidata_dli_queue.alone]
}

data "huaweidata_dli_queues" "sql" {
  queue_type = "sql"
  name_regex = "^ds_"
  depends_on = [huaweidata_dli_queue.pooled, huaweidata_dli_queue.alone]
}

data "huaweidata_dli_queues" "tagged" {
  tags       = { team = "bi" }
  depends_on = [huaweidata_dli_queue.pooled, huaweidata_dli_queue.alone]
}

data "huaweidata_dli_elastic_resource_pools" "all" {
  name_regex = "^ds_"
  status     = "AVAILABLE"
  depends_on = [huaweidata_dli_queue.pooled]
}
`

// The queue and pool lists with their filters: by pool, type and name, by tags, and pools
// by name and status, with the pool's queues.
func TestAccDLIQueuesAndPoolsDataSources(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
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
			{Config: env.Config(poolsAndQueues)},
			{
				Config: env.Config(poolsAndQueues + poolsAndQueuesLookups),
				ConfigStateChecks: []statecheck.StateCheck{
					names("data.huaweidata_dli_queues.in_pool", "ds_pooled"),
					names("data.huaweidata_dli_queues.sql", "ds_alone"),
					names("data.huaweidata_dli_queues.tagged", "ds_alone"),
					names("data.huaweidata_dli_elastic_resource_pools.all", "ds_pool"),
					statecheck.ExpectKnownValue("data.huaweidata_dli_elastic_resource_pools.all", tfjsonpath.New("pools").AtSliceIndex(0).AtMapKey("queues"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ds_pooled")})),
					statecheck.ExpectKnownValue("data.huaweidata_dli_queues.in_pool", tfjsonpath.New("queues").AtSliceIndex(0).AtMapKey("elastic_resource_pool_name"),
						knownvalue.StringExact("ds_pool")),
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
