package resources

import (
	"context"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
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
	_ resource.Resource                     = (*dliFlinkJarJobResource)(nil)
	_ resource.ResourceWithConfigure        = (*dliFlinkJarJobResource)(nil)
	_ resource.ResourceWithConfigValidators = (*dliFlinkJarJobResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*dliFlinkJarJobResource)(nil)
	_ resource.ResourceWithImportState      = (*dliFlinkJarJobResource)(nil)
)

// NewDLIFlinkJarJob returns the huaweidata_dli_flink_jar_job resource.
func NewDLIFlinkJarJob() resource.Resource {
	return &dliFlinkJarJobResource{newFlinkJobResource[dliFlinkJarJobModel]("dli_flink_jar_job", "Flink Jar job")}
}

// dliFlinkJarJobResource is the shared Flink job implementation with the Jar job's schema
// and rules.
type dliFlinkJarJobResource struct {
	flinkJobResource[dliFlinkJarJobModel, *dliFlinkJarJobModel]
}

func (r *dliFlinkJarJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	const restarts = " Changing it on a running job restarts the job: stop with a savepoint, update, run again (see `restart_policy`)."
	const inPlace = " Updated in place, also while the job runs."
	optInt := func(desc string, def int32, v ...validator.Int32) schema.Int32Attribute {
		return schema.Int32Attribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: int32default.StaticInt32(def), Validators: v}
	}
	optBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: booldefault.StaticBool(false)}
	}
	optString := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: append(v, stringvalidator.LengthAtLeast(1))}
	}
	packages := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: desc, Optional: true, ElementType: types.StringType,
			Validators: []validator.List{listvalidator.ValueStringsAre(validators.PackageRef())},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI Flink Jar streaming job (a user program packaged as a JAR, §9.4) and its run state, on a " +
			"dedicated general-purpose queue. The lifecycle is the one of `huaweidata_dli_flink_sql_job`: the job is created, " +
			"then run (`desired_state = \"running\"`, the default) or kept stopped. Settings the service applies to a running " +
			"job are updated in place; any other change to a running job stops it **with a savepoint**, updates it and runs it " +
			"again resuming from that savepoint (the plan warns about such a restart). Create and update wait until the job " +
			"runs and fail at once, with the service's status description, when it fails to submit or run; a job that fails " +
			"to run stays in the state, tainted. Delete stops the job (with a savepoint unless `savepoint_on_delete = false`) " +
			"and deletes it. The job's `resource_config` (Flink 1.15+ fine-grained resources) is not managed.",
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
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "The dedicated general-purpose queue that runs the job (Jar jobs do not run on the shared " +
					"cluster). It must exist and be ready, and have at least `cu_number` CUs, when the job runs." + restarts,
				Required:   true,
				Validators: []validator.String{validators.QueueName()},
			},
			"entrypoint": schema.StringAttribute{
				MarkdownDescription: "The JAR that holds the main class: the name of a package uploaded to DLI " +
					"(`<group>/<name>` or `<name>`), or an OBS path `obs://bucket/object`. Flink 1.15 and later only take OBS paths." + restarts,
				Required:   true,
				Validators: []validator.String{validators.PackageRef()},
			},
			"main_class":      optString("The entry class, e.g. `org.example.StreamJob`. When unset, the JAR manifest's `Main-Class`." + restarts),
			"entrypoint_args": optString("Arguments of the entry class, separated by spaces, e.g. `-windowSize 2000 -rate 3`." + restarts),
			"dependency_jars": packages("Further JARs the job loads: package names uploaded to DLI or OBS paths." + restarts),
			"dependency_files": packages("Files the job reads, e.g. `group/test.csv` (the job opens them with " +
				"`ClassName.class.getClassLoader().getResource(\"userData/<file name>\")`): package names uploaded to DLI or OBS paths." + restarts),
			"checkpoint_path": optString("Where the checkpoints the JAR takes itself are stored. Different jobs must use different paths." + restarts),
			"obs_bucket": optString("OBS bucket, authorized for DLI, where checkpoints (`checkpoint_enabled`) and job logs " +
				"(`log_enabled`) are saved; required by either." + restarts),
			"log_enabled":            optBool("Upload the job's logs to `obs_bucket` (required then). Default false." + restarts),
			"smn_topic":              optString("SMN topic that receives an alarm when the job fails." + inPlace),
			"restart_when_exception": optBool("Restart the job automatically after an exception. Default false." + inPlace),
			"resume_checkpoint":      optBool("Restore from the latest checkpoint when the job restarts after an exception. Default false." + inPlace),
			"resume_max_num": optInt("Maximum restarts after exceptions per hour: `-1` (default, unlimited) or greater than 0."+inPlace,
				-1, int32validator.Any(int32validator.OneOf(-1), int32validator.AtLeast(1))),
			"feature": optString("The Flink image the job runs on: `basic` (DLI's image of `flink_version`) or `custom` (your `image`)."+restarts,
				stringvalidator.OneOf("basic", "custom")),
			"image": optString("Your Flink image, `<organization>/<image>:<version>`; only with (and required by) `feature = \"custom\"`."+restarts,
				stringvalidator.RegexMatches(imagePattern, "must be <organization>/<image>:<version>")),
			"flink_version": schema.StringAttribute{
				MarkdownDescription: "Flink version of DLI's image: `" + strings.Join(flinkVersions, "`, `") + "`. Not with " +
					"`feature = \"custom\"` (the image decides). Chosen by DLI when unset; once set, removing it keeps the job's version." + restarts,
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:    []validator.String{stringvalidator.OneOf(flinkVersions...)},
			},
			"runtime_config": schema.MapAttribute{
				MarkdownDescription: "Custom Flink runtime parameters (name → value)." + restarts,
				Optional:            true,
				ElementType:         types.StringType,
				Validators:          []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1))},
			},
			"flink_log_config": optString("Log levels as a JSON object, e.g. `jsonencode({ root_logger_level = \"INFO\", "+
				"loggers_level_of_class = { \"org.apache.flink\" = \"WARN\" } })`; levels are TRACE, DEBUG, INFO, WARN, ERROR."+restarts,
				validators.JSONObject()),
			"execution_agency_urn": optString("Name of the agency the job acts with; Flink 1.15 and later (`flink_version`)." + restarts),
		}),
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
	maps.Copy(resp.Schema.Attributes, flinkSharedAttributes())
}

func (r *dliFlinkJarJobResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{flinkCapacityRules{}, flinkJarImageRules{}, validators.Int32Attributes()}
}
