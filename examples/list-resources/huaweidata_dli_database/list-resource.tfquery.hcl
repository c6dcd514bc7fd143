# Every database of team "sales", with its whole configuration.
list "huaweidata_dli_database" "sales" {
  provider         = huaweidata
  include_resource = true

  config {
    tags = { team = "sales" }
  }
}
