# The running Flink SQL jobs of the queue "streaming".
list "huaweidata_dli_flink_sql_job" "running" {
  provider = huaweidata

  config {
    status     = "job_running"
    queue_name = "streaming"
  }
}
