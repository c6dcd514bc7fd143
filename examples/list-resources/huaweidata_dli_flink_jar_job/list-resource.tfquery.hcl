# The running Flink Jar jobs of the queue "streaming" whose name starts with "etl_".
list "huaweidata_dli_flink_jar_job" "running" {
  provider = huaweidata

  config {
    name_regex = "^etl_"
    status     = "job_running"
    queue_name = "streaming"
  }
}
