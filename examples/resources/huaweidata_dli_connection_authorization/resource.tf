resource "huaweidata_dli_connection" "warehouse" {
  name      = "warehouse_db"
  vpc_id    = "0f4c1e2d-3b5a-4c6d-8e7f-9a0b1c2d3e4f"
  subnet_id = "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e"
}

# The analytics project may bind its own queues to the warehouse connection.
resource "huaweidata_dli_connection_authorization" "analytics" {
  connection_id = huaweidata_dli_connection.warehouse.id
  project_id    = "330e068af1334c9782f4226acc00a2e2"
}
