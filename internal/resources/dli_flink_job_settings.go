package resources

import (
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// flinkSettings points at the arguments every Flink job model (SQL, Jar) has, so that one
// function records them from the job detail.
type flinkSettings struct {
	Name, Description, QueueName, ObsBucket, SmnTopic, CheckpointMode, FlinkVersion               *types.String
	CUNumber, ManagerCUNumber, ParallelNumber, TmCUs, TmSlotNum, CheckpointInterval, ResumeMaxNum *types.Int32
	CheckpointEnabled, LogEnabled, RestartWhenException, ResumeCheckpoint                         *types.Bool
	RuntimeConfig, Tags                                                                           *types.Map
}

// fromAPI copies the job detail into the settings and returns the job's configuration.
// Optional arguments DLI reports empty stay null; tags are not returned and stay as they
// are; flink_version, once set, keeps its value when DLI reports none.
func (s flinkSettings) fromAPI(j *model.FlinkJob) *model.FlinkJobConfig {
	*s.Name = types.StringValue(ptr.Deref(j.Name))
	*s.Description = types.StringValue(ptr.Deref(j.Desc))
	*s.QueueName = flex.StringOrNull(ptr.Deref(j.QueueName))
	cfg := j.JobConfig
	if cfg == nil {
		cfg = &model.FlinkJobConfig{}
	}
	*s.CUNumber = flex.Int32Value(cfg.CuNumber)
	*s.ManagerCUNumber = flex.Int32Value(cfg.ManagerCuNumber)
	*s.ParallelNumber = flex.Int32Value(cfg.ParallelNumber)
	*s.TmCUs = flex.Int32Value(cfg.TmCus)
	*s.TmSlotNum = flex.Int32Value(cfg.TmSlotNum)
	*s.CheckpointEnabled = types.BoolValue(ptr.Deref(cfg.CheckpointEnabled))
	*s.CheckpointMode = checkpointModeValue(cfg.CheckpointMode)
	*s.CheckpointInterval = flex.Int32Value(cfg.CheckpointInterval)
	*s.ObsBucket = flex.StringOrNull(ptr.Deref(cfg.ObsBucket))
	*s.LogEnabled = types.BoolValue(ptr.Deref(cfg.LogEnabled))
	*s.SmnTopic = flex.StringOrNull(ptr.Deref(cfg.SmnTopic))
	*s.RestartWhenException = types.BoolValue(ptr.Deref(cfg.RestartWhenException))
	*s.ResumeCheckpoint = types.BoolValue(ptr.Deref(cfg.ResumeCheckpoint))
	*s.ResumeMaxNum = flex.Int32Value(cfg.ResumeMaxNum)
	if cfg.ResumeMaxNum == nil {
		*s.ResumeMaxNum = types.Int32Value(-1)
	}
	*s.RuntimeConfig = runtimeConfigValue(ptr.Deref(cfg.RuntimeConfig), *s.RuntimeConfig)
	if v := ptr.Deref(cfg.FlinkVersion); v != "" || s.FlinkVersion.IsUnknown() {
		*s.FlinkVersion = flex.StringOrNull(v)
	}
	if s.Tags.IsUnknown() {
		*s.Tags = types.MapNull(types.StringType)
	}
	return cfg
}

// nullUnknowns sets the settings' unknown computed values to null.
func (s flinkSettings) nullUnknowns() {
	flex.UnknownToNull(s.FlinkVersion)
	if s.TmSlotNum.IsUnknown() {
		*s.TmSlotNum = types.Int32Null()
	}
}
