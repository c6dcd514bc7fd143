# An enhanced datasource connection that lets the demo's Flink and Spark jobs
# reach a database subnet. The apply ends when it is ACTIVE on the queue.
resource "huaweidata_dli_connection" "warehouse_db" {
  name      = "demo_warehouse_db"
  vpc_id    = "0f4c1e2d-3b5a-4c6d-8e7f-9a0b1c2d3e4f"
  subnet_id = "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e"
  queues    = [huaweidata_dli_queue.general.name]

  hosts = [
    { name = "warehouse-db", ip = "192.168.0.10" },
  ]

  tags = {
    demo = "true"
  }

  lifecycle {
    postcondition {
      condition     = self.status == "ACTIVE" && alltrue([for q in self.queue_status : q.status == "ACTIVE"])
      error_message = "The demo connection must be ACTIVE on every queue when the apply ends."
    }
  }
}

output "connection_id" {
  value = huaweidata_dli_connection.warehouse_db.id
}

output "connection_queue_status" {
  value = { for q in huaweidata_dli_connection.warehouse_db.queue_status : q.name => q.status }
}
