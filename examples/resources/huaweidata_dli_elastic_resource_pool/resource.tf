# A pool shared by an ETL queue and a BI queue. The pool's CU range changes in
# place (the apply waits until the pool has scaled); the other arguments
# replace it.
resource "huaweidata_dli_elastic_resource_pool" "analytics" {
  name        = "analytics_pool"
  description = "Nightly ETL and daytime BI"
  min_cu      = 64
  max_cu      = 256

  tags = {
    team = "data-platform"
  }
}

# The ETL queue gets most of the pool at night, the BI queue by day (UTC).
# Each queue needs a whole-day policy; the other windows refine it.
resource "huaweidata_dli_queue" "etl" {
  name                       = "etl"
  cu_count                   = 16
  queue_type                 = "general"
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.analytics.name

  scaling_policies = [
    { priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 64 },
    { priority = 50, impact_start_time = "00:00", impact_stop_time = "06:00", min_cu = 32, max_cu = 192 },
  ]

  properties = {
    "computeEngine.maxInstance" = "8"
    "job.maxConcurrent"         = "16"
  }
}

resource "huaweidata_dli_queue" "bi" {
  name                       = "bi"
  cu_count                   = 16
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.analytics.name

  scaling_policies = [
    { priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 },
    { priority = 50, impact_start_time = "08:00", impact_stop_time = "20:00", min_cu = 32, max_cu = 128 },
  ]
}
