resource "huaweidata_dli_database" "sales" {
  name          = "sales"
  force_destroy = true
}

resource "huaweidata_dli_permission" "analyst" {
  object     = "databases.${huaweidata_dli_database.sales.name}"
  user_name  = "analyst"
  privileges = ["SELECT"]
}

# Everyone's privileges on the database, its owner (ALL) first.
data "huaweidata_dli_permissions" "sales" {
  object     = "databases.${huaweidata_dli_database.sales.name}"
  depends_on = [huaweidata_dli_permission.analyst]
}

output "sales_users" {
  value = { for p in data.huaweidata_dli_permissions.sales.permissions : p.user_name => sort(tolist(p.privileges)) }
}
