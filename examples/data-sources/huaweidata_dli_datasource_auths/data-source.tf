# Every Kafka SSL authentication of the project: names and file locations only,
# never a secret.
data "huaweidata_dli_datasource_auths" "kafka" {
  type = "Kafka_SSL"
}

output "kafka_auth_names" {
  value = data.huaweidata_dli_datasource_auths.kafka.auths[*].name
}
