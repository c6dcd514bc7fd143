# A connection is imported by its id (a UUID). route_table_id and tags are not
# returned by DLI: set them in the configuration after importing.
terraform import huaweidata_dli_connection.example 2a620c33-5609-40c9-affd-2b6453071b0f
