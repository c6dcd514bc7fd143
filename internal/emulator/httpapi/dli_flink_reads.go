package httpapi

import (
	"sort"
	"strings"
)

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
		"main_class": nullIfEmpty(j.MainClass), "entrypoint_args": nullIfEmpty(j.EntrypointArgs), "execution_graph": nil, "root_id": -1,
		"job_config": map[string]any{
			"checkpoint_enabled": cfg.CheckpointEnabled, "checkpoint_interval": cfg.CheckpointInterval,
			"checkpoint_mode": mode, "log_enabled": cfg.LogEnabled, "obs_bucket": nullIfEmpty(cfg.ObsBucket),
			"root_id": -1, "edge_group_ids": edge, "graph_editor_enabled": false, "graph_editor_data": "",
			"manager_cu_number": cfg.ManagerCuNumber, "executor_number": nil, "executor_cu_number": nil,
			"cu_number": cfg.CuNumber, "parallel_number": cfg.ParallelNumber, "smn_topic": nullIfEmpty(cfg.SmnTopic),
			"restart_when_exception": cfg.RestartWhenException, "resume_checkpoint": cfg.ResumeCheckpoint,
			"resume_max_num": cfg.ResumeMaxNum, "checkpoint_path": nullIfEmpty(cfg.CheckpointPath), "idle_state_retention": cfg.IdleStateRetention,
			"config_url": nil, "udf_jar_url": nullIfEmpty(cfg.UdfJarURL), "dirty_data_strategy": cfg.DirtyDataStrategy,
			"entrypoint": nullIfEmpty(cfg.Entrypoint), "dependency_jars": listOrNull(cfg.DependencyJars), "dependency_files": listOrNull(cfg.DependencyFiles),
			"tm_cus": cfg.TmCus, "tm_slot_num": cfg.EffectiveTmSlotNum(), "image": nullIfEmpty(cfg.Image), "feature": nullIfEmpty(cfg.Feature),
			"flink_log_config": nullIfEmpty(cfg.FlinkLogConfig), "execution_agency_urn": nullIfEmpty(cfg.ExecutionAgencyURN),
			"flink_version": cfg.FlinkVersion, "operator_config": cfg.OperatorConfig,
			"static_estimator_config": cfg.StaticEstimator, "runtime_config": cfg.RuntimeConfig,
		},
	}
}

// listOrNull renders a list that was never set as null.
func listOrNull(l []string) any {
	if l == nil {
		return nil
	}
	return l
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
	return ok(flinkShowResponse{flinkOK("The job information query succeeds."), flinkJobDetail(j, c.projectID, c.nowMillis())})
}

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
	items := make([]any, 0, len(jobs))
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
		items = append(items, flinkSummary{
			JobID: j.ID, Name: j.Name, Desc: j.Desc, UserName: j.UserName, JobType: j.JobType,
			Status: st, StatusDesc: desc, CreateTime: j.CreateTime, StartTime: j.StartTime,
			Duration: duration, RootID: -1, HasSavepoint: j.LatestSavepoint(now) != nil,
		})
	}
	out := flinkListResponse{flinkEnvelope: flinkOK("The job list is queried successfully.")}
	out.JobList.TotalCount, out.JobList.Jobs = total, items
	return ok(out)
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

var flinkStatuses = []string{flinkInit, flinkSubmitting, flinkSubmitFail, flinkRunning, flinkRunException,
	"job_downloading", "job_idle", flinkCanceling, "job_cancelling", flinkCancelSuccess, flinkCancelFail, flinkSavepointing, "job_finish"}
