# A pool is imported by its name.
terraform import huaweidata_dli_elastic_resource_pool.analytics analytics_pool
