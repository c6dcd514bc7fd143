resource "huaweidata_dli_queue" "sql" {
  name     = "sales_sql"
  cu_count = 16
}

resource "huaweidata_dli_database" "sales" {
  name          = "sales"
  force_destroy = true
}

resource "huaweidata_dli_table" "customers" {
  database_name = huaweidata_dli_database.sales.name
  name          = "customers"
  data_location = "DLI"
  columns = [
    { name = "id", type = "bigint" },
    { name = "email", type = "string" },
  ]
  deletion_protection = false
}

# Analysts may submit and cancel jobs on the SQL queue.
resource "huaweidata_dli_permission" "analyst_queue" {
  object     = "queues.${huaweidata_dli_queue.sql.name}"
  user_name  = "analyst"
  privileges = ["SUBMIT_JOB", "CANCEL_JOB"]
}

# They may create tables in the database and read every table in it.
resource "huaweidata_dli_permission" "analyst_sales" {
  object     = "databases.${huaweidata_dli_database.sales.name}"
  user_name  = "analyst"
  privileges = ["CREATE_TABLE", "SELECT"]
}

# An auditor may see the customers table's definition ...
resource "huaweidata_dli_permission" "auditor_customers" {
  object     = "databases.${huaweidata_dli_database.sales.name}.tables.${huaweidata_dli_table.customers.name}"
  user_name  = "auditor"
  privileges = ["DESCRIBE_TABLE"]
}

# ... and read a single column of it.
resource "huaweidata_dli_permission" "auditor_email" {
  object     = "${huaweidata_dli_permission.auditor_customers.object}.columns.email"
  user_name  = "auditor"
  privileges = ["SELECT"]
}
