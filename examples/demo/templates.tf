# Job templates of the demo: the backfill statement and the daily Spark job,
# saved for reuse in the DLI console.

resource "huaweidata_dli_sql_template" "orders_backfill" {
  name  = "demo_orders_backfill"
  group = "demo"
  sql   = huaweidata_dli_sql_job.orders_backfill.sql
}

resource "huaweidata_dli_spark_template" "orders_daily" {
  name  = "demo_orders_daily"
  group = "demo"

  body = {
    file         = huaweidata_dli_batch_job.orders_daily.file
    class_name   = huaweidata_dli_batch_job.orders_daily.class_name
    queue_name   = huaweidata_dli_queue.general.name
    args         = huaweidata_dli_batch_job.orders_daily.args
    sc_type      = "A"
    catalog_name = "dli"
  }
}
