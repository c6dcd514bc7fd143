# A dedicated general-purpose queue that runs the Jar job.
resource "huaweidata_dli_queue" "streaming" {
  name       = "streaming"
  cu_count   = 16
  queue_type = "general"
}

# A Flink Jar job kept running on the queue. Changing its program, arguments or resources
# stops the running job with a savepoint, updates it and runs it again from that savepoint
# (the plan shows a warning first); name, description and the exception settings change in
# place.
resource "huaweidata_dli_flink_jar_job" "clickstream" {
  name            = "clickstream_sessions"
  description     = "Sessionizes the click stream"
  queue_name      = huaweidata_dli_queue.streaming.name
  entrypoint      = "obs://my-bucket/jobs/clickstream.jar"
  main_class      = "com.example.ClickstreamSessions"
  entrypoint_args = "--gap-minutes 30"

  dependency_jars  = ["obs://my-bucket/jobs/libs/kafka-connector.jar"]
  dependency_files = ["obs://my-bucket/jobs/conf/sessions.properties"]

  cu_number         = 4
  manager_cu_number = 1
  parallel_number   = 4

  checkpoint_enabled  = true
  checkpoint_interval = 60
  log_enabled         = true
  obs_bucket          = "my-flink-bucket"

  feature       = "basic"
  flink_version = "1.15"
  runtime_config = {
    "taskmanager.memory.process.size" = "4g"
  }
  flink_log_config = jsonencode({
    root_logger_level      = "INFO"
    loggers_level_of_class = { "org.apache.flink" = "WARN" }
  })

  restart_when_exception = true
  resume_checkpoint      = true

  desired_state  = "running"               # "stopped" stops it with a savepoint
  restart_policy = "resume_from_savepoint" # or "fresh_start"

  tags = {
    team = "web"
  }
}
