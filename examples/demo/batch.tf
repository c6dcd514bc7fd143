# A Spark batch job on the demo general queue: it aggregates the demo orders
# tables into daily totals. Its program and library are the packages of
# packages.tf, referenced as <group>/<name>. The apply waits until the run
# completes; changing triggers.run_date submits a new run.

resource "huaweidata_dli_batch_job" "orders_daily" {
  queue_name = huaweidata_dli_queue.general.name
  name       = "demo_orders_daily"
  file       = huaweidata_dli_package.orders_etl.id
  jars       = [huaweidata_dli_package.etl_common.id]
  class_name = "com.example.etl.DailyOrders"
  args = [
    "--source", "demo_db.orders_clean",
    "--target", "demo_db.orders_daily",
    "--date", "2024-01-01",
  ]
  catalog_name = "dli"
  sc_type      = "A"
  conf = {
    "spark.sql.shuffle.partitions" = "8"
  }

  wait_for = "completed"
  triggers = {
    run_date = "2024-01-01"
  }
}

output "batch_job_id" {
  value = huaweidata_dli_batch_job.orders_daily.id
}

output "batch_job_state" {
  value = huaweidata_dli_batch_job.orders_daily.state
}
