package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// flinkJobNotFound is the answer for a deleted or unknown Flink job: 400 DLI.16001, the
// code the incumbent provider (tested against the real service) maps to "gone"; our
// client maps it too (README.md, "Deleted Flink jobs").
func flinkJobNotFound(id string) *apiError {
	return newError(http.StatusBadRequest, "DLI.16001", fmt.Sprintf("The job %s does not exist.", id))
}

// lookupFlinkJob finds a (not deleted) job by its path id.
func lookupFlinkJob(c *call, id string) (*flinkJob, *apiError) {
	n, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64)
	if err != nil || n <= 0 {
		return nil, badRequest("Invalid job_id %q: it must be a positive integer.", id)
	}
	j := c.proj.FlinkData().Jobs[n]
	if j == nil || j.Deleted {
		return nil, flinkJobNotFound(id)
	}
	return j, nil
}

// flinkJobBody is the §9.2 create / §9.3 update body. Pointers tell "absent" from zero.
// checkpoint_mode accepts 1/2 and "exactly_once"/"at_least_once"; the create table's
// misspelled idle_state_retenion is accepted too.
type flinkJobBody struct {
	Name                 *string         `json:"name"`
	Desc                 *string         `json:"desc"`
	TemplateID           *int64          `json:"template_id"`
	QueueName            *string         `json:"queue_name"`
	SQLBody              *string         `json:"sql_body"`
	RunMode              *string         `json:"run_mode"`
	CuNumber             *int            `json:"cu_number"`
	ParallelNumber       *int            `json:"parallel_number"`
	CheckpointEnabled    flexBool        `json:"checkpoint_enabled"`
	CheckpointMode       json.RawMessage `json:"checkpoint_mode"`
	CheckpointInterval   *int            `json:"checkpoint_interval"`
	ObsBucket            *string         `json:"obs_bucket"`
	LogEnabled           flexBool        `json:"log_enabled"`
	SmnTopic             *string         `json:"smn_topic"`
	RestartWhenException flexBool        `json:"restart_when_exception"`
	IdleStateRetention   *int            `json:"idle_state_retention"`
	IdleStateRetenion    *int            `json:"idle_state_retenion"`
	JobType              *string         `json:"job_type"`
	DirtyDataStrategy    *string         `json:"dirty_data_strategy"`
	UdfJarURL            *string         `json:"udf_jar_url"`
	ManagerCuNumber      *int            `json:"manager_cu_number"`
	TmCus                *int            `json:"tm_cus"`
	TmSlotNum            *int            `json:"tm_slot_num"`
	ResumeCheckpoint     flexBool        `json:"resume_checkpoint"`
	ResumeMaxNum         *int            `json:"resume_max_num"`
	Tags                 []*queueTagBody `json:"tags"`
	RuntimeConfig        *string         `json:"runtime_config"`
	FlinkVersion         *string         `json:"flink_version"`
	EdgeGroupIDs         []string        `json:"edge_group_ids"`
	OperatorConfig       *string         `json:"operator_config"`
	StaticEstimator      *string         `json:"static_estimator_config"`
}

func newFlinkJobBody() flinkJobBody {
	return flinkJobBody{
		CheckpointEnabled:    flexBool{name: "checkpoint_enabled"},
		LogEnabled:           flexBool{name: "log_enabled"},
		RestartWhenException: flexBool{name: "restart_when_exception"},
		ResumeCheckpoint:     flexBool{name: "resume_checkpoint"},
	}
}

var (
	dirtyDataRule = regexp.MustCompile(`^(0|1|2:\S.*)$`)
	sqlSinkRule   = regexp.MustCompile(`(?is)\binsert\s+into\b`)
	sqlQueryRule  = regexp.MustCompile(`(?is)\bselect\b`)
)

// flinkVersions are the Flink versions the SDK documents for Flink SQL jobs.
var flinkVersions = []string{"1.10", "1.12", "1.13", "1.15", "1.17"}

