# The Spark templates of the group "nightly" whose name ends in "_daily".
list "huaweidata_dli_spark_template" "nightly" {
  provider = huaweidata

  config {
    name_regex = "_daily$"
    group      = "nightly"
  }
}
