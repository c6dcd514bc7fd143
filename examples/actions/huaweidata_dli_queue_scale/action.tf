# A queue that Terraform does not manage, scaled out for the month-end run and
# back in by hand afterwards. (A queue managed by huaweidata_dli_queue is sized
# by its cu_count instead: the next plan would scale it back.)
action "huaweidata_dli_queue_scale" "month_end" {
  config {
    queue_name = "month_end"
    cu_count   = 64
  }
}

#   terraform apply -invoke=action.huaweidata_dli_queue_scale.back_to_normal
action "huaweidata_dli_queue_scale" "back_to_normal" {
  config {
    queue_name = "month_end"
    cu_count   = 16
    timeout    = "30m"
  }
}

# Scales out whenever a new month-end run is declared.
resource "terraform_data" "month_end_run" {
  input = "2024-01"

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.huaweidata_dli_queue_scale.month_end]
    }
  }
}
