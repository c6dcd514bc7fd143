package store

// FlinkJarJobType is the job_type of a Flink Jar job (§9.4).
const FlinkJarJobType = "flink_jar_job"

// FlinkJarProgram is the entry point a Flink Jar job runs (§9.4 main_class, entrypoint_args).
type FlinkJarProgram struct {
	MainClass      string `json:"main_class"`
	EntrypointArgs string `json:"entrypoint_args"`
}

// FlinkJarConfig is the part of a job configuration only Flink Jar jobs have (§9.4, SDK
// CreateFlinkJarJobRequestBody), rendered in §9.8 job_config.
type FlinkJarConfig struct {
	Entrypoint         string   `json:"entrypoint"`
	DependencyJars     []string `json:"dependency_jars"`
	DependencyFiles    []string `json:"dependency_files"`
	CheckpointPath     string   `json:"checkpoint_path"`
	Feature            string   `json:"feature"`
	Image              string   `json:"image"`
	FlinkLogConfig     string   `json:"flink_log_config"`
	ExecutionAgencyURN string   `json:"execution_agency_urn"`
}

// IsJar reports whether j is a Flink Jar job.
func (j *FlinkJob) IsJar() bool { return j.JobType == FlinkJarJobType }
