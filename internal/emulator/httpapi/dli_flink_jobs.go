package httpapi

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// flinkJobNotFound is the answer for a deleted or unknown Flink job: 400 DLI.16001, the
// code the incumbent provider (tested against the real service) maps to "gone"; our
// client maps it too (docs/jobs-connections.md, "Delete").
func flinkJobNotFound(id string) *apiError {
	return domainError(&store.NotFoundError{Kind: store.KindFlinkJob, Name: id})
}

// lookupFlinkJob finds a (not deleted) job by its path id.
func lookupFlinkJob(c *call, id string) (*flinkJob, *apiError) {
	n, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64)
	if err != nil || n <= 0 {
		return nil, badRequest("Invalid job_id %q: it must be a positive integer.", id)
	}
	j, lerr := c.proj.FlinkJob(n)
	if lerr != nil {
		return nil, domainError(lerr)
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
	return ok(flinkCreateResponse{flinkOK("The job is created successfully."), flinkJobStatus{JobID: j.ID, StatusName: flinkInit}})
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
	out := flinkUpdateResponse{flinkEnvelope: flinkOK("The job is updated successfully.")}
	out.Job.UpdateTime = j.UpdateTime
	return ok(out)
}
