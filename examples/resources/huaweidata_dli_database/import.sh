# A database is imported by its name.
terraform import huaweidata_dli_database.example sales