// apply validates the body's fields and copies them onto j. create says which of the
// §9.2/§9.3 rules apply; the cross-field rules are checked on the result by validate.
func (b *flinkJobBody) apply(j *flinkJob, create bool) *apiError {
	if create && (b.Name == nil || *b.Name == "") {
		return badRequest("name is required.")
	}
	if b.Name != nil && *b.Name != "" {
		if n := len([]rune(*b.Name)); n > 57 {
			return badRequest("Invalid name: the length must be 1 to 57 characters, got %d.", n)
		}
		j.Name = *b.Name
	}
	if b.Desc != nil {
		if len([]rune(*b.Desc)) > 512 {
			return badRequest("Invalid desc: at most 512 characters.")
		}
		j.Desc = *b.Desc
	}
	if !create && (b.TemplateID != nil || b.JobType != nil || b.Tags != nil) {
		return badRequest("template_id, job_type and tags can only be set when a job is created.")
	}
	if create && (b.EdgeGroupIDs != nil || b.OperatorConfig != nil || b.StaticEstimator != nil) {
		return badRequest("edge_group_ids, operator_config and static_estimator_config can only be set by an update.")
	}
	if b.QueueName != nil {
		if len(*b.QueueName) > 128 {
			return badRequest("Invalid queue_name: at most 128 characters.")
		}
		j.QueueName = strings.ToLower(*b.QueueName)
	}
	if b.SQLBody != nil {
		if len(*b.SQLBody) > flinkSQLMaxLen {
			return badRequest("Invalid sql_body: at most 1024*1024 characters.")
		}
		if *b.SQLBody != "" && (!sqlSinkRule.MatchString(*b.SQLBody) || !sqlQueryRule.MatchString(*b.SQLBody)) {
			return newError(http.StatusBadRequest, "DLI.0004",
				"SQL syntax error in sql_body: a Flink SQL job must contain at least a source, a query (SELECT) and a sink (INSERT INTO).")
		}
		j.SQL = *b.SQLBody
	}
	if b.RunMode != nil {
		switch *b.RunMode {
		case "shared_cluster", "exclusive_cluster", "edge_node":
			j.RunMode = *b.RunMode
		default:
			return badRequest("Invalid run_mode %q: must be shared_cluster, exclusive_cluster or edge_node.", *b.RunMode)
		}
	}
	if b.JobType != nil {
		switch *b.JobType {
		case "flink_sql_job", "flink_opensource_sql_job":
			j.JobType = *b.JobType
		default:
			return badRequest("Invalid job_type %q: must be flink_sql_job or flink_opensource_sql_job.", *b.JobType)
		}
	}
	cfg := &j.Config
	ints := []struct {
		name string
		v    *int
		dst  *int
		min  int
		max  int
	}{
		{"cu_number", b.CuNumber, &cfg.CuNumber, 2, 400},
		{"parallel_number", b.ParallelNumber, &cfg.ParallelNumber, 1, 2000},
		{"manager_cu_number", b.ManagerCuNumber, &cfg.ManagerCuNumber, 1, 400},
		{"tm_cus", b.TmCus, &cfg.TmCus, 1, 400},
		{"checkpoint_interval", b.CheckpointInterval, &cfg.CheckpointInterval, 0, 1 << 30},
		{"idle_state_retention", b.IdleStateRetention, &cfg.IdleStateRetention, 1, 1 << 30},
		{"idle_state_retenion", b.IdleStateRetenion, &cfg.IdleStateRetention, 1, 1 << 30},
	}
	for _, f := range ints {
		if f.v == nil {
			continue
		}
		if *f.v < f.min || *f.v > f.max {
			return badRequest("Invalid %s %d: must be between %d and %d.", f.name, *f.v, f.min, f.max)
		}
		*f.dst = *f.v
	}
	if b.TmSlotNum != nil {
		// §9.2 gives no minimum and derives the default; 0 (what the incumbent sends when
		// the attribute is unset) means "derive it", as the service accepts it.
		if *b.TmSlotNum < 0 {
			return badRequest("Invalid tm_slot_num %d: must not be negative.", *b.TmSlotNum)
		}
		cfg.TmSlotNum, cfg.TmSlotNumSet = *b.TmSlotNum, *b.TmSlotNum > 0
	}
	if b.ResumeMaxNum != nil {
		if *b.ResumeMaxNum != -1 && *b.ResumeMaxNum <= 0 {
			return badRequest("Invalid resume_max_num %d: must be -1 (unlimited) or greater than 0.", *b.ResumeMaxNum)
		}
		cfg.ResumeMaxNum = *b.ResumeMaxNum
	}
	if len(b.CheckpointMode) > 0 && string(b.CheckpointMode) != "null" {
		switch strings.Trim(string(b.CheckpointMode), `"`) {
		case "1", "exactly_once":
			cfg.CheckpointMode = 1
		case "2", "at_least_once":
			cfg.CheckpointMode = 2
		default:
			return badRequest("Invalid checkpoint_mode %s: must be 1 (exactly_once) or 2 (at_least_once).", b.CheckpointMode)
		}
	}
	for _, f := range []struct {
		src flexBool
		dst *bool
	}{
		{b.CheckpointEnabled, &cfg.CheckpointEnabled}, {b.LogEnabled, &cfg.LogEnabled},
		{b.RestartWhenException, &cfg.RestartWhenException}, {b.ResumeCheckpoint, &cfg.ResumeCheckpoint},
	} {
		if f.src.Set {
			*f.dst = f.src.Value
		}
	}
	for _, f := range []struct {
		src *string
		dst *string
	}{{b.ObsBucket, &cfg.ObsBucket}, {b.SmnTopic, &cfg.SmnTopic}, {b.UdfJarURL, &cfg.UdfJarURL}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if b.DirtyDataStrategy != nil {
		if !dirtyDataRule.MatchString(*b.DirtyDataStrategy) {
			return badRequest("Invalid dirty_data_strategy %q: must be \"0\" (ignore), \"1\" (throw an exception) or \"2:<obs dir>\" (save).", *b.DirtyDataStrategy)
		}
		cfg.DirtyDataStrategy = *b.DirtyDataStrategy
	}
	if b.FlinkVersion != nil {
		valid := false
		for _, v := range flinkVersions {
			valid = valid || v == *b.FlinkVersion
		}
		if !valid {
			return badRequest("Invalid flink_version %q: must be one of %s.", *b.FlinkVersion, strings.Join(flinkVersions, ", "))
		}
		cfg.FlinkVersion = b.FlinkVersion
	}
	if b.RuntimeConfig != nil {
		cfg.RuntimeConfig = b.RuntimeConfig
	}
	if b.EdgeGroupIDs != nil {
		cfg.EdgeGroupIDs = b.EdgeGroupIDs
	}
	if b.OperatorConfig != nil {
		cfg.OperatorConfig = b.OperatorConfig
	}
	if b.StaticEstimator != nil {
		if !json.Valid([]byte(*b.StaticEstimator)) {
			return badRequest("Invalid static_estimator_config: it must be a JSON string.")
		}
		cfg.StaticEstimator = b.StaticEstimator
	}
	for i, t := range b.Tags {
		if t == nil || t.Key == nil || *t.Key == "" || len(*t.Key) > 128 {
			return badRequest("tags[%d].key is required (1 to 128 characters).", i)
		}
		if t.Value == nil || *t.Value == "" || len(*t.Value) > 255 {
			return badRequest("tags[%d].value is required (1 to 255 characters).", i)
		}
		j.Tags = append(j.Tags, queueTag{Key: *t.Key, Value: *t.Value})
	}
	return validateFlinkJob(j)
}

// validate checks the documented cross-field rules on a job's resulting configuration.
func validateFlinkJob(j *flinkJob) *apiError {
	cfg := j.Config
	if cfg.ManagerCuNumber >= cfg.CuNumber {
		return badRequest("Invalid manager_cu_number %d: it must be less than cu_number %d (cu_number counts the management units too).",
			cfg.ManagerCuNumber, cfg.CuNumber)
	}
	if limit := 4 * (cfg.CuNumber - cfg.ManagerCuNumber); cfg.ParallelNumber > limit {
		return badRequest("Invalid parallel_number %d: at most 4 x (cu_number - manager_cu_number) = %d.", cfg.ParallelNumber, limit)
	}
	if (cfg.CheckpointEnabled || cfg.LogEnabled) && cfg.ObsBucket == "" {
		return badRequest("obs_bucket is required when checkpoint_enabled or log_enabled is true.")
	}
	if j.RunMode == "shared_cluster" && j.JobType != "flink_sql_job" {
		return badRequest("Invalid job_type %q: a shared_cluster job must be a flink_sql_job.", j.JobType)
	}
	return nil
}

// flinkOK is the Flink success envelope: is_success is the string "true" (WIRE-NOTES).
func flinkOK(msg string, extra map[string]any) map[string]any {
	out := map[string]any{"is_success": "true", "message": msg}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func (e *Server) createFlinkSQLJob(c *call) result {
	b := newFlinkJobBody()
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	j := &flinkJob{
		JobType: "flink_sql_job", RunMode: "shared_cluster", UserName: c.user.UserName, UserID: c.user.UserID,
		CreateTime: now, UpdateTime: now, Tags: []queueTag{}, CreatedReal: c.real,
		Config: flinkJobConfig{CheckpointMode: 1, CheckpointInterval: 10, IdleStateRetention: 3600, DirtyDataStrategy: "0",
			CuNumber: 2, ManagerCuNumber: 1, ParallelNumber: 1, TmCus: 1, ResumeMaxNum: -1},
	}
	if err := b.apply(j, true); err != nil {
		return fail(err)
	}
	j.ID = e.data.AllocID()
	c.proj.FlinkData().Jobs[j.ID] = j
	return ok(flinkOK("The job is created successfully.", map[string]any{
		"job": map[string]any{"job_id": j.ID, "status_name": flinkInit, "status_desc": ""},
	}))
}

func (e *Server) updateFlinkSQLJob(c *call) result {
	j, err := lookupFlinkJob(c, c.path("job_id"))
	if err != nil {
		return fail(err)
	}
	b := newFlinkJobBody()
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	updated := *j
	updated.Tags = append([]queueTag{}, j.Tags...)
	if err := b.apply(&updated, false); err != nil {
		return fail(err)
	}
	updated.UpdateTime = c.nowMillis()
	*j = updated
	return ok(flinkOK("The job is updated successfully.", map[string]any{"job": map[string]any{"update_time": j.UpdateTime}}))
}

// jobIDsBody is the body of batch run, stop and delete.
type jobIDsBody struct {
	JobIDs           []json.Number `json:"job_ids"`
	ResumeSavepoint  flexBool      `json:"resume_savepoint"`
	TriggerSavepoint flexBool      `json:"trigger_savepoint"`
	TriggerSavePoint flexBool      `json:"trigger_save_point"`
}

func (c *call) decodeJobIDs() (jobIDsBody, []string, *apiError) {
	b := jobIDsBody{ResumeSavepoint: flexBool{name: "resume_savepoint"},
		TriggerSavepoint: flexBool{name: "trigger_savepoint"}, TriggerSavePoint: flexBool{name: "trigger_save_point"}}
	if err := c.decode(&b); err != nil {
		return b, nil, err
	}
	if len(b.JobIDs) == 0 {
		return b, nil, badRequest("job_ids is required and must not be empty.")
	}
	ids := make([]string, len(b.JobIDs))
	for i, n := range b.JobIDs {
		if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
			return b, nil, badRequest("Invalid job_ids[%d] %s: job ids are integers.", i, n)
		}
		ids[i] = n.String()
	}
	return b, ids, nil
}

func flinkItem(success bool, msg string) map[string]any {
	return map[string]any{"is_success": strconv.FormatBool(success), "message": msg}
}

// runFlinkJobs is §9.6. The response is a JSON array with one {is_success, message} per
// job, in request order; a job that cannot be run gets is_success "false" and the reason.
func (e *Server) runFlinkJobs(c *call) result {
	b, ids, err := c.decodeJobIDs()
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	items := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		j, lerr := lookupFlinkJob(c, id)
		if lerr != nil {
			items = append(items, flinkItem(false, lerr.Msg))
			continue
		}
		if msg := e.runRefusal(c, j, now); msg != "" {
			items = append(items, flinkItem(false, msg))
			continue
		}
		rec := FlinkRunRecord{At: now, ResumeSavepoint: b.ResumeSavepoint.Value, SQL: j.SQL}
		if b.ResumeSavepoint.Value {
			if sp := j.LatestSavepoint(now); sp != nil {
				rec.ResumedFrom = sp.Path
			}
		}
		j.Runs = append(j.Runs, rec)
		j.Action, j.ActionAt, j.StartTime, j.Savepoint = "run", now, now, false
		j.RunFrom = now
		if q := c.proj.Queues[j.QueueName]; q != nil && j.RunMode == "exclusive_cluster" {
			j.RunFrom = q.WorkStart(now) // a new queue accepts the run; it starts once provisioned
		}
		j.Outcome, j.OutcomeDesc, j.CrashedAt, j.CrashDesc = "", "", 0, ""
		if f := c.proj.TakeFlinkFailure(j, FlinkFailSubmit, FlinkFailRunning); f != nil {
			j.Outcome, j.OutcomeDesc = f.Phase, f.Reason
		}
		items = append(items, flinkItem(true, "The job submission request is issued successfully."))
	}
	return ok(items)
}

