# The users granted privileges on the database "sales" (not its owner).
list "huaweidata_dli_permission" "sales" {
  provider         = huaweidata
  include_resource = true

  config {
    object = "databases.sales"
  }
}
