resource "huaweidata_dli_queue" "spark" {
  name       = "spark_jobs"
  cu_count   = 16
  queue_type = "general"
}

# A Spark job that must finish successfully for the apply to succeed (the
# default wait_for = "completed"). A failed run fails the apply with the last
# lines of its log. Changing triggers (or any job argument) submits a new run.
resource "huaweidata_dli_batch_job" "report" {
  queue_name = huaweidata_dli_queue.spark.name
  name       = "daily_sales_report"
  file       = "obs://my-bucket/jars/sales-report.jar"
  class_name = "com.example.SalesReport"
  args       = ["--date", "2024-01-01", "--output", "obs://my-bucket/reports/"]
  jars       = ["obs://my-bucket/jars/deps.jar"]

  driver_memory   = "2G"
  executor_memory = "4G"
  executor_cores  = 2
  num_executors   = 4

  conf = {
    "spark.sql.shuffle.partitions" = "16"
  }
  auto_recovery   = true
  max_retry_times = 3

  triggers = {
    report_date = "2024-01-01"
  }

  timeouts {
    create = "2h"
  }
}

# A PySpark job that apply only submits; it keeps running on its own and is
# not cancelled when the resource is destroyed.
resource "huaweidata_dli_batch_job" "backfill" {
  queue_name        = huaweidata_dli_queue.spark.name
  name              = "backfill"
  file              = "obs://my-bucket/py/backfill.py"
  python_files      = ["obs://my-bucket/py/helpers.py"]
  sc_type           = "B"
  wait_for          = "submitted"
  cancel_on_destroy = false
}
