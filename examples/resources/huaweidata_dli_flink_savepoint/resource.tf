resource "huaweidata_dli_queue" "streaming" {
  name       = "streaming"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_flink_jar_job" "clickstream" {
  name       = "clickstream_sessions"
  queue_name = huaweidata_dli_queue.streaming.name
  entrypoint = "obs://my-bucket/jobs/clickstream.jar"
  main_class = "com.example.ClickstreamSessions"
}

# Take a savepoint of the running job before a release; change the trigger to take
# another one. The savepoint stays in OBS when this resource is destroyed.
resource "huaweidata_dli_flink_savepoint" "before_release" {
  job_id    = huaweidata_dli_flink_jar_job.clickstream.job_id
  directory = "my-flink-bucket/savepoints/clickstream/"

  triggers = {
    release = "2026.12"
  }
}

output "release_savepoint" {
  value = huaweidata_dli_flink_savepoint.before_release.savepoint_path
}
