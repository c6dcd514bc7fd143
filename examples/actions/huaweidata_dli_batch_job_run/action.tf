resource "huaweidata_dli_queue" "spark" {
  name       = "spark_jobs"
  cu_count   = 16
  queue_type = "general"
}

# The daily report as a one-off run: each invocation submits a new run and
# waits until it has finished (a failed run fails the invocation with the
# last lines of its log).
#   terraform apply -invoke=action.huaweidata_dli_batch_job_run.report
action "huaweidata_dli_batch_job_run" "report" {
  config {
    queue_name      = huaweidata_dli_queue.spark.name
    name            = "sales_report_adhoc"
    file            = "obs://my-bucket/jars/sales-report.jar"
    class_name      = "com.example.SalesReport"
    args            = ["--output", "obs://my-bucket/reports/"]
    executor_memory = "4G"
    num_executors   = 2
    conf = {
      "spark.sql.shuffle.partitions" = "16"
    }
    timeout = "2h"
  }
}

# Runs the report whenever the report date changes (the data resource is
# replaced, so it is created again).
resource "terraform_data" "report_date" {
  input = "2024-01-01"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.huaweidata_dli_batch_job_run.report]
    }
  }
}
