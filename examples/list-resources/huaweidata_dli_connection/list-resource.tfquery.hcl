# The active enhanced connections of team "data", with their configuration.
list "huaweidata_dli_connection" "data" {
  provider         = huaweidata
  include_resource = true

  config {
    status = "ACTIVE"
    tags   = { team = "data" }
  }
}
