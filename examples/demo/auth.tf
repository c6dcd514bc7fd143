# Credentials for the demo's jobs. The Kafka SSL passwords are write-only: sent
# to DLI but never stored in the plan or state. The literals are fake, for the
# emulator only; use ephemeral variables for real secrets.
resource "huaweidata_dli_datasource_auth" "orders_kafka" {
  name                           = "demo_orders_kafka"
  type                           = "Kafka_SSL"
  truststore_location            = "obs://demo-certs/kafka/truststore.jks"
  truststore_password_wo         = "fake-truststore-password-for-the-emulator"
  truststore_password_wo_version = 1
  keystore_location              = "obs://demo-certs/kafka/keystore.jks"
  keystore_password_wo           = "fake-keystore-password-for-the-emulator"
  keystore_password_wo_version   = 1
  key_password_wo                = "fake-key-password-for-the-emulator"
  key_password_wo_version        = 1
}

resource "huaweidata_dli_datasource_auth" "warehouse_db" {
  name                = "demo_warehouse_db"
  type                = "passwd"
  username            = "etl_reader"
  password_wo         = var.db_password
  password_wo_version = 1
}

# The project's DLI agency: OBS access for jobs, VPC peering for the connection.
resource "huaweidata_dli_agency" "this" {
  roles = ["obs_adm", "vpc_netadm"]
}

# Buckets the Flink jobs may write checkpoints and logs to.
resource "huaweidata_dli_obs_authorization" "flink" {
  obs_buckets = ["demo-flink-checkpoints", "demo-flink-logs"]
}

output "datasource_auths" {
  value = [huaweidata_dli_datasource_auth.orders_kafka.name, huaweidata_dli_datasource_auth.warehouse_db.name]
}
