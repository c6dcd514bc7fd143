resource "huaweidata_dli_queue" "sql" {
  name     = "etl_sql"
  cu_count = 16
}

resource "huaweidata_dli_database" "sales" {
  name          = "sales"
  force_destroy = true
}

resource "huaweidata_dli_table" "orders_daily" {
  database_name = huaweidata_dli_database.sales.name
  name          = "orders_daily"
  data_location = "DLI"
  columns = [
    { name = "dt", type = "string" },
    { name = "total", type = "double" },
  ]
  deletion_protection = false
}

# A backfill run as a deployment step: apply waits until it has FINISHED, and
# changing triggers.release runs it again (the plan warns that it will).
resource "huaweidata_dli_sql_job" "backfill" {
  queue_name    = huaweidata_dli_queue.sql.name
  database_name = huaweidata_dli_database.sales.name
  sql           = "INSERT OVERWRITE TABLE ${huaweidata_dli_table.orders_daily.name} SELECT '2024-01-01', 42.5"
  conf = {
    "spark.sql.shuffle.partitions" = "200"
    "dli.sql.job.timeout"          = "3600000"
  }
  tags = {
    team = "data"
  }
  triggers = {
    release = "v42"
  }
}

# A query whose first rows are kept in result_preview.
resource "huaweidata_dli_sql_job" "row_count" {
  queue_name    = huaweidata_dli_queue.sql.name
  database_name = huaweidata_dli_database.sales.name
  sql           = "SELECT count(*) AS n FROM orders_daily"
  preview_rows  = 1

  depends_on = [huaweidata_dli_sql_job.backfill]
}

output "orders_daily_rows" {
  value = huaweidata_dli_sql_job.row_count.result_preview.rows[0][0]
}
