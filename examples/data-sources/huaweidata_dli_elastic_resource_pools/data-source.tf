# Every available pool, with the queues placed in it.
data "huaweidata_dli_elastic_resource_pools" "available" {
  status = "AVAILABLE"
}

output "pool_queues" {
  value = { for p in data.huaweidata_dli_elastic_resource_pools.available.pools : p.name => p.queues }
}
