# An SQL job is imported by its job id. DLI does not return conf: the first
# apply after the import records the configuration's conf without a re-run.
terraform import huaweidata_dli_sql_job.backfill 95fcc908-9f1b-446c-8643-5653891d9fd9
