package httpapi

// The explicit route table: every API operation the emulator serves, grouped by feature
// file. Op is the SDK method name, used for request counts, fault filters, replaced
// responses and unpublished operations. Patterns are Go 1.22 ServeMux patterns.

const (
	queuePropertiesPath = "/v3/{project_id}/queues/{queue_name}/properties"
	connectionsPath     = "/v2.0/{project_id}/datasource/enhanced-connections"
	resourceTagsPath    = "/v3/{project_id}/{resource_type}/{resource_id}/tags"
	queuePlansPath      = "/v1/{project_id}/queues/{queue_name}/plans" // issue 14: queue scaling plans
	authInfosPath       = "/v2.0/{project_id}/datasource/auth-infos"   // datasource auth (issue 17)
	jobAuthInfosPath    = "/v3/{project_id}/datasource/auth-infos"     // datasource auth (issue 17)
	poolsPath           = "/v3/{project_id}/elastic-resource-pools"    // issue 14
	poolPath            = poolsPath + "/{elastic_resource_pool_name}"
)

var apiRoutes = []route{
	// iam
	{Method: "GET", Pattern: "/v3/projects", Op: "KeystoneListProjects", Handle: (*Server).listProjects},
	// dli_queues
	{Method: "POST", Pattern: "/v1.0/{project_id}/queues", Op: "CreateQueue", Handle: (*Server).createQueue},
	{Method: "GET", Pattern: "/v1.0/{project_id}/queues", Op: "ListQueues", Handle: (*Server).listQueues},
	{Method: "GET", Pattern: "/v1.0/{project_id}/queues/{queue_name}", Op: "ShowQueue", Handle: (*Server).showQueue},
	{Method: "DELETE", Pattern: "/v1.0/{project_id}/queues/{queue_name}", Op: "DeleteQueue", Handle: (*Server).deleteQueue},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/queues/{queue_name}/action", Op: "RunQueueAction", Handle: (*Server).runQueueAction},
	// dli_queue_properties
	{Method: "POST", Pattern: queuePropertiesPath, Op: "CreateQueueProperty", Handle: (*Server).createQueueProperty},
	{Method: "GET", Pattern: queuePropertiesPath, Op: "ListQueueProperties", Handle: (*Server).listQueueProperties},
	{Method: "PUT", Pattern: queuePropertiesPath, Op: "UpdateQueueProperty", Handle: (*Server).updateQueueProperty},
	{Method: "DELETE", Pattern: queuePropertiesPath, Op: "DeleteQueueProperty", Handle: (*Server).deleteQueueProperty},
	// dli_variables
	{Method: "POST", Pattern: "/v1.0/{project_id}/variables", Op: "CreateGlobalVariable", Handle: (*Server).createGlobalVariable},
	{Method: "GET", Pattern: "/v1.0/{project_id}/variables", Op: "ListGlobalVariables", Handle: (*Server).listGlobalVariables},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/variables/{var_name}", Op: "UpdateGlobalVariable", Handle: (*Server).updateGlobalVariable},
	{Method: "DELETE", Pattern: "/v1.0/{project_id}/variables/{var_name}", Op: "DeleteGlobalVariable", Handle: (*Server).deleteGlobalVariable},
	// dli_databases
	{Method: "POST", Pattern: "/v1.0/{project_id}/databases", Op: "CreateDatabase", Handle: (*Server).createDatabase},
	{Method: "GET", Pattern: "/v1.0/{project_id}/databases", Op: "ListDatabases", Handle: (*Server).listDatabases},
	{Method: "DELETE", Pattern: "/v1.0/{project_id}/databases/{database_name}", Op: "DeleteDatabase", Handle: (*Server).deleteDatabase},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/databases/{database_name}/owner", Op: "UpdateDatabaseOwner", Handle: (*Server).updateDatabaseOwner},
	// dli_tables
	{Method: "POST", Pattern: "/v1.0/{project_id}/databases/{database_name}/tables", Op: "CreateTable", Handle: (*Server).createTable},
	{Method: "GET", Pattern: "/v1.0/{project_id}/databases/{database_name}/tables", Op: "ListTables", Handle: (*Server).listTables},
	{Method: "GET", Pattern: "/v1.0/{project_id}/databases/{database_name}/tables/{table_name}", Op: "ShowTable", Handle: (*Server).showTable},
	{Method: "DELETE", Pattern: "/v1.0/{project_id}/databases/{database_name}/tables/{table_name}", Op: "DeleteTable", Handle: (*Server).deleteTable},
	{Method: "GET", Pattern: "/v1.0/{project_id}/databases/{database_name}/tables/{table_name}/partitions", Op: "ListPartitions", Handle: (*Server).listPartitions},
	// dli_sql_jobs
	{Method: "POST", Pattern: "/v1.0/{project_id}/jobs/submit-job", Op: "CreateSqlJob", Handle: (*Server).submitSQLJob},
	{Method: "POST", Pattern: "/v1.0/{project_id}/jobs/check-sql", Op: "CheckSql", Handle: (*Server).checkSQL},
	{Method: "GET", Pattern: "/v1.0/{project_id}/jobs", Op: "ListSqlJobs", Handle: (*Server).listSQLJobs},
	{Method: "GET", Pattern: "/v1.0/{project_id}/jobs/{job_id}/status", Op: "ShowSqlJobStatus", Handle: (*Server).showSQLJobStatus},
	{Method: "GET", Pattern: "/v1.0/{project_id}/jobs/{job_id}/detail", Op: "ShowSqlJobDetail", Handle: (*Server).showSQLJobDetail},
	{Method: "DELETE", Pattern: "/v1.0/{project_id}/jobs/{job_id}", Op: "CancelSqlJob", Handle: (*Server).cancelSQLJob},
	// dli_sql_results (issue 16: SQL job results and progress)
	{Method: "GET", Pattern: "/v1.0/{project_id}/jobs/{job_id}/preview", Op: "PreviewSqlJobResult", Handle: (*Server).previewSQLJob},
	{Method: "GET", Pattern: "/v1/{project_id}/jobs/{job_id}/progress", Op: "ShowSqlJobProgress", Handle: (*Server).showSQLJobProgress},
	// dli_flink_jobs
	{Method: "POST", Pattern: "/v1.0/{project_id}/streaming/sql-jobs", Op: "CreateFlinkSqlJob", Handle: (*Server).createFlinkSQLJob},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/streaming/sql-jobs/{job_id}", Op: "UpdateFlinkSqlJob", Handle: (*Server).updateFlinkSQLJob},
	{Method: "POST", Pattern: "/v1.0/{project_id}/streaming/jobs/run", Op: "BatchRunFlinkJobs", Handle: (*Server).runFlinkJobs},
	{Method: "GET", Pattern: "/v1.0/{project_id}/streaming/jobs", Op: "ListFlinkJobs", Handle: (*Server).listFlinkJobs},
	{Method: "GET", Pattern: "/v1.0/{project_id}/streaming/jobs/{job_id}", Op: "ShowFlinkJob", Handle: (*Server).showFlinkJob},
	{Method: "POST", Pattern: "/v1.0/{project_id}/streaming/jobs/stop", Op: "BatchStopFlinkJobs", Handle: (*Server).stopFlinkJobs},
	{Method: "DELETE", Pattern: "/v1.0/{project_id}/streaming/jobs/{job_id}", Op: "DeleteFlinkJob", Handle: (*Server).deleteFlinkJob},
	{Method: "POST", Pattern: "/v1.0/{project_id}/streaming/jobs/delete", Op: "BatchDeleteFlinkJobs", Handle: (*Server).batchDeleteFlinkJobs},
	// dli_batches
	{Method: "POST", Pattern: "/v2.0/{project_id}/batches", Op: "CreateSparkJob", Handle: (*Server).createBatch},
	{Method: "GET", Pattern: "/v2.0/{project_id}/batches", Op: "ListSparkJobs", Handle: (*Server).listBatches},
	{Method: "GET", Pattern: "/v2.0/{project_id}/batches/{batch_id}", Op: "ShowSparkJob", Handle: (*Server).showBatch},
	{Method: "DELETE", Pattern: "/v2.0/{project_id}/batches/{batch_id}", Op: "CancelSparkJob", Handle: (*Server).cancelBatch},
	{Method: "GET", Pattern: "/v2.0/{project_id}/batches/{batch_id}/state", Op: "ShowSparkJobStatus", Handle: (*Server).showBatchState},
	{Method: "GET", Pattern: "/v2.0/{project_id}/batches/{batch_id}/log", Op: "ShowSparkJobLog", Handle: (*Server).showBatchLog},
	// dli_connections
	{Method: "POST", Pattern: connectionsPath, Op: "CreateEnhancedConnection", Handle: (*Server).createConnection},
	{Method: "GET", Pattern: connectionsPath, Op: "ListEnhancedConnections", Handle: (*Server).listConnections},
	{Method: "GET", Pattern: connectionsPath + "/{connection_id}", Op: "ShowEnhancedConnection", Handle: (*Server).showConnection},
	{Method: "DELETE", Pattern: connectionsPath + "/{connection_id}", Op: "DeleteEnhancedConnection", Handle: (*Server).deleteConnection},
	{Method: "PUT", Pattern: connectionsPath + "/{connection_id}", Op: "UpdateEnhancedConnection", Handle: (*Server).updateConnectionHosts},
	{Method: "POST", Pattern: connectionsPath + "/{connection_id}/associate-queue", Op: "AssociateQueueToEnhancedConnection", Handle: (*Server).associateConnectionQueues},
	{Method: "POST", Pattern: connectionsPath + "/{connection_id}/disassociate-queue", Op: "DisassociateQueueFromEnhancedConnection", Handle: (*Server).disassociateConnectionQueues},
	{Method: "GET", Pattern: connectionsPath + "/{connection_id}/privileges", Op: "ShowEnhancedConnectionPrivilege", Handle: (*Server).showConnectionPrivileges},
	// dli_tags
	{Method: "GET", Pattern: resourceTagsPath, Op: "ShowResourceTags", Handle: (*Server).showResourceTags},
	{Method: "POST", Pattern: resourceTagsPath + "/create", Op: "BatchCreateResourceTags", Handle: (*Server).createResourceTags},
	{Method: "POST", Pattern: resourceTagsPath + "/delete", Op: "BatchDeleteResourceTags", Handle: (*Server).deleteResourceTags},
	// dli_packages (issue 17: resource packages)
	{Method: "POST", Pattern: "/v2.0/{project_id}/resources", Op: "UploadJobResources", Handle: (*Server).uploadJobResources},
	{Method: "GET", Pattern: "/v2.0/{project_id}/resources", Op: "ListJobResources", Handle: (*Server).listJobResources},
	{Method: "POST", Pattern: "/v2.0/{project_id}/resources/jars", Op: "UploadJarJobResources", Handle: uploadKindResources("jar")},
	{Method: "POST", Pattern: "/v2.0/{project_id}/resources/pyfiles", Op: "UploadPythonFileJobResources", Handle: uploadKindResources("pyFile")},
	{Method: "POST", Pattern: "/v2.0/{project_id}/resources/files", Op: "UploadFileJobResources", Handle: uploadKindResources("file")},
	{Method: "GET", Pattern: "/v2.0/{project_id}/resources/{resource_name}", Op: "ShowJobResource", Handle: (*Server).showJobResource},
	{Method: "DELETE", Pattern: "/v2.0/{project_id}/resources/{resource_name}", Op: "DeleteJobResource", Handle: (*Server).deleteJobResource},
	{Method: "PUT", Pattern: "/v2.0/{project_id}/resources/owner", Op: "UpdateJobResourceOwner", Handle: (*Server).updateJobResourceOwner},
	// dataarts_lineage
	{Method: "GET", Pattern: "/v1/{project_id}/datamap/lineage/bulk", Op: "ShowLineageBulk", Handle: (*Server).showLineageBulk},
	{Method: "GET", Pattern: "/v2/{project_id}/datamap/lineage/guid/{guid}", Op: "ShowDatamapLineage", Handle: (*Server).showDatamapLineage},
	// dataarts_relations
	{Method: "GET", Pattern: "/v2/{project_id}/design/relation", Op: "ListRelations", Handle: (*Server).listRelations},
	// dataarts_instances
	{Method: "GET", Pattern: "/v1/{project_id}/datamap/node/{task_id}/instances", Op: "ShowInstanceInfos", Handle: (*Server).showInstanceInfos},
	// dli_queue_plans (issue 14: queue scaling plans)
	{Method: "POST", Pattern: queuePlansPath, Op: "CreateQueuePlan", Handle: (*Server).createQueuePlan},
	{Method: "GET", Pattern: queuePlansPath, Op: "ListQueuePlans", Handle: (*Server).listQueuePlans},
	{Method: "PUT", Pattern: queuePlansPath + "/{plan_id}", Op: "UpdateQueuePlan", Handle: (*Server).updateQueuePlan},
	{Method: "DELETE", Pattern: queuePlansPath + "/{plan_id}", Op: "DeleteQueuePlan", Handle: (*Server).deleteQueuePlan},
	{Method: "POST", Pattern: queuePlansPath + "/batch-delete", Op: "BatchDeleteQueuePlans", Handle: (*Server).batchDeleteQueuePlans},
	// dli_quotas (issue 14: quotas)
	{Method: "GET", Pattern: "/v3/{project_id}/quotas", Op: "ShowQuota", Handle: (*Server).showQuota},
	// dli_privileges (permissions, seed §5)
	{Method: "PUT", Pattern: "/v1.0/{project_id}/queues/user-authorization", Op: "RegisterAuthorizedQueue", Handle: (*Server).registerAuthorizedQueue},
	{Method: "GET", Pattern: "/v1.0/{project_id}/queues/{queue_name}/users", Op: "ListQueueUsers", Handle: (*Server).listQueueUsers},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/user-authorization", Op: "RunDataAuthorizationAction", Handle: (*Server).runDataAuthorizationAction},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/authorization", Op: "RunAuthorizationAction", Handle: (*Server).runAuthorizationAction},
	{Method: "GET", Pattern: "/v1.0/{project_id}/databases/{database_name}/users", Op: "ListDatabaseUsers", Handle: (*Server).listDatabaseUsers},
	{Method: "GET", Pattern: "/v1.0/{project_id}/databases/{database_name}/tables/{table_name}/users", Op: "ListTableUsers", Handle: (*Server).listTableUsers},
	{Method: "GET", Pattern: "/v1.0/{project_id}/databases/{database_name}/tables/{table_name}/users/{user_name}", Op: "ListTablePrivileges", Handle: (*Server).listTablePrivileges},
	{Method: "GET", Pattern: "/v1.0/{project_id}/authorization/privileges", Op: "ListAuthorizationPrivileges", Handle: (*Server).listAuthorizationPrivileges},
	// dli_auth_infos (datasource auth, issue 17): v2.0 and v3 share one store
	{Method: "POST", Pattern: authInfosPath, Op: "CreateAuthInfo", Handle: (*Server).createAuthInfo},
	{Method: "GET", Pattern: authInfosPath, Op: "ListAuthInfo", Handle: (*Server).listAuthInfos},
	{Method: "PUT", Pattern: authInfosPath, Op: "UpdateAuthInfo", Handle: (*Server).updateAuthInfo},
	{Method: "DELETE", Pattern: authInfosPath + "/{auth_info_name}", Op: "DeleteAuthInfo", Handle: (*Server).deleteAuthInfo},
	{Method: "POST", Pattern: jobAuthInfosPath, Op: "CreateJobAuthInfo", Handle: (*Server).createAuthInfo},
	{Method: "GET", Pattern: jobAuthInfosPath, Op: "ListJobAuthInfos", Handle: (*Server).listAuthInfos},
	{Method: "PUT", Pattern: jobAuthInfosPath, Op: "UpdateJobAuthInfo", Handle: (*Server).updateAuthInfo},
	{Method: "DELETE", Pattern: jobAuthInfosPath + "/{auth_info_name}", Op: "DeleteJobAuthInfo", Handle: (*Server).deleteAuthInfo},
	// dli_agency (DLI agency and OBS authorisation, issue 17)
	{Method: "POST", Pattern: "/v2/{project_id}/agency", Op: "CreateDliAgency", Handle: (*Server).createDliAgency},
	{Method: "GET", Pattern: "/v2/{project_id}/agency", Op: "ShowDliAgency", Handle: (*Server).showDliAgency},
	{Method: "POST", Pattern: "/v1.0/{project_id}/dli/obs-authorize", Op: "RegisterBucket", Handle: (*Server).registerBucket},
	// dli_templates (issue 16: SQL and Spark job templates)
	{Method: "POST", Pattern: "/v1.0/{project_id}/sqls", Op: "CreateSqlJobTemplate", Handle: (*Server).createSQLTemplate},
	{Method: "GET", Pattern: "/v1.0/{project_id}/sqls", Op: "ListSqlJobTemplates", Handle: (*Server).listSQLTemplates},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/sqls/{sql_id}", Op: "UpdateSqlJobTemplate", Handle: (*Server).updateSQLTemplate},
	{Method: "POST", Pattern: "/v1.0/{project_id}/sqls-deletion", Op: "BatchDeleteSqlJobTemplates", Handle: (*Server).batchDeleteTemplates},
	{Method: "POST", Pattern: "/v3/{project_id}/templates", Op: "CreateSparkJobTemplate", Handle: (*Server).createSparkTemplate},
	{Method: "GET", Pattern: "/v3/{project_id}/templates", Op: "ListSparkJobTemplates", Handle: (*Server).listSparkTemplates},
	{Method: "GET", Pattern: "/v3/{project_id}/templates/{template_id}", Op: "ShowSparkJobTemplate", Handle: (*Server).showSparkTemplate},
	{Method: "PUT", Pattern: "/v3/{project_id}/templates/{template_id}", Op: "UpdateSparkJobTemplate", Handle: (*Server).updateSparkTemplate},
	// dli_pools, dli_pool_queues (issue 14: elastic resource pools)
	{Method: "POST", Pattern: poolsPath, Op: "CreateElasticResourcePool", Handle: (*Server).createPool},
	{Method: "GET", Pattern: poolsPath, Op: "ListElasticResourcePools", Handle: (*Server).listPools},
	{Method: "PUT", Pattern: poolPath, Op: "UpdateElasticResourcePool", Handle: (*Server).updatePool},
	{Method: "DELETE", Pattern: poolPath, Op: "DeleteElasticResourcePool", Handle: (*Server).deletePool},
	{Method: "POST", Pattern: poolPath + "/queues", Op: "AssociateQueueToElasticResourcePool", Handle: (*Server).associatePoolQueue},
	{Method: "GET", Pattern: poolPath + "/queues", Op: "ListElasticResourcePoolQueues", Handle: (*Server).listPoolQueues},
	{Method: "PUT", Pattern: poolPath + "/queues/{queue_name}", Op: "UpdateElasticResourcePoolQueue", Handle: (*Server).updatePoolQueue},
	{Method: "GET", Pattern: poolPath + "/scale-records", Op: "ListElasticResourcePoolScaleRecords", Handle: (*Server).listPoolScaleRecords},
	// dli_flink_savepoint_action (huaweidata_dli_flink_job_savepoint action)
	{Method: "POST", Pattern: "/v1.0/{project_id}/streaming/jobs/{job_id}/savepoint", Op: "ExecuteFlinkJobSavepoint", Handle: (*Server).executeFlinkJobSavepoint},
	// dli_flink_jar_job (issue 16 part B: Flink Jar jobs)
	{Method: "POST", Pattern: "/v1.0/{project_id}/streaming/flink-jobs", Op: "CreateFlinkJarJob", Handle: (*Server).createFlinkJarJob},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/streaming/flink-jobs/{job_id}", Op: "UpdateFlinkJarJob", Handle: (*Server).updateFlinkJarJob},
	// dli_flink_template (issue 16 part B: Flink job templates, §11)
	{Method: "POST", Pattern: "/v1.0/{project_id}/streaming/job-templates", Op: "CreateFlinkSqlJobTemplate", Handle: (*Server).createFlinkTemplate},
	{Method: "PUT", Pattern: "/v1.0/{project_id}/streaming/job-templates/{template_id}", Op: "UpdateFlinkSqlJobTemplate", Handle: (*Server).updateFlinkTemplate},
	{Method: "DELETE", Pattern: "/v1.0/{project_id}/streaming/job-templates/{template_id}", Op: "DeleteFlinkSqlJobTemplate", Handle: (*Server).deleteFlinkTemplate},
	{Method: "GET", Pattern: "/v1.0/{project_id}/streaming/job-templates", Op: "ListFlinkSqlJobTemplates", Handle: (*Server).listFlinkTemplates},
	// iam_credentials (credentials chain)
	{Method: "POST", Pattern: "/v3.0/OS-CREDENTIAL/securitytokens", Op: "CreateTemporaryAccessKeyByAgency", Handle: (*Server).createTemporaryAccessKeyByAgency},
}

