# List data sources: look up what the project holds, e.g. to feed other modules. They
# depend on nothing here, so they are read at plan time through the same shared listings
# the resources above refresh with (one listing per collection per run).

data "huaweidata_dli_databases" "demo" {
  name_regex = "^demo"
}

data "huaweidata_dli_tables" "builtin" {
  database_name = "default"
}

data "huaweidata_dli_global_variables" "all" {}

data "huaweidata_dli_connections" "active" {
  status = "ACTIVE"
}
