# The Spark batch's program and its helper library, uploaded from OBS into the
# demo_jobs package group (batch.tf runs them as <group>/<name>).

resource "huaweidata_dli_package" "orders_etl" {
  group_name  = "demo_jobs"
  type        = "jar"
  object_path = "https://demo-bucket.obs.cn-north-4.myhuaweicloud.com/jars/orders-etl.jar"
  is_async    = true
}

resource "huaweidata_dli_package" "etl_common" {
  group_name  = "demo_jobs"
  type        = "jar"
  object_path = "https://demo-bucket.obs.cn-north-4.myhuaweicloud.com/jars/etl-common.jar"
}

data "huaweidata_dli_packages" "demo_jobs" {
  group_name = "demo_jobs"
  depends_on = [huaweidata_dli_package.orders_etl, huaweidata_dli_package.etl_common]
}

output "demo_packages" {
  value = data.huaweidata_dli_packages.demo_jobs.packages[*].id
}