// runRefusal says why a job cannot be run now ("" when it can).
func (e *Server) runRefusal(c *call, j *flinkJob, now int64) string {
	switch st, _ := j.StatusAt(now); st {
	case flinkSubmitting, flinkRunning, flinkSavepointing, flinkCanceling:
		return fmt.Sprintf("The job %d cannot be run: its status is %s.", j.ID, st)
	}
	if j.SQL == "" {
		return fmt.Sprintf("The job %d cannot be run: it has no sql_body.", j.ID)
	}
	if j.RunMode != "exclusive_cluster" {
		return ""
	}
	if j.QueueName == "" {
		return fmt.Sprintf("The job %d cannot be run: a job in exclusive_cluster mode needs a queue (queue_name).", j.ID)
	}
	q := c.proj.Queues[j.QueueName]
	switch {
	case q == nil:
		return fmt.Sprintf("The job %d cannot be run: there is no queue named %s.", j.ID, j.QueueName)
	case q.Type != "general":
		return fmt.Sprintf("The job %d cannot be run: queue %s is a %s queue; Flink jobs need a general-purpose queue.", j.ID, q.Name, q.Type)
	case j.Config.CuNumber > q.CUCount(now):
		return fmt.Sprintf("The job %d cannot be run: cu_number %d exceeds the %d CUs of queue %s.", j.ID, j.Config.CuNumber, q.CUCount(now), q.Name)
	}
	return ""
}

