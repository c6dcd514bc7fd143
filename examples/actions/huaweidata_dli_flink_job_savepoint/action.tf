resource "huaweidata_dli_flink_sql_job" "order_totals" {
  name = "order_totals"
  sql  = "INSERT INTO sales.region_totals SELECT region, SUM(amount) FROM sales.orders GROUP BY region"
}

# A savepoint of the running job, e.g. before maintenance:
#   terraform apply -invoke=action.huaweidata_dli_flink_job_savepoint.order_totals
action "huaweidata_dli_flink_job_savepoint" "order_totals" {
  config {
    job_id         = huaweidata_dli_flink_sql_job.order_totals.job_id
    savepoint_path = "my-flink-savepoints/order_totals/"
  }
}

# Takes one whenever the release changes.
resource "terraform_data" "release" {
  input = "v42"

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.huaweidata_dli_flink_job_savepoint.order_totals]
    }
  }
}
