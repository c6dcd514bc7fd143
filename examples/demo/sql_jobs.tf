# SQL statements run as deployment steps on the demo SQL queue, after the
# catalog exists: a backfill of the orders table, a partition repair and a
# query whose first rows show in the plan's outputs. Each runs once; changing
# triggers.release runs the backfill again (the plan warns about it).

resource "huaweidata_dli_sql_job" "orders_backfill" {
  queue_name    = huaweidata_dli_queue.sql.name
  database_name = huaweidata_dli_database.demo.name
  sql           = "INSERT INTO orders SELECT 1, 'demo customer', 9.99, '2024-01-01'"
  conf = {
    "spark.sql.shuffle.partitions" = "8"
  }
  tags = {
    demo = "true"
  }
  triggers = {
    release = "2024-01-01"
  }

  depends_on = [huaweidata_dli_table.orders]
}

resource "huaweidata_dli_sql_job" "orders_repair" {
  queue_name = huaweidata_dli_queue.sql.name
  sql        = "MSCK REPAIR TABLE ${huaweidata_dli_database.demo.name}.${huaweidata_dli_table.orders.name}"

  depends_on = [huaweidata_dli_sql_job.orders_backfill]
}

resource "huaweidata_dli_sql_job" "orders_count" {
  queue_name    = huaweidata_dli_queue.sql.name
  database_name = huaweidata_dli_database.demo.name
  sql           = "SELECT count(*) AS orders FROM orders"
  preview_rows  = 5

  depends_on = [huaweidata_dli_sql_job.orders_repair]
}

output "orders_count_preview" {
  value = huaweidata_dli_sql_job.orders_count.result_preview
}
