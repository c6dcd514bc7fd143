# The INSERT jobs that wrote into the sales database in January 2026 and finished.
list "huaweidata_dli_sql_job" "sales_loads" {
  provider = huaweidata

  config {
    job_type       = "INSERT"
    status         = "FINISHED"
    sql_contains   = "insert into sales."
    started_after  = "2026-01-01T00:00:00Z"
    started_before = "2026-02-01T00:00:00Z"
  }
}
