# A datasource authentication is imported by its name. DLI never returns its
# secrets (password, truststore_password, keystore_password, key_password): after
# the import they are empty in state, and so are the *_wo_version arguments
# (write-only values are never in state). The first apply with a secret set in
# configuration sends it; key_password, which DLI cannot change, is then only
# recorded, not replaced.
terraform import huaweidata_dli_datasource_auth.example orders_kafka
