# A connection authorisation is imported as <connection_id>/<project_id>.
terraform import huaweidata_dli_connection_authorization.example 2a620c33-5609-40c9-affd-2b6453071b0f/330e068af1334c9782f4226acc00a2e2
