# Every DLI quota of the project, with how much of it is used.
data "huaweidata_dli_quotas" "all" {}

output "dli_quota_usage" {
  value = { for q in data.huaweidata_dli_quotas.all.quotas : q.type => "${q.used} of ${q.quota}" }
}

# One quota type. DLI does not document the type names: take them from the
# full list above rather than hard-coding them.
data "huaweidata_dli_quotas" "queues" {
  type = data.huaweidata_dli_quotas.all.quotas[0].type
}
