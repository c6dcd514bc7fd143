package httpapi

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/sparksql"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

type sqlJobFailure struct{ contains, message string }

// FailSQLJobs makes every SQL job submitted from now on whose statement contains sqlContains
// (case-insensitive) end FAILED with message, without catalog effect. An empty sqlContains
// clears the fixtures. They are not persisted.
func (e *Server) FailSQLJobs(sqlContains, message string) {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	if sqlContains == "" {
		e.sqlFailures = nil
		return
	}
	e.sqlFailures = append(e.sqlFailures, sqlJobFailure{strings.ToLower(sqlContains), message})
}

func (e *Server) forcedFailure(sql string) string {
	e.fmu.Lock()
	defer e.fmu.Unlock()
	for _, f := range e.sqlFailures {
		if strings.Contains(strings.ToLower(sql), f.contains) {
			return f.message
		}
	}
	return ""
}

// settleSQLJobs brings the project's SQL jobs and catalog up to the request's emulated time
// (store.Project.SettleSQLJobs). Every catalog and job handler calls it first.
func (e *Server) settleSQLJobs(c *call) { c.proj.SettleSQLJobs(c.nowMillis()) }

// finishJob ends a job now (a sync job during its request).
func (e *Server) finishJob(p *projectData, j *sqlJob) { p.FinishSQLJob(j) }

// startInternalJob records an async DDL job created by another API (async delete).
func (e *Server) startInternalJob(c *call, sql, currentDB string) *sqlJob {
	now := c.nowMillis()
	j := &sqlJob{
		ID: store.NewUUID(), Seq: e.data.AllocID(), JobType: "DDL", JobMode: "async", QueueName: "default",
		Owner: c.user.UserName, Statement: sql, CurrentDB: currentDB, Tags: []queueTag{},
		StartTime: now, EndTime: now + sqlJobDDLRunTime.Milliseconds(),
	}
	c.proj.SQLJobs[j.ID] = j
	return j
}

type submitJobBody struct {
	SQL       *string         `json:"sql"`
	CurrentDB *string         `json:"currentdb"`
	QueueName *string         `json:"queue_name"`
	Conf      []string        `json:"conf"`
	Tags      []*queueTagBody `json:"tags"`
	// SDK-only fields, accepted and ignored.
	EngineType     *string `json:"engine_type"`
	CurrentCatalog *string `json:"current_catalog"`
}

