package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// flinkCapacityRules are the documented cross-field rules every Flink job (SQL §9.2, Jar
// §9.4) has:
//   - checkpoint_enabled and log_enabled need obs_bucket (where checkpoints and logs go);
//   - manager_cu_number is less than cu_number (cu_number counts the management units);
//   - parallel_number is at most 4 × (cu_number − manager_cu_number).
type flinkCapacityRules struct{}

var _ resource.ConfigValidator = flinkCapacityRules{}

func (flinkCapacityRules) Description(context.Context) string {
	return "checkpoint_enabled and log_enabled need obs_bucket; manager_cu_number < cu_number; " +
		"parallel_number <= 4 x (cu_number - manager_cu_number)"
}

func (r flinkCapacityRules) MarkdownDescription(ctx context.Context) string {
	return r.Description(ctx)
}

// flinkCapacityConfig is the part of the configuration the rules read.
type flinkCapacityConfig struct {
	ObsBucket         types.String
	CheckpointEnabled types.Bool
	LogEnabled        types.Bool
	CUNumber          types.Int32
	ManagerCUNumber   types.Int32
	ParallelNumber    types.Int32
}

func (flinkCapacityRules) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var c flinkCapacityConfig
	for name, dst := range map[string]any{
		"obs_bucket": &c.ObsBucket, "checkpoint_enabled": &c.CheckpointEnabled, "log_enabled": &c.LogEnabled,
		"cu_number": &c.CUNumber, "manager_cu_number": &c.ManagerCUNumber, "parallel_number": &c.ParallelNumber,
	} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), dst)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	fail := func(attr, summary, detail string) {
		resp.Diagnostics.AddAttributeError(path.Root(attr), summary, detail)
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
