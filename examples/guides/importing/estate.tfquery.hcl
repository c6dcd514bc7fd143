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
