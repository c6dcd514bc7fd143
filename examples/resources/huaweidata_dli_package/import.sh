# A package is imported as <group>/<package name>. DLI does not return the OBS
# path, is_async or the tags: the values in the configuration are recorded by
# the next apply (a path must end in the package's name).
terraform import huaweidata_dli_package.etl etl/orders-etl.jar
