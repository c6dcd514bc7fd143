package resources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// Refreshing a pool and the eight queues in it costs one pool listing, one queue listing
// and one listing of the pool's queues (with their policies): shared, not one per queue.
func TestAccDLIElasticResourcePool_refreshCalls(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(`
resource "huaweidata_dli_elastic_resource_pool" "p" {
  name   = "acc_refresh_pool"
  min_cu = 128
  max_cu = 128
}

resource "huaweidata_dli_queue" "q" {
  count                      = 8
  name                       = "acc_rq${count.index}"
  cu_count                   = 16
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.p.name
  scaling_policies = [
    { priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 },
    { priority = 50, impact_start_time = "00:00", impact_stop_time = "06:00", min_cu = 16, max_cu = 64 },
  ]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:    env.Emulator.ResetCounts,
				RefreshState: true,
				Check: resource.ComposeTestCheckFunc(
					env.CheckRequests("ListElasticResourcePools", 1, 1),
					env.CheckRequests("ListQueues", 1, 1),
					env.CheckRequests("ListElasticResourcePoolQueues", 1, 1),
					env.CheckRequests("ListQueueProperties", 0, 0),
				),
			},
		},
	})
}
