# A saved statement in DLI's SQL editor, filed under the "etl" group.
resource "huaweidata_dli_sql_template" "daily_totals" {
  name        = "daily_totals"
  description = "Totals per day, for ad-hoc checks"
  group       = "etl"
  sql         = "SELECT dt, sum(amount) AS total FROM sales.orders GROUP BY dt ORDER BY dt DESC"
}
