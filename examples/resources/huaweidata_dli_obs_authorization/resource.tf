# Authorise DLI to write Flink checkpoints and job logs to these buckets.
# DLI cannot revoke an authorisation: removing a bucket here leaves it authorised.
resource "huaweidata_dli_obs_authorization" "flink" {
  obs_buckets = ["example-flink-checkpoints", "example-flink-logs"]
}
