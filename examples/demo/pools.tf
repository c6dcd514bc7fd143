# An elastic resource pool with an ETL queue that scales by time of day
# (issue 14): more CUs at night for the batch loads.
resource "huaweidata_dli_elastic_resource_pool" "demo" {
  name        = "demo_pool"
  description = "Shared compute for the demo's ETL"
  min_cu      = 64
  max_cu      = 128
}

resource "huaweidata_dli_queue" "pooled_etl" {
  name                       = "demo_pooled_etl"
  cu_count                   = 16
  queue_type                 = "general"
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.demo.name

  scaling_policies = [
    { priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 },
    { priority = 50, impact_start_time = "00:00", impact_stop_time = "06:00", min_cu = 32, max_cu = 64 },
  ]
}

output "demo_pool_status" {
  value = huaweidata_dli_elastic_resource_pool.demo.status
}
