# A streaming Flink SQL job on the general queue: it parses the raw events landing in
# OBS (demo_catalog.raw_events) into the cleaned orders table (demo_catalog.orders).
# The tables are referenced by name inside the SQL only.
resource "huaweidata_dli_flink_sql_job" "orders_stream" {
  name        = "demo_orders_stream"
  description = "Raw events to cleaned orders"
  run_mode    = "exclusive_cluster"
  queue_name  = huaweidata_dli_queue.general.name

  sql = <<-SQL
    INSERT INTO demo_catalog.orders
    SELECT
      CAST(get_json_object(payload, '$.order_id') AS BIGINT),
      get_json_object(payload, '$.customer'),
      CAST(get_json_object(payload, '$.amount') AS DECIMAL(12, 2)),
      DATE_FORMAT(event_time, 'yyyy-MM-dd')
    FROM demo_catalog.raw_events
  SQL

  cu_number       = 4
  parallel_number = 2

  checkpoint_enabled  = true
  checkpoint_interval = 60
  obs_bucket          = "demo-bucket"

  restart_when_exception = true
  desired_state          = "running"

  lifecycle {
    postcondition {
      condition     = self.status == "job_running"
      error_message = "The demo streaming job must be running when the apply ends."
    }
  }
}

output "streaming_job_id" {
  value = huaweidata_dli_flink_sql_job.orders_stream.job_id
}

output "streaming_job_status" {
  value = huaweidata_dli_flink_sql_job.orders_stream.status
}
