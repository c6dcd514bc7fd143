# The workspace comes from the provider's dataarts block:
#   provider "huaweidata" { dataarts = { workspace_id = "..." } }
# or from workspace_id on the data source.

# Relationships whose name contains "orders", created in April or May 2024.
data "huaweidata_dataarts_relations" "orders" {
  name       = "orders"
  begin_time = "2024-04-01T00:00:00Z"
  end_time   = "2024-06-01T00:00:00Z"
}

output "orders_relations" {
  value = {
    for r in data.huaweidata_dataarts_relations.orders.relations :
    r.name => [for m in r.mappings : "${r.source_table_name}.${m.source_field_name} = ${r.target_table_name}.${m.target_field_name}"]
  }
}
