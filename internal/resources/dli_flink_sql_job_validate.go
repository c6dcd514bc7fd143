package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// Defaults of §9.2 that the cross-field rules need when an argument is not configured.
const (
	flinkDefaultRunMode   = "shared_cluster"
	flinkDefaultJobType   = "flink_sql_job"
	flinkDefaultCUs       = 2
	flinkDefaultManagerCU = 1
	flinkDefaultParallel  = 1
)

// flinkJobRules are the documented cross-field rules of a Flink SQL job (§9.2, SDK):
//   - queue_name is given exactly when run_mode is exclusive_cluster (a dedicated queue runs
//     the job; the shared cluster and edge nodes do not take one);
//   - checkpoint_enabled and log_enabled need obs_bucket (where checkpoints and logs go);
//   - manager_cu_number is less than cu_number (cu_number counts the management units);
//   - parallel_number is at most 4 × (cu_number − manager_cu_number);
//   - a shared_cluster job is of type flink_sql_job.
type flinkJobRules struct{}

var _ resource.ConfigValidator = flinkJobRules{}

func (flinkJobRules) Description(context.Context) string {
	return "queue_name exactly with run_mode exclusive_cluster; checkpoint_enabled and log_enabled need obs_bucket; " +
		"manager_cu_number < cu_number; parallel_number <= 4 x (cu_number - manager_cu_number); shared_cluster jobs are flink_sql_job"
}

func (r flinkJobRules) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

// flinkRuleConfig is the part of the configuration the rules read.
type flinkRuleConfig struct {
	RunMode           types.String `tfsdk:"run_mode"`
	Type              types.String `tfsdk:"type"`
	QueueName         types.String `tfsdk:"queue_name"`
	ObsBucket         types.String `tfsdk:"obs_bucket"`
	CheckpointEnabled types.Bool   `tfsdk:"checkpoint_enabled"`
	LogEnabled        types.Bool   `tfsdk:"log_enabled"`
	CUNumber          types.Int32  `tfsdk:"cu_number"`
	ManagerCUNumber   types.Int32  `tfsdk:"manager_cu_number"`
	ParallelNumber    types.Int32  `tfsdk:"parallel_number"`
}

func (flinkJobRules) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var c flinkRuleConfig
	for name, dst := range map[string]any{
		"run_mode": &c.RunMode, "type": &c.Type, "queue_name": &c.QueueName, "obs_bucket": &c.ObsBucket,
		"checkpoint_enabled": &c.CheckpointEnabled, "log_enabled": &c.LogEnabled, "cu_number": &c.CUNumber,
		"manager_cu_number": &c.ManagerCUNumber, "parallel_number": &c.ParallelNumber,
	} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), dst)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	fail := func(attr, summary, detail string) {
		resp.Diagnostics.AddAttributeError(path.Root(attr), summary, detail)
	}

	if !c.RunMode.IsUnknown() && !c.QueueName.IsUnknown() {
		runMode := flex.StringOrDefault(c.RunMode, flinkDefaultRunMode)
		switch {
		case runMode == "exclusive_cluster" && c.QueueName.IsNull():
			fail("queue_name", "Missing queue_name",
				"queue_name is required when run_mode is exclusive_cluster: the job runs on that (general-purpose) queue.")
		case runMode != "exclusive_cluster" && !c.QueueName.IsNull():
			fail("queue_name", "queue_name needs run_mode exclusive_cluster",
				fmt.Sprintf("queue_name can only be set when run_mode is exclusive_cluster; run_mode is %s. "+
					"Set run_mode = \"exclusive_cluster\" to run the job on the queue, or remove queue_name.", runMode))
		}
	}
	if !c.RunMode.IsUnknown() && !c.Type.IsUnknown() {
		if runMode, jobType := flex.StringOrDefault(c.RunMode, flinkDefaultRunMode), flex.StringOrDefault(c.Type, flinkDefaultJobType); runMode == "shared_cluster" && jobType != "flink_sql_job" {
			fail("type", "Invalid type for run_mode shared_cluster",
				fmt.Sprintf("A job with run_mode shared_cluster must be of type flink_sql_job, got %s.", jobType))
		}
	}
	if !c.ObsBucket.IsUnknown() && c.ObsBucket.IsNull() {
		for attr, v := range map[string]types.Bool{"checkpoint_enabled": c.CheckpointEnabled, "log_enabled": c.LogEnabled} {
			if v.ValueBool() {
				fail(attr, "Missing obs_bucket",
					fmt.Sprintf("%s = true needs obs_bucket: the OBS bucket (authorized for DLI) where the job's %s are saved.",
						attr, map[string]string{"checkpoint_enabled": "checkpoints", "log_enabled": "logs"}[attr]))
			}
		}
	}
	if c.CUNumber.IsUnknown() || c.ManagerCUNumber.IsUnknown() || c.ParallelNumber.IsUnknown() {
		return
	}
	cu := int64(flex.Int32OrDefault(c.CUNumber, flinkDefaultCUs))
	manager := int64(flex.Int32OrDefault(c.ManagerCUNumber, flinkDefaultManagerCU))
	if manager >= cu {
		fail("manager_cu_number", "manager_cu_number too large",
			fmt.Sprintf("manager_cu_number (%d) must be less than cu_number (%d): cu_number counts the management units too.", manager, cu))
		return
	}
	if parallel, limit := int64(flex.Int32OrDefault(c.ParallelNumber, flinkDefaultParallel)), 4*(cu-manager); parallel > limit {
		fail("parallel_number", "parallel_number too large",
			fmt.Sprintf("parallel_number (%d) must be at most 4 x (cu_number - manager_cu_number) = 4 x (%d - %d) = %d.",
				parallel, cu, manager, limit))
	}
}
