# The SQL catalog of the demo: a database with a DLI table and an OBS table.

resource "huaweidata_dli_database" "demo" {
  name          = "demo_catalog"
  description   = "Tables of the demo pipeline"
  force_destroy = true # the demo is disposable: destroy drops its tables
}

# Appending a column to this table's columns updates it in place with an
# ALTER TABLE job on the demo SQL queue.
resource "huaweidata_dli_table" "orders" {
  database_name = huaweidata_dli_database.demo.name
  name          = "orders"
  data_location = "DLI"
  description   = "Cleaned orders"
  sql_queue     = huaweidata_dli_queue.sql.name

  columns = [
    { name = "order_id", type = "bigint" },
    { name = "customer", type = "string" },
    { name = "amount", type = "decimal(12,2)" },
    { name = "dt", type = "string", is_partition = true },
  ]

  deletion_protection = false # disposable demo data
}

resource "huaweidata_dli_table" "raw_events" {
  database_name      = huaweidata_dli_database.demo.name
  name               = "raw_events"
  data_location      = "OBS"
  data_format        = "csv"
  bucket_location    = "obs://demo-bucket/raw/events"
  with_column_header = true

  columns = [
    { name = "event_time", type = "timestamp" },
    { name = "payload", type = "string" },
  ]

  deletion_protection = false # disposable demo data
}

output "catalog_tables" {
  value = {
    for t in [huaweidata_dli_table.orders, huaweidata_dli_table.raw_events] : t.id => t.table_type
  }
}
