# A global variable is imported by its name. The value of a sensitive variable
# cannot be read back from DLI: set it in configuration after the import.
terraform import huaweidata_dli_global_variable.example warehouse_path
