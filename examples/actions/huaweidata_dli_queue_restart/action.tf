resource "huaweidata_dli_queue" "sql" {
  name     = "reporting"
  cu_count = 16
}

# Restarts the queue, cancelling the jobs running on it first (force):
#   terraform apply -invoke=action.huaweidata_dli_queue_restart.reporting
action "huaweidata_dli_queue_restart" "reporting" {
  config {
    queue_name = huaweidata_dli_queue.sql.name
    force      = true
  }
}

# Restarts it whenever the engine settings it should pick up change.
resource "terraform_data" "engine_settings" {
  input = { "spark.sql.adaptive.enabled" = "true" }

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.huaweidata_dli_queue_restart.reporting]
    }
  }
}