// stopFlinkJobs is §9.10; the response is an array like §9.6 (WIRE-NOTES).
func (e *Server) stopFlinkJobs(c *call) result {
	b, ids, err := c.decodeJobIDs()
	if err != nil {
		return fail(err)
	}
	savepoint := b.TriggerSavepoint.Value || b.TriggerSavePoint.Value
	now := c.nowMillis()
	items := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		j, lerr := lookupFlinkJob(c, id)
		if lerr != nil {
			items = append(items, flinkItem(false, lerr.Msg))
			continue
		}
		st, _ := j.StatusAt(now)
		if st != flinkRunning && st != flinkSubmitting && st != flinkCancelFail {
			items = append(items, flinkItem(false, fmt.Sprintf("The job %d cannot be stopped: it is not running (status %s).", j.ID, st)))
			continue
		}
		rec := FlinkStopRecord{At: now, TriggerSavepoint: savepoint, StatusBefore: st}
		j.Action, j.ActionAt, j.Savepoint = "stop", now, savepoint && st != flinkSubmitting
		j.Outcome, j.OutcomeDesc = "", ""
		if f := c.proj.TakeFlinkFailure(j, FlinkFailStop); f != nil {
			j.Outcome, j.OutcomeDesc = f.Phase, f.Reason
		}
		if j.Savepoint && j.Outcome == "" {
			sp := flinkSavepoint{
				Path: fmt.Sprintf("obs://dli-savepoints/%s/%d/savepoint-%d", c.projectID, j.ID, len(j.Savepoints)+1),
				Time: now + flinkSavepointTime.Milliseconds(),
			}
			j.Savepoints = append(j.Savepoints, sp)
			rec.SavepointPath = sp.Path
		}
		j.Stops = append(j.Stops, rec)
		items = append(items, flinkItem(true, "The job stop request is issued successfully."))
	}
	return ok(items)
}

