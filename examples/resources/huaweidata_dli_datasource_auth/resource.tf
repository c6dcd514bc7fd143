# User name and password for an RDS or DWS database. The password is write-only
# (Terraform >= 1.11): sent to DLI but never stored in the plan or state.
# Increment password_wo_version to send a new password.
resource "huaweidata_dli_datasource_auth" "warehouse_db" {
  name                = "warehouse_db"
  type                = "passwd"
  username            = "etl_reader"
  password_wo         = var.db_password
  password_wo_version = 1
}

# Kafka with SSL: truststore and keystore uploaded to OBS, their passwords
# write-only (one variable is used here for brevity).
resource "huaweidata_dli_datasource_auth" "kafka" {
  name                           = "orders_kafka"
  type                           = "Kafka_SSL"
  truststore_location            = "obs://example-certs/kafka/truststore.jks"
  truststore_password_wo         = var.db_password
  truststore_password_wo_version = 1
  keystore_location              = "obs://example-certs/kafka/keystore.jks"
  keystore_password_wo           = var.db_password
  keystore_password_wo_version   = 1
  key_password_wo                = var.db_password
  key_password_wo_version        = 1
}

# Kerberos (MRS): krb5.conf and keytab uploaded to OBS; nothing secret in state.
resource "huaweidata_dli_datasource_auth" "mrs_hive" {
  name      = "mrs_hive"
  type      = "KRB"
  username  = "hive/mrs@EXAMPLE.COM"
  krb5_conf = "obs://example-certs/mrs/krb5.conf"
  keytab    = "obs://example-certs/mrs/hive.keytab"
}

variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
