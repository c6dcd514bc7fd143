package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// TestAccDLIQuotas reads the quotas after a queue is created: the emulator counts the queue
// and its CUs. Two data sources in one run share one ShowQuota call, and a type filter
// keeps one quota. (QUEUE and CU are the emulator's names; DLI documents none.) On a
// shared real account the use counts are the whole project's (every test's queues) and the
// type names are DLI's own: what they hold is checked against the emulator only.
func TestAccDLIQuotas(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	cfg := env.Config(fmt.Sprintf(`
resource "huaweidata_dli_queue" "q" {
  name     = %q
  cu_count = 64
}

data "huaweidata_dli_quotas" "all" {
  depends_on = [huaweidata_dli_queue.q]
}

data "huaweidata_dli_quotas" "queues" {
  type       = "QUEUE"
  depends_on = [huaweidata_dli_queue.q]
}
`, env.Name("quota_q")))
	const all, queues = "data.huaweidata_dli_quotas.all", "data.huaweidata_dli_quotas.queues"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(all, "quotas", knownvalue.NotNull()),
					env.EmulatorOnlyCheck(expectAttr(all, "quotas", containsObject(map[string]knownvalue.Check{
						"type": knownvalue.StringExact("CU"), "used": knownvalue.Int32Exact(64),
					}))),
					env.EmulatorOnlyCheck(expectAttr(all, "quotas.0.type", knownvalue.StringExact("CU"))), // sorted by type
					env.EmulatorOnlyCheck(expectAttr(queues, "quotas", knownvalue.ListSizeExact(1))),
					env.EmulatorOnlyCheck(expectAttr(queues, "quotas.0.used", knownvalue.Int32Exact(1))),
					env.EmulatorOnlyCheck(expectAttr(queues, "quotas.0.quota", knownvalue.Int32Exact(100))),
				},
			},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ShowQuota", 1, 1),
			},
		},
	})
}

func TestAccDLIQuotas_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"empty type": {Config: `data "huaweidata_dli_quotas" "t" { type = "" }`, Want: `(?s)type.*at least 1`},
		"blank type": {Config: `data "huaweidata_dli_quotas" "t" { type = "  " }`, Want: `(?s)type`},
	})
}
