# The instance comes from the provider's dataarts block:
#   provider "huaweidata" { dataarts = { instance_id = "..." } }
# or from instance_id on the data source.

# Everything downstream of one table, up to three hops away. Depth 1 is a
# single API call; every further hop reads each newly reached asset once.
data "huaweidata_dataarts_lineage" "downstream" {
  guid      = "00000000-0000-4000-8000-000000000000"
  direction = "OUT"
  depth     = 3
}

# The whole table lineage of every job node (all pages), filtered.
data "huaweidata_dataarts_lineage" "orders_raw_readers" {
  source_database = "demo_db"
  source_table    = "orders_raw"
}

output "downstream_tables" {
  value = sort(distinct([
    for e in data.huaweidata_dataarts_lineage.downstream.edges : "${e.target_database}.${e.target_table}"
  ]))
}

output "orders_raw_jobs" {
  value = [for e in data.huaweidata_dataarts_lineage.orders_raw_readers.edges : e.node_name]
}
