# A general-purpose queue that runs the streaming job.
resource "huaweidata_dli_queue" "streaming" {
  name       = "streaming"
  cu_count   = 16
  queue_type = "general"
}

# A Flink SQL job kept running on the queue, with checkpoints in OBS. Changing the SQL
# (or another setting the running job cannot take) stops the job with a savepoint,
# updates it and runs it again from that savepoint, so its state is kept.
resource "huaweidata_dli_flink_sql_job" "order_totals" {
  name        = "order_totals"
  description = "Running totals of orders per region"
  run_mode    = "exclusive_cluster"
  queue_name  = huaweidata_dli_queue.streaming.name

  sql = <<-SQL
    INSERT INTO sales.region_totals
    SELECT region, SUM(amount) AS total
    FROM sales.orders
    GROUP BY region
  SQL

  cu_number       = 4
  parallel_number = 2

  checkpoint_enabled  = true
  checkpoint_interval = 60
  obs_bucket          = "my-flink-checkpoints"

  restart_when_exception = true
  resume_checkpoint      = true

  desired_state  = "running"               # "stopped" stops it with a savepoint
  restart_policy = "resume_from_savepoint" # or "fresh_start"

  tags = {
    team = "sales"
  }
}
