# Every general-purpose queue of team "data" whose name starts with "etl_",
# with its whole configuration (terraform query -generate-config-out=queues.tf).
list "huaweidata_dli_queue" "etl" {
  provider         = huaweidata
  include_resource = true

  config {
    queue_type = "general"
    name_regex = "^etl_"
    tags       = { team = "data" }
  }
}
