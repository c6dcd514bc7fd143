package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// previewJobResponse is §7.3.6's answer (SDK PreviewSqlJobResultResponse).
type previewJobResponse struct {
	IsSuccess bool                `json:"is_success"`
	Message   string              `json:"message"`
	JobID     string              `json:"job_id"`
	JobType   string              `json:"job_type"`
	RowCount  int                 `json:"row_count"`
	InputSize int64               `json:"input_size"`
	Schema    []map[string]string `json:"schema"`
	Rows      [][]any             `json:"rows"`
}

// progressJobResponse is §7.3.11's answer (SDK ShowSqlJobProgressResponse).
type progressJobResponse struct {
	IsSuccess bool        `json:"is_success"`
	Message   string      `json:"message"`
	JobID     string      `json:"job_id"`
	Status    string      `json:"status"`
	SubJobID  *int        `json:"sub_job_id,omitempty"`
	Progress  float64     `json:"progress"`
	SubJobs   []subJobDTO `json:"sub_jobs,omitempty"`
}

// subJobDTO is a running Spark job of an SQL job (Table 7-93, SDK SubJob).
type subJobDTO struct {
	ID                int    `json:"id"`
	Name              string `json:"name"`
	JobGroup          string `json:"job_group"`
	Status            string `json:"status"`
	StageIDs          []int  `json:"stage_ids"`
	NumTasks          int    `json:"num_tasks"`
	NumActiveTasks    int    `json:"num_active_tasks"`
	NumCompletedTasks int    `json:"num_completed_tasks"`
	NumActiveStages   int    `json:"num_active_stages"`
}

// sqlJobTasks is the number of tasks of a running job's one sub-job.
const sqlJobTasks = 10

// previewSQLJob answers §7.3.6: the first page-size (1..1000) rows of a finished QUERY job.
func (e *Server) previewSQLJob(c *call) result {
	e.settleSQLJobs(c)
	pageSize, aerr := c.intParam("page-size", 1000, 1)
	if aerr != nil {
		return fail(aerr)
	}
	if pageSize > 1000 {
		return fail(badRequest("Invalid value for page-size: must be 1 to 1000."))
	}
	j, aerr := e.lookupJob(c, true)
	if aerr != nil {
		return fail(aerr)
	}
	if j.JobType != "QUERY" {
		return fail(newError(http.StatusBadRequest, "DLI.0005",
			fmt.Sprintf("Only the results of QUERY jobs can be previewed; job %s is a %s job.", j.ID, j.JobType)))
	}
	if st := j.StatusAt(c.nowMillis()); st != "FINISHED" {
		return fail(newError(http.StatusBadRequest, "DLI.0007",
			fmt.Sprintf("The job %s is %s; its result can be previewed once it has finished.", j.ID, st)))
	}
	schema := make([]map[string]string, len(j.ResultSchema))
	for i, col := range j.ResultSchema {
		schema[i] = map[string]string{col.Name: col.Type}
	}
	rows := j.ResultRows[:min(pageSize, len(j.ResultRows))]
	if rows == nil {
		rows = [][]any{}
	}
	return ok(previewJobResponse{IsSuccess: true, JobID: j.ID, JobType: j.JobType, RowCount: j.ResultCount(), Schema: schema, Rows: rows})
}

// showSQLJobProgress answers §7.3.11: 0 while launching, 1 when finished, and while running
// the completed share of the one sub-job's tasks, on the emulated clock.
func (e *Server) showSQLJobProgress(c *call) result {
	e.settleSQLJobs(c)
	j, aerr := e.lookupJob(c, true)
	if aerr != nil {
		return fail(aerr)
	}
	now := c.nowMillis()
	out := progressJobResponse{IsSuccess: true, JobID: j.ID, Status: j.StatusAt(now)}
	switch out.Status {
	case "FINISHED":
		out.Progress = 1
	case "RUNNING":
		started := max(j.StartTime, j.RunFrom) + sqlJobLaunchTime.Milliseconds()
		done := 0
		if span := j.EndTime - started; span > 0 {
			done = int(int64(sqlJobTasks) * (now - started) / span)
		}
		zero := 0
		out.SubJobID, out.Progress = &zero, float64(done)/sqlJobTasks
		out.SubJobs = []subJobDTO{{
			Name: j.Statement, JobGroup: j.ID, Status: "RUNNING", StageIDs: []int{0}, NumTasks: sqlJobTasks,
			NumActiveTasks: min(1, sqlJobTasks-done), NumCompletedTasks: done, NumActiveStages: 1,
		}}
	}
	return ok(out)
}

// resultDetail renders a job's result columns as the Spark StructType JSON string of the
// status and list views' detail field (§7.3.5).
func resultDetail(j *sqlJob) string {
	type field struct {
		Name     string         `json:"name"`
		Type     string         `json:"type"`
		Nullable bool           `json:"nullable"`
		Metadata map[string]any `json:"metadata"`
	}
	fields := make([]field, len(j.ResultSchema))
	for i, col := range j.ResultSchema {
		fields[i] = field{Name: col.Name, Type: col.Type, Nullable: true, Metadata: map[string]any{}}
	}
	b, _ := json.Marshal(map[string]any{"type": "struct", "fields": fields})
	return string(b)
}
