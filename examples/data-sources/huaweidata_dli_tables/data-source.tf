# The OBS tables of DLI's built-in database whose name starts with "orders_", with their
# columns (one describe request per table: filter first).
data "huaweidata_dli_tables" "orders" {
  database_name = "default"
  name_regex    = "^orders_"
  table_type    = "EXTERNAL"
  with_columns  = true
}

output "orders_partitions" {
  value = {
    for t in data.huaweidata_dli_tables.orders.tables :
    t.name => [for c in t.columns : c.name if c.is_partition]
  }
}
