# The Kafka SSL authentications (never their secrets, which DLI does not return).
list "huaweidata_dli_datasource_auth" "kafka" {
  provider         = huaweidata
  include_resource = true

  config {
    type       = "Kafka_SSL"
    name_regex = "^kafka_"
  }
}
