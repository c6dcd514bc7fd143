# estate.tfquery.hcl: everything this provider can manage, with its whole
# configuration, ready for terraform query -generate-config-out.
list "huaweidata_dli_queue" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_global_variable" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_database" "all" {
  provider         = huaweidata
  include_resource = true
}

# Tables are listed per database: one block for each database to import.
list "huaweidata_dli_table" "sales" {
  provider         = huaweidata
  include_resource = true
  limit            = 1000

  config {
    database_name = "sales"
  }
}

list "huaweidata_dli_flink_sql_job" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_connection" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_elastic_resource_pool" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_flink_jar_job" "all" {
  provider         = huaweidata
  include_resource = true
}

# DLI keeps every statement ever run as an SQL job: import only the ones to keep.
list "huaweidata_dli_sql_job" "ddl" {
  provider         = huaweidata
  include_resource = true

  config {
    job_type = "DDL"
  }
}

list "huaweidata_dli_package" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_datasource_auth" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_sql_template" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_spark_template" "all" {
  provider         = huaweidata
  include_resource = true
}

list "huaweidata_dli_flink_template" "all" {
  provider         = huaweidata
  include_resource = true
}

# Permissions are listed per object: one block for each object whose grants to import.
list "huaweidata_dli_permission" "sales" {
  provider         = huaweidata
  include_resource = true

  config {
    object = "databases.sales"
  }
}
