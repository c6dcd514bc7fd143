# A permission is imported as <object>/<user_name>: the user name follows the last
# slash (a package inside a group, resources.<group>/<package>, has one too).
terraform import huaweidata_dli_permission.example databases.sales.tables.orders/analyst
terraform import huaweidata_dli_permission.queue queues.etl/data_engineer
