package httpapi

// Typed wire DTOs of the DLI queue, variable, catalog, SQL job, property and tag answers
// (the list items and detail views are beside their handlers). Field names are the
// documents' and the SDK models' JSON names.

// createQueueResponse is §6.1's answer.
type createQueueResponse struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
	QueueName string `json:"queue_name"`
}

// listQueuesResponse is §6.3's answer.
type listQueuesResponse struct {
	IsSuccess bool            `json:"is_success"`
	Message   string          `json:"message"`
	Queues    []queueListItem `json:"queues"`
}

// queueActionResponse is §6.5's answer: job_id for a forced restart, queue_name and result
// for a scale.
type queueActionResponse struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
	JobID     string `json:"job_id,omitempty"`
	QueueName string `json:"queue_name,omitempty"`
	Result    *bool  `json:"result,omitempty"`
}

// listVariablesResponse is §13.4's answer; Count is the total, not the page size.
type listVariablesResponse struct {
	IsSuccess  bool            `json:"is_success"`
	Message    string          `json:"message"`
	Count      int             `json:"count"`
	GlobalVars []globalVarItem `json:"global_vars"`
}

// listDatabasesResponse is §7.1.3's answer.
type listDatabasesResponse struct {
	IsSuccess     bool           `json:"is_success"`
	Message       string         `json:"message"`
	DatabaseCount int            `json:"database_count"`
	Databases     []databaseItem `json:"databases"`
}

// ddlJobResponse answers a delete that may run as a DDL job (§7.1.2, §7.2.2): job_id and
// job_type only when async.
type ddlJobResponse struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
	JobID     string `json:"job_id,omitempty"`
	JobType   string `json:"job_type,omitempty"`
	JobMode   string `json:"job_mode"`
}

// listTablesResponse is §7.2.3's answer.
type listTablesResponse struct {
	IsSuccess  bool            `json:"is_success"`
	Message    string          `json:"message"`
	TableCount int             `json:"table_count"`
	Tables     []tableListItem `json:"tables"`
}

// listPartitionsResponse is §7.2.6's answer.
type listPartitionsResponse struct {
	IsSuccess  bool          `json:"is_success"`
	Message    string        `json:"message"`
	Partitions partitionList `json:"partitions"`
}

type partitionList struct {
	TotalCount     int `json:"total_count"`
	PartitionInfos any `json:"partition_infos"`
}

// submitJobResponse is §7.3.3's answer; schema and rows only for a sync job.
type submitJobResponse struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
	JobID     string `json:"job_id"`
	JobType   string `json:"job_type"`
	JobMode   string `json:"job_mode"`
	Schema    *[]any `json:"schema,omitempty"`
	Rows      *[]any `json:"rows,omitempty"`
}

// checkSQLResponse is §7.3.9's answer.
type checkSQLResponse struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
	JobType   string `json:"job_type"`
}

// jobDetailResponse is §7.3.8's answer.
type jobDetailResponse struct {
	IsSuccess    bool       `json:"is_success"`
	Message      string     `json:"message"`
	JobID        string     `json:"job_id"`
	Owner        string     `json:"owner"`
	StartTime    int64      `json:"start_time"`
	Duration     int64      `json:"duration"`
	DatabaseName string     `json:"database_name"`
	TableName    string     `json:"table_name"`
	DataPath     string     `json:"data_path"`
	DataType     string     `json:"data_type"`
	Tags         []queueTag `json:"tags"`
}

// listJobsResponse is §7.3.5's answer.
type listJobsResponse struct {
	IsSuccess bool      `json:"is_success"`
	Message   string    `json:"message"`
	JobCount  int       `json:"job_count"`
	Jobs      []jobView `json:"jobs"`
}

// listQueuePropertiesResponse is ListQueueProperties' answer.
type listQueuePropertiesResponse struct {
	IsSuccess  bool                `json:"is_success"`
	Message    string              `json:"message"`
	Properties []queuePropertyItem `json:"properties"`
}

// showTagsResponse is ShowResourceTags' answer (no is_success).
type showTagsResponse struct {
	Tags  []queueTag `json:"tags"`
	Count int        `json:"count"`
}
