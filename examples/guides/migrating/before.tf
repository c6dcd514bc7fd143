resource "huaweicloud_dli_queue" "etl" {
  name       = "etl"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweicloud_dli_database" "sales" {
  name = "sales"
}

resource "huaweicloud_dli_table" "orders" {
  database_name = huaweicloud_dli_database.sales.name
  name          = "orders"
  data_location = "DLI"
  columns {
    name = "id"
    type = "bigint"
  }
}

resource "huaweicloud_dli_spark_job" "nightly" {
  queue_name    = huaweicloud_dli_queue.etl.name
  name          = "nightly"
  app_name      = "obs://my-bucket/jobs/nightly.jar"
  main_class    = "com.example.Nightly"
  specification = "B"
}
