# A Flink Jar job is imported by its numeric job id.
terraform import huaweidata_dli_flink_jar_job.clickstream 1234
