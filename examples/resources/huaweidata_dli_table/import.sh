# A table or view is imported as <database>/<table>.
terraform import huaweidata_dli_table.orders shop/orders
