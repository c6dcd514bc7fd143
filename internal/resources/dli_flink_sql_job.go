package resources

import (
	"context"
	"maps"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                     = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithConfigure        = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithConfigValidators = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithImportState      = (*dliFlinkSQLJobResource)(nil)
)

// flinkVersions are the Flink versions DLI documents for Flink SQL jobs (SDK).
var flinkVersions = []string{"1.10", "1.12", "1.13", "1.15", "1.17"}

var dirtyDataPattern = regexp.MustCompile(`^(0|1|2:\S.*)$`)

// NewDLIFlinkSQLJob returns the huaweidata_dli_flink_sql_job resource.
func NewDLIFlinkSQLJob() resource.Resource {
	return &dliFlinkSQLJobResource{newFlinkJobResource[dliFlinkSQLJobModel]("dli_flink_sql_job", "Flink SQL job")}
}

// dliFlinkSQLJobResource is the shared Flink job implementation with the SQL job's schema
// and rules.
type dliFlinkSQLJobResource struct {
	flinkJobResource[dliFlinkSQLJobModel, *dliFlinkSQLJobModel]
}

func (r *dliFlinkSQLJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	const restarts = " Changing it on a running job restarts the job: stop with a savepoint, update, run again (see `restart_policy`)."
	const inPlace = " Updated in place, also while the job runs."
	optInt := func(desc string, def int32, v ...validator.Int32) schema.Int32Attribute {
		return schema.Int32Attribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: int32default.StaticInt32(def), Validators: v}
	}
	optBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: booldefault.StaticBool(false)}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI Flink SQL streaming job and its run state. The job is created, then run " +
			"(`desired_state = \"running\"`, the default) or kept stopped. Settings the service applies to a running job " +
			"are updated in place; any other change to a running job stops it **with a savepoint**, updates it and runs it " +
			"again resuming from that savepoint, so streaming state is kept (the plan warns about such a restart). Create and update wait until the job runs " +
			"(`job_running`) and fail at once, with the service's status description, when it fails to submit or run. " +
			"Delete stops the job (with a savepoint unless `savepoint_on_delete = false`) and deletes it.",
		Attributes: withRunAttributes(map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Job name, 1 to 57 characters." + inPlace,
				Required:            true,
				Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, 57)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Job description, at most 512 characters. Defaults to empty." + inPlace,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				Validators:          []validator.String{stringvalidator.UTF8LengthAtMost(512)},
			},
			"sql": schema.StringAttribute{
				MarkdownDescription: "The Stream SQL statements, at most 1024×1024 characters. They contain at least a source, a query " +
					"(`SELECT`) and a sink (`INSERT INTO`)." + restarts,
				Required:   true,
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, 1024*1024), validators.FlinkSQL()},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Job type: `flink_sql_job` (default) or `flink_opensource_sql_job`. A `shared_cluster` job must be " +
					"`flink_sql_job`. Changing it replaces the job.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(flinkDefaultJobType),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.OneOf("flink_sql_job", "flink_opensource_sql_job")},
			},
			"run_mode": schema.StringAttribute{
				MarkdownDescription: "Where the job runs: `shared_cluster` (default), `exclusive_cluster` (on the queue `queue_name`, " +
					"which is then required) or `edge_node`." + restarts,
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(flinkDefaultRunMode),
				Validators: []validator.String{stringvalidator.OneOf("shared_cluster", "exclusive_cluster", "edge_node")},
			},
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "The general-purpose queue that runs the job. Required with `run_mode = \"exclusive_cluster\"`, " +
					"not allowed otherwise. The queue must exist and be ready, and have at least `cu_number` CUs, when the job runs." + restarts,
				Optional:   true,
				Validators: []validator.String{validators.QueueName()},
			},
			"obs_bucket": schema.StringAttribute{
				MarkdownDescription: "OBS bucket, authorized for DLI, where checkpoints (`checkpoint_enabled`) and job logs " +
					"(`log_enabled`) are saved; required by either." + restarts,
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"log_enabled": optBool("Upload the job's logs to `obs_bucket` (required then). Default false." + restarts),
			"smn_topic": schema.StringAttribute{
				MarkdownDescription: "SMN topic that receives an alarm when the job fails." + inPlace,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"restart_when_exception": optBool("Restart the job automatically after an exception. Default false." + inPlace),
			"idle_state_retention": optInt("How long idle state is kept, in seconds: at least 1, default 3600."+restarts,
				3600, int32validator.AtLeast(1)),
			"dirty_data_strategy": schema.StringAttribute{
				MarkdownDescription: "What to do with dirty data: `0` ignore (default), `1` fail the job, `2:<obs dir>` save it to the OBS directory." + restarts,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("0"),
				Validators:          []validator.String{stringvalidator.RegexMatches(dirtyDataPattern, `must be "0", "1" or "2:<obs dir>"`)},
			},
			"udf_jar_url": schema.StringAttribute{
				MarkdownDescription: "UDF jar: the name of a package uploaded to DLI, or an OBS path." + restarts,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"resume_checkpoint": optBool("Restore from the latest checkpoint when the job restarts after an exception. Default false." + inPlace),
			"resume_max_num": optInt("Maximum restarts after exceptions per hour: `-1` (default, unlimited) or greater than 0."+inPlace,
				-1, int32validator.Any(int32validator.OneOf(-1), int32validator.AtLeast(1))),
			"runtime_config": schema.MapAttribute{
				MarkdownDescription: "Custom Flink runtime parameters (name → value)." + restarts,
				Optional:            true,
				ElementType:         types.StringType,
				Validators:          []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1))},
			},
			"flink_version": schema.StringAttribute{
				MarkdownDescription: "Flink version: `" + strings.Join(flinkVersions, "`, `") + "`. Chosen by DLI when unset; " +
					"once set, removing it keeps the job's version." + restarts,
				Optional:      true,
				Computed:      true,
				PlanModifiers: keep,
				Validators:    []validator.String{stringvalidator.OneOf(flinkVersions...)},
			},
		}),
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
	maps.Copy(resp.Schema.Attributes, flinkSharedAttributes())
}

func (r *dliFlinkSQLJobResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{flinkJobRules{}, flinkCapacityRules{}, validators.Int32Attributes()}
}
