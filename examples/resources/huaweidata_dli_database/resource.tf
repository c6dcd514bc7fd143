# A database for the sales team. Only owner can change in place; the other
# arguments replace the database.
resource "huaweidata_dli_database" "example" {
  name        = "sales"
  description = "Orders and customers"

  tags = {
    team = "sales"
  }

  # Destroying a database that still has tables fails unless this is true,
  # in which case the tables are dropped with it.
  force_destroy = false
}
