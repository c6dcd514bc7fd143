# A SQL queue with 16 CUs. Changing cu_count scales the queue in place
# (in steps of 16 CUs); the other arguments replace it.
resource "huaweidata_dli_queue" "example" {
  name        = "analytics"
  cu_count    = 16
  queue_type  = "sql"
  description = "Ad-hoc SQL for the analytics team"
  platform    = "x86_64"

  tags = {
    team = "analytics"
  }
}

# A general-purpose queue for Flink and Spark jobs.
resource "huaweidata_dli_queue" "jobs" {
  name       = "streaming_jobs"
  cu_count   = 64
  queue_type = "general"
}
