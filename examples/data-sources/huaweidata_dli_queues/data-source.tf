# The queues of one elastic resource pool.
data "huaweidata_dli_queues" "analytics" {
  elastic_resource_pool_name = "analytics_pool"
}

# The SQL queues whose name starts with "bi_".
data "huaweidata_dli_queues" "bi_sql" {
  queue_type = "sql"
  name_regex = "^bi_"
}

output "analytics_queue_cus" {
  value = { for q in data.huaweidata_dli_queues.analytics.queues : q.name => q.cu_count }
}
