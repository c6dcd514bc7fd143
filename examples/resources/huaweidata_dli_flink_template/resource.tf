# A reusable Flink SQL job template. Name, description and SQL change in place.
resource "huaweidata_dli_flink_template" "region_totals" {
  name        = "region_totals"
  description = "Running totals per region"
  type        = "flink_opensource_sql_job"

  sql = <<-SQL
    INSERT INTO sales.region_totals
    SELECT region, SUM(amount) AS total
    FROM sales.orders
    GROUP BY region
  SQL

  tags = {
    team = "sales"
  }
}
