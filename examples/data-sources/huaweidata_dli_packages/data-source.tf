# Every JAR package of the project, grouped or not.
data "huaweidata_dli_packages" "jars" {
  type = "jar"
}

# The packages of one group.
data "huaweidata_dli_packages" "etl" {
  group_name = "etl"
}

output "jar_references" {
  value = data.huaweidata_dli_packages.jars.packages[*].id
}
