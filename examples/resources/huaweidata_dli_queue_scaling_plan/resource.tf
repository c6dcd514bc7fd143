# An ETL queue sized by time of day: 64 CUs for the weekday night batch, back to
# 16 CUs in the morning. The plans own the queue's CUs, so the queue ignores
# changes to cu_count.
resource "huaweidata_dli_queue" "etl" {
  name     = "etl"
  cu_count = 16

  lifecycle {
    ignore_changes = [cu_count]
  }
}

resource "huaweidata_dli_queue_scaling_plan" "night" {
  queue_name   = huaweidata_dli_queue.etl.name
  name         = "night_batch"
  target_cu    = 64
  start_hour   = 22
  start_minute = 0
  repeat_days  = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
}

resource "huaweidata_dli_queue_scaling_plan" "morning" {
  queue_name   = huaweidata_dli_queue.etl.name
  name         = "morning"
  target_cu    = 16
  start_hour   = 6
  start_minute = 30
  repeat_days  = ["TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]

  # Only within a validity period.
  valid_date_begin = "2027-01-01T00:00:00+08:00"
  valid_date_end   = "2040-01-01T00:00:00+08:00"
}

# A one-off plan (no repeat_days): scale out once, at the next 09:00, for a
# backfill. Set activate = false to keep a plan without letting it run.
resource "huaweidata_dli_queue_scaling_plan" "backfill" {
  queue_name   = huaweidata_dli_queue.etl.name
  name         = "backfill_once"
  target_cu    = 128
  start_hour   = 9
  start_minute = 0
  activate     = false
}
