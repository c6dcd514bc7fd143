resource "huaweidata_dli_database" "shop" {
  name          = "shop"
  force_destroy = true
}

# The SQL queue that runs ALTER TABLE when columns are appended.
resource "huaweidata_dli_queue" "sql" {
  name     = "shop_sql"
  cu_count = 16
}

# A partitioned DLI table. Appending a column at the end of the non-partition
# columns is an in-place update (ALTER TABLE ... ADD COLUMNS on sql_queue);
# removing, renaming, reordering or retyping a column replaces the table.
resource "huaweidata_dli_table" "orders" {
  database_name = huaweidata_dli_database.shop.name
  name          = "orders"
  data_location = "DLI"
  description   = "One row per order"
  sql_queue     = huaweidata_dli_queue.sql.name

  columns = [
    { name = "order_id", type = "bigint", description = "Order number" },
    { name = "amount", type = "decimal(12,2)" },
    { name = "items", type = "array<struct<sku:string,quantity:int>>" },
    { name = "attributes", type = "map<string,string>" },
    { name = "order_date", type = "date", is_partition = true },
  ]

  # true (the default) makes destroy and replacement fail instead of dropping
  # the table; this example table is disposable.
  deletion_protection = false
}

# An OBS table over CSV files.
resource "huaweidata_dli_table" "raw_orders" {
  database_name      = huaweidata_dli_database.shop.name
  name               = "raw_orders"
  data_location      = "OBS"
  data_format        = "csv"
  bucket_location    = "obs://shop-landing/orders"
  with_column_header = true
  delimiter          = ";"

  columns = [
    { name = "order_id", type = "bigint" },
    { name = "payload", type = "string" },
  ]

  deletion_protection = false
}

# A view over the DLI table; tables in select_statement are database-qualified.
resource "huaweidata_dli_table" "big_orders" {
  database_name       = huaweidata_dli_database.shop.name
  name                = "big_orders"
  data_location       = "VIEW"
  select_statement    = "select order_id, amount from shop.orders where amount > 1000"
  deletion_protection = false

  depends_on = [huaweidata_dli_table.orders]
}
