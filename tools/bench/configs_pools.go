package main

import "fmt"

// pools is n elastic resource pools of the smallest standard size (issue 14).
func pools(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_elastic_resource_pool" "p" {
  count  = %d
  name   = "bench_pool${count.index}"
  min_cu = 64
  max_cu = 64
}
`, n)
}

// pooledQueues is one pool holding n queues, each with a day/night scaling policy: their
// refresh reads the queue listing and the pool's queue listing once each.
func pooledQueues(n int) string {
	minCU := max(64, (16*n+15)/16*16)
	return fmt.Sprintf(`
resource "huaweidata_dli_elastic_resource_pool" "p" {
  name   = "bench_pool"
  min_cu = %[2]d
  max_cu = %[2]d
}

resource "huaweidata_dli_queue" "q" {
  count                      = %[1]d
  name                       = "bench_pq${count.index}"
  cu_count                   = 16
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.p.name
  scaling_policies = [
    { priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 },
    { priority = 50, impact_start_time = "00:00", impact_stop_time = "06:00", min_cu = 16, max_cu = 64 },
  ]
}
`, n, minCU)
}
