# The active enhanced connections tagged env = "prod", e.g. to bind a new queue to them.
data "huaweidata_dli_connections" "prod" {
  status = "ACTIVE"
  tags   = { env = "prod" }
}

output "prod_connections" {
  value = { for c in data.huaweidata_dli_connections.prod.connections : c.name => c.id }
}
