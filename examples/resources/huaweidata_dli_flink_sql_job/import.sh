# A Flink SQL job is imported by its numeric job id.
terraform import huaweidata_dli_flink_sql_job.order_totals 1234
