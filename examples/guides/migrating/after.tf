resource "huaweidata_dli_queue" "etl" {
  name       = "etl"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_database" "sales" {
  name = "sales"
}

resource "huaweidata_dli_table" "orders" {
  database_name = huaweidata_dli_database.sales.name
  name          = "orders"
  data_location = "DLI"
  columns       = [{ name = "id", type = "bigint" }]
}

resource "huaweidata_dli_batch_job" "nightly" {
  queue_name = huaweidata_dli_queue.etl.name
  name       = "nightly"
  file       = "obs://my-bucket/jobs/nightly.jar"
  class_name = "com.example.Nightly"
  sc_type    = "B"
}

moved {
  from = huaweicloud_dli_queue.etl
  to   = huaweidata_dli_queue.etl
}

moved {
  from = huaweicloud_dli_database.sales
  to   = huaweidata_dli_database.sales
}

moved {
  from = huaweicloud_dli_table.orders
  to   = huaweidata_dli_table.orders
}

moved {
  from = huaweicloud_dli_spark_job.nightly
  to   = huaweidata_dli_batch_job.nightly
}