// flinkJobDetail renders §9.8 job_detail (and the show_detail=true list item).
func flinkJobDetail(j *flinkJob, projectID string, now int64) map[string]any {
	st, desc := j.StatusAt(now)
	cfg := j.Config
	mode := "exactly_once"
	if cfg.CheckpointMode == 2 {
		mode = "at_least_once"
	}
	var startTime any
	if j.StartTime > 0 {
		startTime = j.StartTime
	}
	var savepointPath any
	if sp := j.LatestSavepoint(now); sp != nil {
		savepointPath = sp.Path
	}
	var edge any
	if cfg.EdgeGroupIDs != nil {
		edge = cfg.EdgeGroupIDs
	}
	return map[string]any{
		"job_id": j.ID, "name": j.Name, "desc": j.Desc, "job_type": j.JobType, "status": st, "status_desc": desc,
		"create_time": j.CreateTime, "update_time": j.UpdateTime, "start_time": startTime,
		"user_id": j.UserID, "user_name": j.UserName, "queue_name": nullIfEmpty(j.QueueName), "project_id": projectID,
		"sql_body": j.SQL, "savepoint_path": savepointPath, "run_mode": j.RunMode, "has_savepoint": savepointPath != nil,
		"main_class": nil, "entrypoint_args": nil, "execution_graph": nil, "root_id": -1,
		"job_config": map[string]any{
			"checkpoint_enabled": cfg.CheckpointEnabled, "checkpoint_interval": cfg.CheckpointInterval,
			"checkpoint_mode": mode, "log_enabled": cfg.LogEnabled, "obs_bucket": nullIfEmpty(cfg.ObsBucket),
			"root_id": -1, "edge_group_ids": edge, "graph_editor_enabled": false, "graph_editor_data": "",
			"manager_cu_number": cfg.ManagerCuNumber, "executor_number": nil, "executor_cu_number": nil,
			"cu_number": cfg.CuNumber, "parallel_number": cfg.ParallelNumber, "smn_topic": nullIfEmpty(cfg.SmnTopic),
			"restart_when_exception": cfg.RestartWhenException, "resume_checkpoint": cfg.ResumeCheckpoint,
			"resume_max_num": cfg.ResumeMaxNum, "checkpoint_path": nil, "idle_state_retention": cfg.IdleStateRetention,
			"config_url": nil, "udf_jar_url": nullIfEmpty(cfg.UdfJarURL), "dirty_data_strategy": cfg.DirtyDataStrategy,
			"entrypoint": nil, "dependency_jars": nil, "dependency_files": nil,
			"tm_cus": cfg.TmCus, "tm_slot_num": cfg.EffectiveTmSlotNum(), "image": nil, "feature": nil,
			"flink_version": cfg.FlinkVersion, "operator_config": cfg.OperatorConfig,
			"static_estimator_config": cfg.StaticEstimator, "runtime_config": cfg.RuntimeConfig,
		},
	}
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (e *Server) showFlinkJob(c *call) result {
	j, err := lookupFlinkJob(c, c.path("job_id"))
	if err == nil && !e.visible(j.CreatedReal) {
		err = flinkJobNotFound(c.path("job_id"))
	}
	if err != nil {
		return fail(err)
	}
	return ok(flinkOK("The job information query succeeds.", map[string]any{"job_detail": flinkJobDetail(j, c.projectID, c.nowMillis())}))
}

var flinkStatuses = []string{flinkInit, flinkSubmitting, flinkSubmitFail, flinkRunning, flinkRunException,
	"job_downloading", "job_idle", flinkCanceling, "job_cancelling", flinkCancelSuccess, flinkCancelFail, flinkSavepointing, "job_finish"}

// listFlinkJobs is §9.7: filters, order by creation time, offset/limit (max 100).
func (e *Server) listFlinkJobs(c *call) result {
	jobType, status, queueName, name := c.query("job_type"), c.query("status"), c.query("queue_name"), c.query("name")
	if jobType != "" && jobType != "flink_sql_job" && jobType != "flink_jar_job" && jobType != "flink_opensource_sql_job" {
		return fail(badRequest("Invalid job_type %q: must be flink_sql_job or flink_jar_job.", jobType))
	}
	if status == "job_cancelling" {
		status = flinkCanceling
	}
	if status != "" && !containsString(flinkStatuses, status) {
		return fail(badRequest("Invalid status %q.", status))
	}
	if len([]rune(name)) > 57 {
		return fail(badRequest("Invalid name: at most 57 characters."))
	}
	order := c.query("order")
	if order != "" && order != "asc" && order != "desc" {
		return fail(badRequest("Invalid order %q: must be asc or desc.", order))
	}
	limit, err := c.intParam("limit", 10, 1)
	if err != nil {
		return fail(err)
	}
	if limit > 100 {
		return fail(badRequest("Invalid limit %d: the maximum is 100.", limit))
	}
	offset, err := c.intParam("offset", 0, 0)
	if err != nil {
		return fail(err)
	}
	showDetail := c.query("show_detail") == "true"
	tagFilter, err := parseTagFilter(c.query("tags"))
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	var jobs []*flinkJob
	for _, j := range c.proj.FlinkData().Jobs {
		if !e.visible(j.CreatedReal) {
			continue
		}
		st, _ := j.StatusAt(now)
		if j.Deleted || (jobType != "" && j.JobType != jobType) || (status != "" && st != status) ||
			(queueName != "" && !strings.EqualFold(j.QueueName, queueName)) || (name != "" && j.Name != name) ||
			!(&queue{Tags: j.Tags}).HasTags(tagFilter) {
			continue
		}
		jobs = append(jobs, j)
	}
	sort.Slice(jobs, func(a, b int) bool {
		if order == "asc" {
			return jobs[a].ID < jobs[b].ID
		}
		return jobs[a].ID > jobs[b].ID
	})
	total := len(jobs)
	jobs = jobs[min(offset, total):min(offset+limit, total)]
	items := make([]map[string]any, 0, len(jobs))
	for _, j := range jobs {
		if showDetail {
			items = append(items, flinkJobDetail(j, c.projectID, now))
			continue
		}
		st, desc := j.StatusAt(now)
		duration := int64(0)
		if st == flinkRunning {
			duration = now - j.ActionAt
		}
		items = append(items, map[string]any{
			"job_id": j.ID, "name": j.Name, "desc": j.Desc, "user_name": j.UserName, "job_type": j.JobType,
			"status": st, "status_desc": desc, "create_time": j.CreateTime, "start_time": j.StartTime,
			"duration": duration, "root_id": -1, "graph_editor_enabled": false, "has_savepoint": j.LatestSavepoint(now) != nil,
		})
	}
	return ok(flinkOK("The job list is queried successfully.", map[string]any{
		"job_list": map[string]any{"total_count": total, "jobs": items},
	}))
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// deleteFlinkJob is §9.11: any status; a running job is stopped without a savepoint.
func (e *Server) deleteFlinkJob(c *call) result {
	j, err := lookupFlinkJob(c, c.path("job_id"))
	if err != nil {
		return fail(err)
	}
	j.MarkDeleted(c.nowMillis())
	return ok(flinkOK("The job is deleted successfully.", nil))
}

// batchDeleteFlinkJobs is §9.12; every id must exist. The seed's example is one
// {is_success, message} object, but the SDK's BatchDeleteFlinkJobsResponse decodes a JSON
// array (as for run and stop, WIRE-NOTES), so it answers one element per job.
func (e *Server) batchDeleteFlinkJobs(c *call) result {
	_, ids, err := c.decodeJobIDs()
	if err != nil {
		return fail(err)
	}
	jobs := make([]*flinkJob, 0, len(ids))
	for _, id := range ids {
		j, lerr := lookupFlinkJob(c, id)
		if lerr != nil {
			return fail(lerr)
		}
		jobs = append(jobs, j)
	}
	items := make([]map[string]any, 0, len(jobs))
	for _, j := range jobs {
		j.MarkDeleted(c.nowMillis())
		items = append(items, flinkItem(true, "The job is deleted successfully."))
	}
	return ok(items)
}

// FlinkJob returns the history of a job (including a deleted one) from any project.
func (e *Server) FlinkJob(jobID int64) (FlinkJobHistory, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, p := range e.data.Projects {
		if j := p.FlinkData().Jobs[jobID]; j != nil {
			return j.History(e.clock.Now().UnixMilli()), true
		}
	}
	return FlinkJobHistory{}, false
}

// FlinkJobs returns the history of every Flink job of every project, by job id.
func (e *Server) FlinkJobs() map[int64]FlinkJobHistory {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now().UnixMilli()
	out := map[int64]FlinkJobHistory{}
	for _, p := range e.data.Projects {
		for id, j := range p.FlinkData().Jobs {
			out[id] = j.History(now)
		}
	}
	return out
}

// FailNextFlinkRun arms a forced failure: the next run (phase submit or running) or stop
// (phase stop) of the job with f.JobID, or of a job named f.JobName, fails with f.Reason.
// Without a job id the failure is armed in every configured project.
func (e *Server) FailNextFlinkRun(f FlinkFailure) error {
	if f.Phase == "" {
		f.Phase = FlinkFailSubmit
	}
	if f.Phase != FlinkFailSubmit && f.Phase != FlinkFailRunning && f.Phase != FlinkFailStop {
		return fmt.Errorf("phase %q: must be submit, running or stop", f.Phase)
	}
	if f.JobID == 0 && f.JobName == "" {
		return fmt.Errorf("job_id or job_name is required")
	}
	if f.Reason == "" {
		f.Reason = "Forced failure (emulator)."
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	armed := false
	for id := range e.projectIDs {
		p := e.data.Project(id)
		if f.JobID != 0 && p.FlinkData().Jobs[f.JobID] == nil {
			continue
		}
		p.FlinkData().Failures = append(p.FlinkData().Failures, f)
		armed = true
	}
	if !armed {
		return fmt.Errorf("no Flink job %d", f.JobID)
	}
	return nil
}

// CrashFlinkJob makes a running job fail now: its status becomes job_running_exception.
func (e *Server) CrashFlinkJob(jobID int64, reason string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now().UnixMilli()
	for _, p := range e.data.Projects {
		j := p.FlinkData().Jobs[jobID]
		if j == nil || j.Deleted {
			continue
		}
		if st, _ := j.StatusAt(now); st != flinkRunning {
			return fmt.Errorf("job %d is not running (status %s)", jobID, st)
		}
		if reason == "" {
			reason = "The job hit a runtime exception and stopped (emulator)."
		}
		j.CrashedAt, j.CrashDesc = now, reason
		return nil
	}
	return fmt.Errorf("no Flink job %d", jobID)
}

func adminJobID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("job_id"), 10, 64)
	if err != nil {
		writeError(w, badRequest("Invalid job id %q.", r.PathValue("job_id")))
		return 0, false
	}
	return id, true
}

func (e *Server) adminFlinkJob(w http.ResponseWriter, r *http.Request) {
	id, valid := adminJobID(w, r)
	if !valid {
		return
	}
	h, found := e.FlinkJob(id)
	if !found {
		writeError(w, newError(http.StatusNotFound, "DLI.0002", fmt.Sprintf("No Flink job %d.", id)))
		return
	}
	writeJSON(w, http.StatusOK, h)
}

func (e *Server) adminFlinkFailNext(w http.ResponseWriter, r *http.Request) {
	var f FlinkFailure
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&f); err != nil {
		writeError(w, badRequest("Invalid request: %v", err))
		return
	}
	if err := e.FailNextFlinkRun(f); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "armed"})
}

func (e *Server) adminFlinkCrash(w http.ResponseWriter, r *http.Request) {
	id, valid := adminJobID(w, r)
	if !valid {
		return
	}
	var body struct {
		Reason string `json:"reason"`
	}
	if r.ContentLength != 0 {
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			writeError(w, badRequest("Invalid request: %v", err))
			return
		}
	}
	if err := e.CrashFlinkJob(id, body.Reason); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "crashed"})
}
