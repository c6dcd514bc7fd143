# Access control of the demo: an analyst may run SQL on the demo SQL queue, read
# the demo catalog's orders table (but only one column of the raw events), and
# a data engineer may create tables in the demo database. Each block manages one
# user's privileges on one object; the owner's ALL is never touched.

resource "huaweidata_dli_permission" "analyst_sql_queue" {
  object     = "queues.${huaweidata_dli_queue.sql.name}"
  user_name  = "analyst"
  privileges = ["SUBMIT_JOB", "CANCEL_JOB"]
}

resource "huaweidata_dli_permission" "engineer_catalog" {
  object     = "databases.${huaweidata_dli_database.demo.name}"
  user_name  = "data_engineer"
  privileges = ["CREATE_TABLE", "SELECT"]
}

resource "huaweidata_dli_permission" "analyst_orders" {
  object     = "databases.${huaweidata_dli_database.demo.name}.tables.${huaweidata_dli_table.orders.name}"
  user_name  = "analyst"
  privileges = ["SELECT", "DESCRIBE_TABLE"]
}

resource "huaweidata_dli_permission" "analyst_event_time" {
  object     = "databases.${huaweidata_dli_database.demo.name}.tables.${huaweidata_dli_table.raw_events.name}.columns.event_time"
  user_name  = "analyst"
  privileges = ["SELECT"]
}

data "huaweidata_dli_permissions" "orders" {
  object     = huaweidata_dli_permission.analyst_orders.object
  depends_on = [huaweidata_dli_permission.analyst_orders]
}

output "orders_users" {
  value = { for p in data.huaweidata_dli_permissions.orders.permissions : p.user_name => sort(tolist(p.privileges)) }
}

# The partner project may bind its own queues to the demo's warehouse connection.
resource "huaweidata_dli_connection_authorization" "partner" {
  connection_id = huaweidata_dli_connection.warehouse_db.id
  project_id    = "330e068af1334c9782f4226acc00a2e2"
}
