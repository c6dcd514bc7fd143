# A JAR uploaded from OBS into the package group "etl". The apply waits until
# DLI reports the package READY.
resource "huaweidata_dli_package" "etl" {
  group_name  = "etl"
  type        = "jar"
  object_path = "https://example-bucket.obs.cn-north-4.myhuaweicloud.com/jars/orders-etl.jar"
  is_async    = true
  tags = {
    team = "data"
  }
}

# A Python dependency in the same group, given to another IAM user.
resource "huaweidata_dli_package" "helpers" {
  group_name  = "etl"
  type        = "pyFile"
  object_path = "https://example-bucket.obs.cn-north-4.myhuaweicloud.com/py/helpers.py"
  owner       = "etl_operator"
}

# Jobs name a package by its id, "<group>/<name>".
output "etl_jar" {
  value = huaweidata_dli_package.etl.id # "etl/orders-etl.jar"
}
