# Every database whose name starts with "sales_", e.g. to grant on all of them.
data "huaweidata_dli_databases" "sales" {
  name_regex = "^sales_"
}

# The databases that user "analyst" owns.
data "huaweidata_dli_databases" "analyst" {
  owner = "analyst"
}

output "sales_databases" {
  value = [for db in data.huaweidata_dli_databases.sales.databases : db.name]
}

output "analyst_table_count" {
  value = sum(concat([0], [for db in data.huaweidata_dli_databases.analyst.databases : db.table_count]))
}
