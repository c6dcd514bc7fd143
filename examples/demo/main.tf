# A small DLI setup applied by `make demo` against the local emulator.
#
# Run by hand against an emulator started with `make emulator`:
#   export HW_ACCESS_KEY=HWDEMOACCESSKEY000001
#   export HW_SECRET_KEY=hwdemosecretkey0000000000000000000000001
#   terraform apply -var emulator_url=http://127.0.0.1:8080
# (with a dev_overrides CLI config pointing at your local build; see README.md).

terraform {
  required_version = ">= 1.11"

  required_providers {
    huaweidata = {
      source = "huaweidata/huaweidata"
    }
  }
}

variable "emulator_url" {
  description = "Base URL of the huaweidata emulator, e.g. http://127.0.0.1:8080."
  type        = string
}

variable "db_password" {
  description = "Sent to DLI as a write-only value: never stored in the plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
  default     = "demo-password-not-a-secret"
}

# Credentials come from HW_ACCESS_KEY and HW_SECRET_KEY (the emulator's demo pair).
provider "huaweidata" {
  region     = "cn-north-4"
  project_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9" # the emulator's demo project

  endpoints = {
    dli      = var.emulator_url
    dataarts = var.emulator_url
    iam      = var.emulator_url
  }
}

resource "huaweidata_dli_queue" "sql" {
  name        = "demo_sql"
  cu_count    = 16
  description = "Interactive SQL for the demo"
}

resource "huaweidata_dli_queue" "general" {
  name        = "demo_general"
  cu_count    = 16
  queue_type  = "general"
  description = "Flink and Spark jobs for the demo"
}

resource "huaweidata_dli_global_variable" "warehouse" {
  name  = "demo_warehouse"
  value = "obs://demo-bucket/warehouse"
}

resource "huaweidata_dli_global_variable" "api_token" {
  name         = "demo_api_token"
  value        = "demo-token-0123456789"
  is_sensitive = true
}

resource "huaweidata_dli_global_variable" "db_password" {
  name             = "demo_db_password"
  value_wo         = var.db_password
  value_wo_version = 1
  is_sensitive     = true
}

locals {
  queues = [huaweidata_dli_queue.sql, huaweidata_dli_queue.general]
}

output "queue_names" {
  value = [for q in local.queues : q.name]
}

output "queue_owners" {
  value = { for q in local.queues : q.name => q.owner }
}

output "queue_create_times" {
  value = { for q in local.queues : q.name => q.create_time }
}

output "queue_cu_counts" {
  value = { for q in local.queues : q.name => q.cu_count }
}

output "global_variables" {
  value = [
    huaweidata_dli_global_variable.warehouse.name,
    huaweidata_dli_global_variable.api_token.name,
    huaweidata_dli_global_variable.db_password.name,
  ]
}
