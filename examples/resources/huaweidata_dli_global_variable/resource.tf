# A plain global variable, usable in DLI SQL as {{warehouse_path}}.
resource "huaweidata_dli_global_variable" "warehouse_path" {
  name  = "warehouse_path"
  value = "obs://example-bucket/warehouse"
}

# A sensitive variable: DLI masks its value, and the provider keeps its own
# copy in state (marked sensitive).
resource "huaweidata_dli_global_variable" "api_token" {
  name         = "api_token"
  value        = var.api_token
  is_sensitive = true
}

# A write-only value (Terraform >= 1.11): sent to DLI but never stored in the
# plan or state. Increment value_wo_version to send a new value.
resource "huaweidata_dli_global_variable" "db_password" {
  name             = "db_password"
  value_wo         = var.db_password
  value_wo_version = 1
  is_sensitive     = true
}

variable "api_token" {
  type      = string
  sensitive = true
}

variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
