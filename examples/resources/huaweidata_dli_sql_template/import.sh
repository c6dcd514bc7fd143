# An SQL template is imported by its id (sql_id).
terraform import huaweidata_dli_sql_template.daily_totals 2f3a9c1e-6d0b-4e8a-9f7c-1b2d3e4f5a6b
