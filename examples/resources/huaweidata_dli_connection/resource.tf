# A dedicated queue for jobs that read a database in a customer VPC.
resource "huaweidata_dli_queue" "etl" {
  name          = "etl_jobs"
  cu_count      = 16
  queue_type    = "general"
  resource_mode = 1
}

# Peers the queue with the subnet of the database. The apply ends when the
# queue's peering is ACTIVE. queues and hosts change in place; the other
# arguments replace the connection.
resource "huaweidata_dli_connection" "orders_db" {
  name           = "orders_db"
  vpc_id         = "3b7e1a52-61f4-4b8e-9a4c-2f0d6c1e9a10"
  subnet_id      = "7c2d9f40-0a1b-4c3d-8e5f-6a7b8c9d0e1f"
  route_table_id = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b"
  queues         = [huaweidata_dli_queue.etl.name]

  hosts = [
    { name = "orders-primary", ip = "192.168.10.21" },
    { name = "orders-replica", ip = "192.168.10.22" },
  ]

  tags = {
    team = "orders"
  }

  timeouts {
    create = "30m"
  }
}
