# The SQL templates of the group "reports".
list "huaweidata_dli_sql_template" "reports" {
  provider         = huaweidata
  include_resource = true

  config {
    group = "reports"
  }
}
