package httpapi

// The explicit route table: every API operation the emulator serves, grouped by feature
// file. Op is the SDK method name, used for request counts, fault filters, replaced
// responses and unpublished operations. Patterns are Go 1.22 ServeMux patterns.

const (
	queuePropertiesPath = "/v3/{project_id}/queues/{queue_name}/properties"
	connectionsPath     = "/v2.0/{project_id}/datasource/enhanced-connections"
	resourceTagsPath    = "/v3/{project_id}/{resource_type}/{resource_id}/tags"
	queuePlansPath      = "/v1/{project_id}/queues/{queue_name}/plans" // issue 14: queue scaling plans
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
	// dli_pools, dli_pool_queues (issue 14: elastic resource pools)
	{Method: "POST", Pattern: poolsPath, Op: "CreateElasticResourcePool", Handle: (*Server).createPool},
	{Method: "GET", Pattern: poolsPath, Op: "ListElasticResourcePools", Handle: (*Server).listPools},
	{Method: "PUT", Pattern: poolPath, Op: "UpdateElasticResourcePool", Handle: (*Server).updatePool},
	{Method: "DELETE", Pattern: poolPath, Op: "DeleteElasticResourcePool", Handle: (*Server).deletePool},
	{Method: "POST", Pattern: poolPath + "/queues", Op: "AssociateQueueToElasticResourcePool", Handle: (*Server).associatePoolQueue},
	{Method: "GET", Pattern: poolPath + "/queues", Op: "ListElasticResourcePoolQueues", Handle: (*Server).listPoolQueues},
	{Method: "PUT", Pattern: poolPath + "/queues/{queue_name}", Op: "UpdateElasticResourcePoolQueue", Handle: (*Server).updatePoolQueue},
	{Method: "GET", Pattern: poolPath + "/scale-records", Op: "ListElasticResourcePoolScaleRecords", Handle: (*Server).listPoolScaleRecords},
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
	// issue 14: elastic resource pools
	{Pattern: "PUT /_emulator/pool-failures", Handle: (*Server).adminSetPoolFailure},
}
