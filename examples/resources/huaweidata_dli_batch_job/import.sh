# A batch job is imported by its id (a UUID); every argument DLI returns is read back.
terraform import huaweidata_dli_batch_job.example 0a324461-d9d9-45da-a52a-3b3c7a3d809e
