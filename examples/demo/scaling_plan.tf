# A queue for the nightly ETL batch, scaled by a scheduled plan: out to 32 CUs
# on weekday evenings. Its cu_count is left to the plan (ignore_changes), so a
# plan that has run is not drift.
resource "huaweidata_dli_queue" "etl" {
  name        = "demo_etl"
  cu_count    = 16
  description = "Nightly ETL for the demo, scaled by a plan"

  lifecycle {
    ignore_changes = [cu_count]
  }
}

resource "huaweidata_dli_queue_scaling_plan" "etl_evening" {
  queue_name   = huaweidata_dli_queue.etl.name
  name         = "etl_evening"
  target_cu    = 32
  start_hour   = 19
  start_minute = 30
  repeat_days  = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
}

# The project's DLI quotas. (What is used of them changes while the demo is
# applied, so only the quotas are output.)
data "huaweidata_dli_quotas" "all" {}

output "scaling_plan_id" {
  value = huaweidata_dli_queue_scaling_plan.etl_evening.id
}

output "dli_quotas" {
  value = { for q in data.huaweidata_dli_quotas.all.quotas : q.type => q.quota }
}
