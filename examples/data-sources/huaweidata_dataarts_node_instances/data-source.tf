# The instance comes from the provider's dataarts block:
#   provider "huaweidata" { dataarts = { instance_id = "..." } }
# or from instance_id on the data source.

# Runs of one job node planned on 10 January 2024 (UTC).
data "huaweidata_dataarts_node_instances" "etl" {
  task_id    = "937987"
  job_name   = "ETL_Job_dli2dws"
  start_time = "2024-01-10T00:00:00Z"
  end_time   = "2024-01-11T00:00:00Z"
}

output "failed_runs" {
  value = [
    for i in data.huaweidata_dataarts_node_instances.etl.instances : i.plan_time
    if i.status == "fail"
  ]
}
