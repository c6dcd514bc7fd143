# A streaming Flink Jar job on the demo general queue: a packaged program that enriches the
# demo orders. It has the lifecycle of the Flink SQL job: a change the running job cannot
# take stops it with a savepoint, updates it and resumes it (the plan warns first).
resource "huaweidata_dli_flink_jar_job" "orders_enricher" {
  name            = "demo_orders_enricher"
  description     = "Enriches the demo orders with customer data"
  queue_name      = huaweidata_dli_queue.general.name
  entrypoint      = "obs://demo-bucket/jobs/orders-enricher.jar"
  main_class      = "com.example.demo.OrdersEnricher"
  entrypoint_args = "--window 60"
  dependency_jars = ["obs://demo-bucket/jobs/libs/customers-client.jar"]

  cu_number       = 2
  parallel_number = 1

  log_enabled = true
  obs_bucket  = "demo-bucket"

  restart_when_exception = true
  desired_state          = "running"

  lifecycle {
    postcondition {
      condition     = self.status == "job_running"
      error_message = "The demo Flink Jar job must be running when the apply ends."
    }
  }
}

output "flink_jar_job_status" {
  value = huaweidata_dli_flink_jar_job.orders_enricher.status
}

# A Flink SQL job template the team starts new streaming jobs from.
resource "huaweidata_dli_flink_template" "orders_totals" {
  name        = "demo_orders_totals"
  description = "Totals of the demo orders per customer"
  sql         = "INSERT INTO demo_catalog.customer_totals SELECT customer, SUM(amount) FROM demo_catalog.orders GROUP BY customer"
}
