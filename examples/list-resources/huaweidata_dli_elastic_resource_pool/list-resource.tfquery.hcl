# Every available elastic resource pool of team "data", with its whole configuration.
list "huaweidata_dli_elastic_resource_pool" "data" {
  provider         = huaweidata
  include_resource = true

  config {
    status = "AVAILABLE"
    tags   = { team = "data" }
  }
}
