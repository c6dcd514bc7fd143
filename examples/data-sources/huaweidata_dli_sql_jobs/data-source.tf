# The INSERT jobs that failed since the start of the year, with DLI's reason.
data "huaweidata_dli_sql_jobs" "failed_inserts" {
  status        = "FAILED"
  job_type      = "INSERT"
  started_after = "2024-01-01T00:00:00Z"
}

# The deployment steps of one release, by the tags their jobs carry.
data "huaweidata_dli_sql_jobs" "release" {
  tags = {
    release = "v42"
  }
}

output "failed_insert_reasons" {
  value = { for j in data.huaweidata_dli_sql_jobs.failed_inserts.jobs : j.job_id => j.message }
}
