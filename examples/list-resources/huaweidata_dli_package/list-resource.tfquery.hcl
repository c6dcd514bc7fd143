# The JAR packages of the group "etl", with their whole configuration.
list "huaweidata_dli_package" "etl_jars" {
  provider         = huaweidata
  include_resource = true

  config {
    group_name = "etl"
    type       = "jar"
  }
}
