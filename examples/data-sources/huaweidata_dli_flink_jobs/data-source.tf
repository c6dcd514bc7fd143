# The running Flink Jar jobs of a queue.
data "huaweidata_dli_flink_jobs" "running_jars" {
  job_type   = "flink_jar_job"
  status     = "job_running"
  queue_name = "streaming"
}

# The Flink jobs of a team created this year.
data "huaweidata_dli_flink_jobs" "team" {
  tags          = { team = "web" }
  created_after = "2026-01-01T00:00:00Z"
}

output "running_jar_jobs" {
  value = { for j in data.huaweidata_dli_flink_jobs.running_jars.jobs : j.name => j.job_id }
}
