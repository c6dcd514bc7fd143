# The arguments of a Spark batch job, saved for reuse in the DLI console.
resource "huaweidata_dli_spark_template" "orders_etl" {
  name        = "orders_etl"
  description = "Daily orders aggregation"
  group       = "etl"

  body = {
    file            = "obs://demo-bucket/jars/orders-etl.jar"
    class_name      = "com.example.etl.DailyOrders"
    queue_name      = "etl_general"
    args            = ["--date", "2024-01-01"]
    conf            = { "spark.sql.shuffle.partitions" = "8" }
    sc_type         = "A"
    executor_memory = "4G"
    num_executors   = 2
    catalog_name    = "dli"
  }
}
