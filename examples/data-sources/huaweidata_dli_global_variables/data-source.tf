# The names of the global variables of the "etl_" family, and which are sensitive. Values
# are never returned.
data "huaweidata_dli_global_variables" "etl" {
  name_regex = "^etl_"
}

output "etl_variables" {
  value = { for v in data.huaweidata_dli_global_variables.etl.variables : v.name => v.is_sensitive }
}
