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
  type        = "flink_opensource_sql_job"
  run_mode    = "exclusive_cluster"
  queue_name  = huaweidata_dli_queue.streaming.name

  # Open-source Flink SQL: the source and the sink are declared with the job.
  sql = <<-SQL
    CREATE TABLE orders (
      region STRING,
      amount DECIMAL(10, 2)
    ) WITH (
      'connector' = 'kafka',
      'topic' = 'orders',
      'properties.bootstrap.servers' = '192.168.0.10:9092',
      'properties.group.id' = 'order_totals',
      'scan.startup.mode' = 'latest-offset',
      'format' = 'json'
    );

    CREATE TABLE region_totals (
      region STRING,
      total DECIMAL(20, 2),
      PRIMARY KEY (region) NOT ENFORCED
    ) WITH (
      'connector' = 'jdbc',
      'url' = 'jdbc:mysql://192.168.0.20:3306/sales',
      'table-name' = 'region_totals'
    );

    INSERT INTO region_totals
    SELECT region, SUM(amount) AS total
    FROM orders
    GROUP BY region;
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
