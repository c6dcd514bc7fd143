# The runs of the daily orders job that ended dead this month.
data "huaweidata_dli_batch_jobs" "dead_daily_runs" {
  name          = "orders_daily"
  state         = "dead"
  created_after = "2024-01-01T00:00:00Z"
}

output "dead_daily_runs" {
  value = [for j in data.huaweidata_dli_batch_jobs.dead_daily_runs.jobs : j.id]
}