// adminHookRoutes are the /_emulator/ test hooks of the features; the core admin
// endpoints are in admin.go.
var adminHookRoutes = []adminRoute{
	{Pattern: "GET /_emulator/flink/{job_id}", Handle: (*Server).adminFlinkJob},
	{Pattern: "POST /_emulator/flink/fail-next", Handle: (*Server).adminFlinkFailNext},
	{Pattern: "POST /_emulator/flink/{job_id}/crash", Handle: (*Server).adminFlinkCrash},
	{Pattern: "POST /_emulator/batches/{batch_id}/fail", Handle: (*Server).adminFailBatch},
	{Pattern: "POST /_emulator/batches/fail-named", Handle: (*Server).adminFailBatchesNamed},
	{Pattern: "PUT /_emulator/batches/run-time", Handle: (*Server).adminBatchRunTime},
	{Pattern: "PUT /_emulator/connection-failures", Handle: (*Server).adminSetConnectionFailure},
	{Pattern: "DELETE /_emulator/connection-failures", Handle: (*Server).adminClearConnectionFailure},
	// issue 17: resource packages
	{Pattern: "PUT /_emulator/package-failures", Handle: (*Server).adminSetPackageFailure},
	// issue 14: elastic resource pools
	{Pattern: "PUT /_emulator/pool-failures", Handle: (*Server).adminSetPoolFailure},
	// iam_credentials (credentials chain)
	{Pattern: "GET /_emulator/signers", Handle: (*Server).adminSigners},
}

// unauthenticatedRoutes are served without a signature, like the ECS/CCE metadata service
// on its link-local address (iam_credentials.go); counted, never faulted.
var unauthenticatedRoutes = []adminRoute{
	{Pattern: "GET " + metadataSecurityKeyPath, Handle: (*Server).serveMetadataSecurityKey},
	{Pattern: "PUT " + metadataTokenPath, Handle: (*Server).serveMetadataToken},
}
