# A Spark template is imported by its id.
terraform import huaweidata_dli_spark_template.orders_etl 6b1d0c1e-0a8b-4c47-9bb5-0e8d1f6c2a11
