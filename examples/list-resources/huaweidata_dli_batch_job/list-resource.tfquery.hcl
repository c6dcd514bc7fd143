# The batch jobs of the queue "batch" that are running now.
list "huaweidata_dli_batch_job" "running" {
  provider = huaweidata

  config {
    state      = "running"
    queue_name = "batch"
  }
}
