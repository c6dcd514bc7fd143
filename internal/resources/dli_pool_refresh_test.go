package resources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// Refreshing a pool and the eight queues in it costs one pool listing, one queue listing
// and one listing of the pool's queues (with their policies): shared, not one per queue.
func TestAccDLIElasticResourcePool_refreshCalls(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(fmt.Sprintf(`
resource "huaweidata_dli_elastic_resource_pool" "p" {
  name   = %q
  min_cu = 128
  max_cu = 128
}

resource "huaweidata_dli_queue" "q" {
  count                      = 8
  name                       = "%s${count.index}"
  cu_count                   = 16
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.p.name
  scaling_policies = [
    { priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 },
    { priority = 50, impact_start_time = "00:00", impact_stop_time = "06:00", min_cu = 16, max_cu = 64 },
  ]
}
`, env.Name("acc_refresh_pool"), env.Name("acc_rq")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(acctest.CheckNothingLeft(env), queueDestroyed(env, t), poolDestroyed(env, t)),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:    env.ResetCounts,
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
