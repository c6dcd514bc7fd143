# DataArts Studio metadata of the demo tables, read from the emulator's default
# fixture: the pipeline demo_db.orders_raw -> orders_clean -> orders_daily (and
# customer_ltv), and the ER relations of the orders tables.

locals {
  # The emulator's demo DataArts Studio instance and workspace. The provider's
  # dataarts block can set them once for every data source; here they are set
  # on each data source instead.
  dataarts_instance_id  = "dd97167b873d4a79b2aad54d4370a3bc"
  dataarts_workspace_id = "b88c445407b24283aa949f9833a38fd8"
}

# Every lineage edge that reads demo_db.orders_raw (batch lineage, all pages,
# filtered): it gives the table's GUID.
data "huaweidata_dataarts_lineage" "orders_raw_readers" {
  instance_id     = local.dataarts_instance_id
  source_database = "demo_db"
  source_table    = "orders_raw"
}

# Everything downstream of orders_raw, up to three hops away.
data "huaweidata_dataarts_lineage" "orders_raw_downstream" {
  instance_id = local.dataarts_instance_id
  guid        = data.huaweidata_dataarts_lineage.orders_raw_readers.edges[0].source_guid
  direction   = "OUT"
  depth       = 3
}

data "huaweidata_dataarts_relations" "orders" {
  workspace_id = local.dataarts_workspace_id
  name         = "orders"
}

output "orders_raw_downstream_tables" {
  description = "Tables that consume demo_db.orders_raw, directly or indirectly."
  value = sort(distinct([
    for e in data.huaweidata_dataarts_lineage.orders_raw_downstream.edges : "${e.target_database}.${e.target_table}"
  ]))
}

output "orders_raw_lineage" {
  description = "Each edge downstream of orders_raw with the job node between the tables."
  value = [
    for e in data.huaweidata_dataarts_lineage.orders_raw_downstream.edges :
    "${e.source_table} -> ${e.node_name} -> ${e.target_table}"
  ]
}

output "orders_relations" {
  description = "ER relations of the orders tables and their field mappings."
  value = {
    for r in data.huaweidata_dataarts_relations.orders.relations : r.name => format("%s -> %s (%s)",
      r.source_table_name, r.target_table_name,
    join(", ", [for m in r.mappings : "${m.source_field_name} = ${m.target_field_name}"]))
  }
}
