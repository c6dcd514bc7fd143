package migration_test

import (
	"path/filepath"
	"runtime"
)

// incumbentShapes are this provider's equivalents of the configurations in
// ../shared/incumbent/<folder>/main.tf, written for the incumbent huaweicloud provider: the
// same objects, names and settings, and the same resource names, so that a `moved` block
// maps huaweicloud_<type>.<name> to huaweidata_<type>.<name>.
var incumbentShapes = map[string]string{
	"database": `
resource "huaweidata_dli_database" "db" {
  name        = "fid_tf_db"
  description = "fidelity test db"
}
`,
	"datasource_connection": `
resource "huaweidata_dli_connection" "c" {
  name      = "fid_tf_conn"
  vpc_id    = "11111111-2222-3333-4444-555555555555"
  subnet_id = "66666666-7777-8888-9999-000000000000"
  hosts     = [{ name = "db_host1", ip = "192.168.0.10" }]
}
`,
	"datasource_connection_with_queue": `
resource "huaweidata_dli_queue" "g" {
  name       = "fid_tf_conn_q"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_connection" "c" {
  name      = "fid_tf_conn_q"
  vpc_id    = "11111111-2222-3333-4444-555555555555"
  subnet_id = "66666666-7777-8888-9999-000000000000"
  queues    = [huaweidata_dli_queue.g.name]
  hosts     = [{ name = "db_host1", ip = "192.168.0.10" }]
}
`,
	"flinksql_job_exclusive": `
resource "huaweidata_dli_queue" "g" {
  name       = "fid_tf_flink_q1"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_flink_sql_job" "j" {
  name          = "fid_tf_flink_excl1"
  type          = "flink_opensource_sql_job"
  run_mode      = "exclusive_cluster"
  tm_slot_num   = 1
  queue_name    = huaweidata_dli_queue.g.name
  flink_version = "1.15"
  sql           = <<-SQL
    CREATE TABLE src (id INT) WITH ('connector' = 'datagen');
    CREATE TABLE snk (id INT) WITH ('connector' = 'blackhole');
    INSERT INTO snk SELECT id FROM src;
  SQL
}
`,
	"flinksql_job_shared": `
resource "huaweidata_dli_flink_sql_job" "j" {
  name        = "fid_tf_flink"
  type        = "flink_sql_job"
  run_mode    = "shared_cluster"
  tm_slot_num = 1
  sql         = <<-SQL
    CREATE SOURCE STREAM car_infos (car_id STRING, speed INT)
      WITH (type = "dis", region = "cn-north-4", channel = "fid_in", encode = "csv", field_delimiter = ",");
    CREATE SINK STREAM fast_cars (car_id STRING, speed INT)
      WITH (type = "dis", region = "cn-north-4", channel = "fid_out", encode = "csv", field_delimiter = ",");
    INSERT INTO fast_cars SELECT car_id, speed FROM car_infos WHERE speed > 100;
  SQL
}
`,
	"global_variable": `
resource "huaweidata_dli_global_variable" "v" {
  name  = "fid_tf_var"
  value = "hello_value"
}
`,
	"global_variable_sensitive": `
resource "huaweidata_dli_global_variable" "v" {
  name         = "fid_tf_secret"
  value        = "s3cret_value"
  is_sensitive = true
}
`,
	"queue": `
resource "huaweidata_dli_queue" "q" {
  name       = "fid_tf_queue"
  cu_count   = 16
  queue_type = "sql"
}
`,
	"spark_job": `
resource "huaweidata_dli_queue" "g" {
  name       = "fid_tf_spark_q"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_batch_job" "s" {
  queue_name      = huaweidata_dli_queue.g.name
  name            = "fid_tf_spark"
  file            = "obs://fid-bucket/driver_behavior.jar"
  class_name      = "driver_behavior"
  sc_type         = "B"
  max_retry_times = 20
}
`,
	"sql_job": `
resource "huaweidata_dli_database" "db" {
  name          = "fid_tf_sqljob2_db"
  force_destroy = true
}

resource "huaweidata_dli_table" "t" {
  database_name       = huaweidata_dli_database.db.name
  name                = "t_src"
  data_location       = "DLI"
  columns             = [{ name = "id", type = "int" }]
  deletion_protection = false
}

resource "huaweidata_dli_sql_job" "desc" {
  sql           = "DESC ${huaweidata_dli_table.t.name}"
  database_name = huaweidata_dli_database.db.name
}

resource "huaweidata_dli_sql_job" "query" {
  sql           = "SELECT * FROM ${huaweidata_dli_table.t.name}"
  database_name = huaweidata_dli_database.db.name
}
`,
	"table": `
resource "huaweidata_dli_database" "db" {
  name          = "fid_tf_tbl_db"
  force_destroy = true
}

resource "huaweidata_dli_table" "t" {
  database_name       = huaweidata_dli_database.db.name
  name                = "table_1"
  data_location       = "DLI"
  description         = "SQL table_1 description"
  deletion_protection = false
  columns = [
    { name = "column_1", type = "string", description = "the first column" },
    { name = "column_2", type = "int", description = "the second column" },
  ]
}
`,
}

// incumbentDir is ../shared/incumbent beside the repository.
func incumbentDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "incumbent")
}
