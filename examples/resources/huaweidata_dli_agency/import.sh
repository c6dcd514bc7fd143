# The DLI agency is one per project; its id is always dli_admin_agency.
terraform import huaweidata_dli_agency.this dli_admin_agency
