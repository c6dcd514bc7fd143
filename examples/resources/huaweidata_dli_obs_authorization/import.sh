# Imported from a comma-separated list of bucket names (DLI cannot list the
# authorised buckets, so the list is taken as given).
terraform import huaweidata_dli_obs_authorization.flink example-flink-checkpoints,example-flink-logs
