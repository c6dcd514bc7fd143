package httpapi

import "strconv"

// Typed wire DTOs of the Flink, Spark batch and enhanced connection answers (detail views
// are beside their handlers).

// flinkEnvelope is the Flink job APIs' envelope: is_success is the string "true"/"false"
// on these APIs (WIRE-NOTES).
type flinkEnvelope struct {
	IsSuccess string `json:"is_success"`
	Message   string `json:"message"`
}

func flinkOK(msg string) flinkEnvelope { return flinkEnvelope{IsSuccess: "true", Message: msg} }

// flinkItem is one element of the run/stop/batch-delete arrays (§9.6, §9.10, §9.12).
func flinkItem(success bool, msg string) flinkEnvelope {
	return flinkEnvelope{IsSuccess: strconv.FormatBool(success), Message: msg}
}

// flinkCreateResponse is §9.2's answer.
type flinkCreateResponse struct {
	flinkEnvelope
	Job flinkJobStatus `json:"job"`
}

type flinkJobStatus struct {
	JobID      int64  `json:"job_id"`
	StatusName string `json:"status_name"`
	StatusDesc string `json:"status_desc"`
}

// flinkUpdateResponse is §9.3's answer.
type flinkUpdateResponse struct {
	flinkEnvelope
	Job struct {
		UpdateTime int64 `json:"update_time"`
	} `json:"job"`
}

// flinkShowResponse is §9.8's answer; the detail is a map because the document's example
// has null-able fields of every kind (nullIfEmpty).
type flinkShowResponse struct {
	flinkEnvelope
	JobDetail map[string]any `json:"job_detail"`
}

// flinkListResponse is §9.7's answer; items are summaries or, with show_detail, details.
type flinkListResponse struct {
	flinkEnvelope
	JobList struct {
		TotalCount int   `json:"total_count"`
		Jobs       []any `json:"jobs"`
	} `json:"job_list"`
}

// flinkSummary is a §9.7 list item without show_detail.
type flinkSummary struct {
	JobID              int64  `json:"job_id"`
	Name               string `json:"name"`
	Desc               string `json:"desc"`
	UserName           string `json:"user_name"`
	JobType            string `json:"job_type"`
	Status             string `json:"status"`
	StatusDesc         string `json:"status_desc"`
	CreateTime         int64  `json:"create_time"`
	StartTime          int64  `json:"start_time"`
	Duration           int64  `json:"duration"`
	RootID             int64  `json:"root_id"`
	GraphEditorEnabled bool   `json:"graph_editor_enabled"`
	HasSavepoint       bool   `json:"has_savepoint"`
}

// batchLogResponse is §10.1.6's answer.
type batchLogResponse struct {
	ID    string   `json:"id"`
	From  int      `json:"from"`
	Total int      `json:"total"`
	Log   []string `json:"log"`
}

// batchListResponse is §10.1.3's answer.
type batchListResponse struct {
	From     int         `json:"from"`
	Total    int         `json:"total"`
	Sessions []batchView `json:"sessions"`
}

// createConnectionResponse is §12.1's answer (HTTP 201).
type createConnectionResponse struct {
	IsSuccess    bool   `json:"is_success"`
	Message      string `json:"message"`
	ConnectionID string `json:"connection_id"`
}

// listConnectionsResponse is §12.3's answer.
type listConnectionsResponse struct {
	IsSuccess   bool             `json:"is_success"`
	Message     string           `json:"message"`
	Count       int              `json:"count"`
	Connections []connectionView `json:"connections"`
}

// connectionPrivilegesResponse is §12.8's answer; projects are authorised through
// RunAuthorizationAction (dli_privileges.go).
type connectionPrivilegesResponse struct {
	IsSuccess    bool              `json:"is_success"`
	Message      string            `json:"message"`
	ConnectionID string            `json:"connection_id"`
	Privileges   []connectionGrant `json:"privileges"`
}