// parseConf reads "key = value" conf strings (§7.3.3); it returns the value of
// dli.sql.sqlasync.enabled and dli.sql.job.timeout (ms, 0 for none).
func parseConf(conf []string) (async bool, timeout int64, err *apiError) {
	for i, kv := range conf {
		k, v, found := strings.Cut(kv, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !found || k == "" {
			return false, 0, badRequest("Invalid conf[%d] %q: the format is key=value.", i, kv)
		}
		switch k {
		case "dli.sql.sqlasync.enabled":
			b, perr := strconv.ParseBool(v)
			if perr != nil {
				return false, 0, badRequest("Invalid conf[%d]: dli.sql.sqlasync.enabled must be true or false, got %q.", i, v)
			}
			async = b
		case "dli.sql.job.timeout":
			n, perr := strconv.ParseInt(v, 10, 64)
			if perr != nil || n <= 0 {
				return false, 0, badRequest("Invalid conf[%d]: dli.sql.job.timeout must be a positive number of milliseconds, got %q.", i, v)
			}
			timeout = n
		}
	}
	return async, timeout, nil
}

// syntaxError is the 400 DLI.0004 answer to SQL that does not parse.
func syntaxError(err error) *apiError {
	return newError(http.StatusBadRequest, "DLI.0004", "SQL syntax error: "+err.Error())
}

func (e *Server) submitSQLJob(c *call) result {
	e.settleSQLJobs(c)
	var b submitJobBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.SQL == nil || strings.TrimSpace(*b.SQL) == "" {
		return fail(badRequest("sql is required."))
	}
	async, timeout, aerr := parseConf(b.Conf)
	if aerr != nil {
		return fail(aerr)
	}
	tags, aerr := parseTags(b.Tags)
	if aerr != nil {
		return fail(aerr)
	}
	queueName, runFrom := "default", c.nowMillis()
	if b.QueueName != nil && *b.QueueName != "" {
		if err := validName("queue_name", *b.QueueName); err != nil {
			return fail(err)
		}
		q, err := e.lookupQueue(c, *b.QueueName, false)
		if err != nil {
			return fail(err)
		}
		if q.Type != "sql" {
			return fail(newError(http.StatusBadRequest, "DLI.0007",
				fmt.Sprintf("Queue %s is a %s queue; SQL jobs run only on sql queues.", q.Name, q.Type)))
		}
		// A new queue accepts the job; it starts when provisioning ends (§6.1).
		runFrom = q.WorkStart(c.nowMillis())
		queueName = q.Name
	}
	st, err := sparksql.Parse(*b.SQL)
	if err != nil {
		return fail(syntaxError(err))
	}
	now := c.nowMillis()
	j := &sqlJob{
		ID: store.NewUUID(), Seq: e.data.AllocID(), JobType: st.JobType, JobMode: "async", QueueName: queueName,
		Owner: c.user.UserName, Statement: *b.SQL, Tags: tags, StartTime: now, RunFrom: runFrom,
		ForceFail: e.forcedFailure(*b.SQL), CreatedReal: c.real,
	}
	if b.CurrentDB != nil {
		j.CurrentDB = strings.ToLower(*b.CurrentDB)
	}
	// §7.3.8 marks database_name and table_name required: the database the statement
	// names, else the job's currentdb; the table it names, else "".
	j.Database, j.Table = st.DB, st.Table
	if st.Kind == "" {
		j.Database, j.Table = st.RefDB, st.RefTable
	}
	if j.Database == "" {
		j.Database = j.CurrentDB
	}
	run := sqlJobQueryRunTime
	if c.proj.SQLQueryRunSeconds > 0 {
		run = time.Duration(c.proj.SQLQueryRunSeconds) * time.Second
	}
	if st.JobType == "DDL" || st.JobType == "DCL" {
		run = sqlJobDDLRunTime
	}
	if timeout > 0 && timeout < run.Milliseconds() && j.ForceFail == "" {
		run = time.Duration(timeout) * time.Millisecond
		j.ForceFail = fmt.Sprintf("The job was cancelled because it ran longer than dli.sql.job.timeout (%d ms).", timeout)
	}
	j.EndTime = runFrom + run.Milliseconds()
	c.proj.SQLJobs[j.ID] = j
	// DCL is always synchronous; DDL unless dli.sql.sqlasync.enabled=true (§7.3.3).
	if st.JobType == "DCL" || (st.JobType == "DDL" && !async) {
		j.JobMode, j.EndTime = "sync", now
		e.finishJob(c.proj, j)
		if j.Status == "FAILED" {
			return fail(newError(http.StatusBadRequest, "DLI.0005", j.Message))
		}
		empty := []any{}
		return ok(submitJobResponse{IsSuccess: true, JobID: j.ID, JobType: j.JobType, JobMode: "sync", Schema: &empty, Rows: &empty})
	}
	return ok(submitJobResponse{IsSuccess: true, JobID: j.ID, JobType: j.JobType, JobMode: "async"})
}

func (e *Server) checkSQL(c *call) result {
	e.settleSQLJobs(c)
	var b struct {
		SQL       *string `json:"sql"`
		CurrentDB *string `json:"currentdb"`
	}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.SQL == nil || strings.TrimSpace(*b.SQL) == "" {
		return fail(badRequest("sql is required."))
	}
	st, err := sparksql.Parse(*b.SQL)
	if err != nil {
		return fail(syntaxError(err))
	}
	// A statement on a table must be able to name its database (§7.3.9).
	if st.Table != "" {
		db := st.DB
		if db == "" && b.CurrentDB != nil {
			db = strings.ToLower(*b.CurrentDB)
		}
		if db == "" || c.proj.Databases[db] == nil {
			return fail(newError(http.StatusBadRequest, "DLI.0005",
				fmt.Sprintf("SQL semantic error: database %q does not exist; qualify the table as db.table or set currentdb.", db)))
		}
	}
	return ok(checkSQLResponse{IsSuccess: true, Message: "the sql is ok", JobType: st.JobType})
}

// jobView is the §7.3.7 status / §7.3.5 list item view of a job.
type jobView struct {
	IsSuccess    *bool      `json:"is_success,omitempty"`
	Message      string     `json:"message"`
	JobID        string     `json:"job_id"`
	JobType      string     `json:"job_type"`
	JobMode      string     `json:"job_mode"`
	QueueName    string     `json:"queue_name"`
	Owner        string     `json:"owner"`
	StartTime    int64      `json:"start_time"`
	Duration     int64      `json:"duration"`
	Status       string     `json:"status"`
	InputSize    int64      `json:"input_size"`
	ResultCount  int        `json:"result_count"`
	DatabaseName string     `json:"database_name,omitempty"`
	TableName    string     `json:"table_name,omitempty"`
	Detail       string     `json:"detail"`
	Statement    string     `json:"statement"`
	EndTime      *int64     `json:"end_time,omitempty"`
	Tags         []queueTag `json:"tags,omitempty"`
}

func viewSQLJob(j *sqlJob, now int64) jobView {
	v := jobView{
		Message: j.Message, JobID: j.ID, JobType: j.JobType, JobMode: j.JobMode, QueueName: j.QueueName,
		Owner: j.Owner, StartTime: j.StartTime, Duration: j.DurationAt(now), Status: j.StatusAt(now),
		DatabaseName: j.Database, TableName: j.Table, Detail: "[]", Statement: j.Statement, Tags: j.Tags,
		ResultCount: j.ResultCount(),
	}
	if j.ResultSchema != nil {
		v.Detail = resultDetail(j)
	}
	if j.Status != "" {
		end := j.EndTime
		v.EndTime = &end
	}
	return v
}

// lookupJob finds an SQL job, or presents a forced-restart job (§6.5) as a finished
// RESTART_QUEUE job.
func (e *Server) lookupJob(c *call, visibleOnly bool) (*sqlJob, *apiError) {
	id := c.path("job_id")
	j, err := c.proj.SQLJob(id, c.user.UserName, c.nowMillis())
	if err == nil && visibleOnly && !e.visible(j.CreatedReal) {
		err = &store.NotFoundError{Kind: store.KindSQLJob, Name: id}
	}
	if err != nil {
		return nil, domainError(err)
	}
	return j, nil
}

func (e *Server) showSQLJobStatus(c *call) result {
	e.settleSQLJobs(c)
	j, err := e.lookupJob(c, true)
	if err != nil {
		return fail(err)
	}
	v := viewSQLJob(j, c.nowMillis())
	yes := true
	v.IsSuccess = &yes
	return ok(v)
}

func (e *Server) showSQLJobDetail(c *call) result {
	e.settleSQLJobs(c)
	j, err := e.lookupJob(c, true)
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	return ok(jobDetailResponse{
		IsSuccess: true, Message: j.Message, JobID: j.ID, Owner: j.Owner, StartTime: j.StartTime,
		Duration: j.DurationAt(now), DatabaseName: j.Database, TableName: j.Table, Tags: j.Tags,
	})
}

func (e *Server) cancelSQLJob(c *call) result {
	e.settleSQLJobs(c)
	j, err := e.lookupJob(c, false)
	if err != nil {
		return fail(err)
	}
	if c.proj.SQLJobs[j.ID] == nil || j.Status != "" {
		return fail(newError(http.StatusBadRequest, "DLI.0007",
			fmt.Sprintf("The job %s is %s and cannot be cancelled.", j.ID, j.StatusAt(c.nowMillis()))))
	}
	j.Status, j.EndTime, j.Message = "CANCELLED", c.nowMillis(), "The job was cancelled by the user."
	return ok(success(""))
}

var jobOrders = map[string]bool{"duration_desc": true, "duration_asc": true, "start_time_desc": true, "start_time_asc": true}

var jobTypes = []string{"DDL", "DCL", "IMPORT", "EXPORT", "QUERY", "INSERT", "DATA_MIGRATION", "UPDATE", "DELETE", "RESTART_QUEUE", "SCALE_QUEUE", "ALL"}

func (e *Server) listSQLJobs(c *call) result {
	e.settleSQLJobs(c)
	pageSize, err := c.intParam("page-size", 50, 1)
	if err != nil {
		return fail(err)
	}
	if pageSize > 100 {
		return fail(badRequest("Invalid value for page-size: must be 1 to 100."))
	}
	page, err := c.intParam("current-page", 1, 1)
	if err != nil {
		return fail(err)
	}
	start, err := c.intParam("start", 0, 0)
	if err != nil {
		return fail(err)
	}
	end, err := c.intParam("end", 0, 0)
	if err != nil {
		return fail(err)
	}
	jobType := strings.ToUpper(c.query("job-type"))
	if jobType != "" && !containsFold(jobTypes, jobType) {
		return fail(badRequest("Invalid job-type %q: must be one of %s.", c.query("job-type"), strings.Join(jobTypes, ", ")))
	}
	order := c.query("order")
	if order == "" {
		order = "start_time_desc"
	}
	if !jobOrders[order] {
		return fail(badRequest("Invalid order %q: must be duration_desc, duration_asc, start_time_desc or start_time_asc.", order))
	}
	status, jobID, queue := strings.ToUpper(c.query("job-status")), c.query("job-id"), strings.ToLower(c.query("queue_name"))
	pattern, owner, tags := strings.ToLower(c.query("sql_pattern")), c.query("owner"), c.query("tags")
	now := c.nowMillis()
	views := []jobView{}
	for _, j := range c.proj.SQLJobs {
		if !e.visible(j.CreatedReal) {
			continue
		}
		v := viewSQLJob(j, now)
		switch {
		case jobType != "" && jobType != "ALL" && v.JobType != jobType,
			status != "" && v.Status != status,
			jobID != "" && v.JobID != jobID,
			queue != "" && v.QueueName != queue,
			pattern != "" && !strings.Contains(strings.ToLower(v.Statement), pattern),
			owner != "" && v.Owner != owner,
			tags != "" && !strings.Contains(tagsString(j.Tags), tags),
			start > 0 && v.StartTime < int64(start),
			end > 0 && v.StartTime > int64(end):
			continue
		}
		views = append(views, v)
	}
	sort.Slice(views, func(a, b int) bool {
		x, y := views[a], views[b]
		switch order {
		case "duration_desc":
			if x.Duration != y.Duration {
				return x.Duration > y.Duration
			}
		case "duration_asc":
			if x.Duration != y.Duration {
				return x.Duration < y.Duration
			}
		case "start_time_asc":
			if x.StartTime != y.StartTime {
				return x.StartTime < y.StartTime
			}
			return x.JobID < y.JobID
		}
		if x.StartTime != y.StartTime {
			return x.StartTime > y.StartTime
		}
		return x.JobID < y.JobID
	})
	total := len(views)
	first := min((page-1)*pageSize, len(views))
	views = views[first:min(first+pageSize, len(views))]
	return ok(listJobsResponse{IsSuccess: true, JobCount: total, Jobs: views})
}

// tagsString renders tags as "k1=v1,k2=v2" for the fuzzy tags filters (§7.1.3, §7.3.5).
func tagsString(tags []queueTag) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = t.Key + "=" + t.Value
	}
	return strings.Join(parts, ",")
}
