resource "huaweidata_dli_queue" "sql" {
  name     = "etl"
  cu_count = 16
}

resource "huaweidata_dli_database" "sales" {
  name          = "sales"
  force_destroy = true
}

# Registers the partitions already in OBS. Invoke it again by hand after new
# data has landed:
#   terraform apply -invoke=action.huaweidata_dli_sql.repair_orders
action "huaweidata_dli_sql" "repair_orders" {
  config {
    queue_name    = huaweidata_dli_queue.sql.name
    database_name = huaweidata_dli_database.sales.name
    sql           = "MSCK REPAIR TABLE orders"
    timeout       = "15m"
  }
}

# A partitioned OBS table; once it is created the action above runs.
resource "huaweidata_dli_table" "orders" {
  database_name   = huaweidata_dli_database.sales.name
  name            = "orders"
  data_location   = "OBS"
  data_format     = "parquet"
  bucket_location = "obs://my-bucket/sales/orders"

  columns = [
    { name = "order_id", type = "bigint" },
    { name = "amount", type = "double" },
    { name = "order_date", type = "string", is_partition = true },
  ]

  deletion_protection = false

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.huaweidata_dli_sql.repair_orders]
    }
  }
}
