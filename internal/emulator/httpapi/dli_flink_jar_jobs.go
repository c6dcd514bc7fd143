package httpapi

import (
	"encoding/json"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// flinkJarJobBody is the §9.4 create / §9.5 update body of a Flink Jar job (SDK
// CreateFlinkJarJobRequestBody, UpdateFlinkJarJobRequestBody): the fields it shares with a
// Flink SQL job, applied by the same rules, and the Jar fields.
type flinkJarJobBody struct {
	flinkJobBody
	MainClass          *string   `json:"main_class"`
	EntrypointArgs     *string   `json:"entrypoint_args"`
	Entrypoint         *string   `json:"entrypoint"`
	DependencyJars     *[]string `json:"dependency_jars"`
	DependencyFiles    *[]string `json:"dependency_files"`
	CheckpointPath     *string   `json:"checkpoint_path"`
	Feature            *string   `json:"feature"`
	Image              *string   `json:"image"`
	FlinkLogConfig     *string   `json:"flink_log_config"`
	ExecutionAgencyURN *string   `json:"execution_agency_urn"`
}

// apply validates the body and copies it onto the Jar job j.
func (b *flinkJarJobBody) apply(j *flinkJob, create bool) *apiError {
	shared := b.flinkJobBody
	for name, set := range map[string]bool{
		"sql_body": shared.SQLBody != nil, "run_mode": shared.RunMode != nil, "template_id": shared.TemplateID != nil,
		"udf_jar_url": shared.UdfJarURL != nil, "dirty_data_strategy": shared.DirtyDataStrategy != nil,
		"idle_state_retention": shared.IdleStateRetention != nil || shared.IdleStateRetenion != nil,
		"edge_group_ids":       shared.EdgeGroupIDs != nil, "operator_config": shared.OperatorConfig != nil,
		"static_estimator_config": shared.StaticEstimator != nil,
	} {
		if set {
			return badRequest("%s is not a field of a Flink Jar job.", name)
		}
	}
	if shared.JobType != nil {
		if create {
			return badRequest("job_type is not a field of the Flink Jar job create request.")
		}
		if *shared.JobType != store.FlinkJarJobType {
			return badRequest("Invalid job_type %q: a Flink Jar job is a flink_jar_job.", *shared.JobType)
		}
		shared.JobType = nil
	}
	if !create && shared.QueueName != nil && *shared.QueueName == "" {
		return badRequest("Invalid queue_name: the length must be 1 to 128 characters.")
	}
	if err := shared.apply(j, create); err != nil {
		return err
	}
	cfg := &j.Config.FlinkJarConfig
	for _, f := range []struct {
		name string
		src  *string
		dst  *string
	}{
		{"main_class", b.MainClass, &j.MainClass}, {"entrypoint_args", b.EntrypointArgs, &j.EntrypointArgs},
		{"entrypoint", b.Entrypoint, &cfg.Entrypoint}, {"checkpoint_path", b.CheckpointPath, &cfg.CheckpointPath},
		{"image", b.Image, &cfg.Image}, {"execution_agency_urn", b.ExecutionAgencyURN, &cfg.ExecutionAgencyURN},
		{"flink_log_config", b.FlinkLogConfig, &cfg.FlinkLogConfig},
	} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if b.Feature != nil {
		if *b.Feature != "" && *b.Feature != "basic" && *b.Feature != "custom" {
			return badRequest("Invalid feature %q: must be basic or custom.", *b.Feature)
		}
		cfg.Feature = *b.Feature
	}
	for _, f := range []struct {
		name string
		src  *[]string
		dst  *[]string
	}{{"dependency_jars", b.DependencyJars, &cfg.DependencyJars}, {"dependency_files", b.DependencyFiles, &cfg.DependencyFiles}} {
		if f.src == nil {
			continue
		}
		for i, p := range *f.src {
			if strings.TrimSpace(p) == "" {
				return badRequest("Invalid %s[%d]: a package name or OBS path is required.", f.name, i)
			}
		}
		*f.dst = append([]string{}, *f.src...)
	}
	if cfg.FlinkLogConfig != "" && !json.Valid([]byte(cfg.FlinkLogConfig)) {
		return badRequest("Invalid flink_log_config: it must be a JSON string.")
	}
	if cfg.Image != "" && cfg.Feature != "custom" {
		return badRequest("image is only used with feature custom.")
	}
	if cfg.Feature == "custom" && cfg.Image == "" {
		return badRequest("image is required with feature custom.")
	}
	return nil
}

func newFlinkJarJobBody() flinkJarJobBody { return flinkJarJobBody{flinkJobBody: newFlinkJobBody()} }

// createFlinkJarJob is §9.4: the job is created in job_init; it runs on a dedicated queue.
func (e *Server) createFlinkJarJob(c *call) result {
	b := newFlinkJarJobBody()
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	j := &flinkJob{
		JobType: store.FlinkJarJobType, RunMode: "exclusive_cluster", UserName: c.user.UserName, UserID: c.user.UserID,
		CreateTime: now, UpdateTime: now, Tags: []queueTag{}, CreatedReal: c.real,
		Config: flinkJobConfig{CheckpointMode: 1, CheckpointInterval: 10, CuNumber: 2, ManagerCuNumber: 1, ParallelNumber: 1,
			TmCus: 1, ResumeMaxNum: -1},
	}
	if err := b.apply(j, true); err != nil {
		return fail(err)
	}
	j.ID = e.data.AllocID()
	c.proj.FlinkData().Jobs[j.ID] = j
	return ok(flinkCreateResponse{flinkOK("The job is created successfully."), flinkJobStatus{JobID: j.ID, StatusName: flinkInit}})
}

// updateFlinkJarJob is §9.5: every field optional; a running job keeps running with its
// old configuration until it is run again.
func (e *Server) updateFlinkJarJob(c *call) result {
	j, err := lookupFlinkJob(c, c.path("job_id"))
	if err != nil {
		return fail(err)
	}
	if !j.IsJar() {
		return fail(badRequest("The job %d is a %s, not a Flink Jar job.", j.ID, j.JobType))
	}
	b := newFlinkJarJobBody()
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
	out := flinkUpdateResponse{flinkEnvelope: flinkOK("The job is updated successfully.")}
	out.Job.UpdateTime = j.UpdateTime
	return ok(out)
}
