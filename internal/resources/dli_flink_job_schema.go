package resources

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/planmodifiers"
)

// flinkSharedAttributes are the attributes both Flink job resources have alike: the CU,
// parallelism and checkpoint settings (§9.2, §9.4), which a running job cannot take in
// place, and the tags.
func flinkSharedAttributes() map[string]schema.Attribute {
	const restarts = " Changing it on a running job restarts the job: stop with a savepoint, update, run again (see `restart_policy`)."
	optInt := func(desc string, def int32, v ...validator.Int32) schema.Int32Attribute {
		return schema.Int32Attribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: int32default.StaticInt32(def), Validators: v}
	}
	optBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: booldefault.StaticBool(false)}
	}
	return map[string]schema.Attribute{
		"cu_number": optInt("Total CUs of the job, management units included (1 CU = 1 core and 4 GB): 2 to 400, "+
			"default 2; at most the queue's CUs."+restarts, flinkDefaultCUs, int32validator.Between(2, 400)),
		"manager_cu_number": optInt("CUs of the management unit (jobmanager): at least 1 and less than `cu_number`, default 1."+restarts,
			flinkDefaultManagerCU, int32validator.AtLeast(1)),
		"parallel_number": optInt("Parallelism: 1 to 2000 and at most 4 × (`cu_number` − `manager_cu_number`), default 1."+restarts,
			flinkDefaultParallel, int32validator.Between(1, 2000)),
		"tm_cus": optInt("CUs per taskmanager: at least 1, default 1."+restarts, 1, int32validator.AtLeast(1)),
		"tm_slot_num": schema.Int32Attribute{
			MarkdownDescription: "Slots per taskmanager, at least 1. When unset DLI computes " +
				"(`parallel_number` × `tm_cus`) / (`cu_number` − `manager_cu_number`)." + restarts,
			Optional:      true,
			Computed:      true,
			Validators:    []validator.Int32{int32validator.AtLeast(1)},
			PlanModifiers: []planmodifier.Int32{planmodifiers.Int32UseStateUnlessChanged("cu_number", "manager_cu_number", "parallel_number", "tm_cus")},
		},
		"checkpoint_enabled": optBool("Take automatic snapshots (checkpoints); needs `obs_bucket`. Default false." + restarts),
		"checkpoint_mode": schema.StringAttribute{
			MarkdownDescription: "Checkpoint mode: `exactly_once` (default; each record is processed once) or `at_least_once`." + restarts,
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString("exactly_once"),
			Validators:          []validator.String{stringvalidator.OneOf("exactly_once", "at_least_once")},
		},
		"checkpoint_interval": optInt("Checkpoint interval in seconds, at least 1; default 10."+restarts, 10, int32validator.AtLeast(1)),
		"tags": schema.MapAttribute{
			MarkdownDescription: "Job tags (key 1 to 128 characters, value 1 to 255). DLI cannot change the tags of a job and does not " +
				"return them, so they are not refreshed or imported. Changing them replaces the job.",
			Optional:      true,
			ElementType:   types.StringType,
			PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			Validators: []validator.Map{
				mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128)),
				mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, 255)),
			},
		},
	}
}
