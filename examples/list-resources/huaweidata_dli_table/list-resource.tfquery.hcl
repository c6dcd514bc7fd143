# The OBS tables of the database "sales" whose name starts with "orders",
# with their columns.
list "huaweidata_dli_table" "orders" {
  provider         = huaweidata
  include_resource = true

  config {
    database_name = "sales"
    name_regex    = "^orders"
    table_type    = "EXTERNAL"
  }
}
