package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                = (*dliSparkTemplateResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliSparkTemplateResource)(nil)
	_ resource.ResourceWithImportState = (*dliSparkTemplateResource)(nil)
)

// NewDLISparkTemplate returns the huaweidata_dli_spark_template resource.
func NewDLISparkTemplate() resource.Resource {
	return &dliSparkTemplateResource{ResourceBase: framework.NewResourceBase("dli_spark_template", framework.Timeouts{})}
}

type dliSparkTemplateResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliSparkTemplateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optString := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: v}
	}
	optCount := func(desc string) schema.Int32Attribute {
		return schema.Int32Attribute{MarkdownDescription: desc + " (at least 1). Overrides `sc_type`.", Optional: true, Validators: []validator.Int32{int32validator.AtLeast(1)}}
	}
	packages := func(desc string, v ...validator.String) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: desc + " At least one element when set.",
			Optional:            true, ElementType: types.StringType,
			Validators: []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(v...)},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Spark job template in DLI: the arguments of a Spark batch job saved for reuse (the console's \"Spark template\"). " +
			"Everything except `language` is updated in place; the whole body is sent on every update.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The template id.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name":        templateNameAttribute(),
			"description": templateTextAttribute("Description of the template."),
			"group":       templateTextAttribute("Group the template is filed under in the console."),
			"language": schema.StringAttribute{
				MarkdownDescription: "Language of the template as DLI records it (values unstated by DLI). Defaults to empty. Changing it replaces the template.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who created the template.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"body": schema.SingleNestedAttribute{
				MarkdownDescription: "The Spark job the template holds (the arguments of `huaweidata_dli_batch_job`). Updated in place.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"file": schema.StringAttribute{
						MarkdownDescription: "The program: a jar or Python package in DLI resource management, or an OBS path `obs://bucket/object`.",
						Required:            true,
						Validators:          []validator.String{validators.PackageRef()},
					},
					"class_name": optString("Java/Spark main class, e.g. `org.apache.spark.examples.SparkPi`.", stringvalidator.LengthAtLeast(1)),
					"queue_name": optString("Queue the job runs on.", validators.QueueName()),
					"job_name":   optString("Name of the batch job, at most 128 characters.", stringvalidator.UTF8LengthBetween(1, 128)),
					"args": schema.ListAttribute{
						MarkdownDescription: "Arguments of the main class, in order. At least one element when set.",
						Optional:            true, ElementType: types.StringType,
						Validators: []validator.List{listvalidator.SizeAtLeast(1)},
					},
					"jars":         packages("Jar dependencies: package names or OBS paths.", validators.PackageRef()),
					"python_files": packages("Python dependencies (pyFiles): package names or OBS paths.", validators.PackageRef()),
					"files":        packages("Other files: package names or OBS paths.", validators.PackageRef()),
					"modules": packages("System resource modules, e.g. `sys.datasource.rds`.",
						stringvalidator.RegexMatches(batchModuleRe, "must be a system module name such as sys.datasource.rds")),
					"conf": schema.MapAttribute{
						MarkdownDescription: "Spark configuration, e.g. `{ \"spark.sql.shuffle.partitions\" = \"8\" }`. At least one entry when set.",
						Optional:            true, ElementType: types.StringType,
						Validators: []validator.Map{mapvalidator.SizeAtLeast(1)},
					},
					"sc_type": optString("Resource specification: `A` (8 cores, 32 GB), `B` (16 cores, 64 GB) or `C` (32 cores, 128 GB).",
						stringvalidator.OneOf("A", "B", "C")),
					"driver_memory":   optString("Driver memory with a unit, e.g. `2G` or `2048M`.", validators.MemorySize()),
					"driver_cores":    optCount("Driver CPU cores"),
					"executor_memory": optString("Memory of each executor with a unit, e.g. `4G`.", validators.MemorySize()),
					"executor_cores":  optCount("CPU cores of each executor"),
					"num_executors":   optCount("Number of executors"),
					"feature": optString("Spark image type: `basic`, `ai` or `custom` (needs `image`).",
						stringvalidator.OneOf("basic", "ai", "custom")),
					"spark_version": optString("Spark version, e.g. `3.3.1`.", stringvalidator.RegexMatches(batchVersionRe, "must be a version such as 3.3.1")),
					"image": optString("Custom image `organization/image:version`, with `feature = \"custom\"`.",
						stringvalidator.RegexMatches(batchImageRe, "must have the form organization/image:version")),
					"auto_recovery": schema.BoolAttribute{MarkdownDescription: "Retry the job automatically after an abnormal failure.", Optional: true},
					"max_retry_times": schema.Int32Attribute{
						MarkdownDescription: "Maximum number of retries with `auto_recovery`: 0 to 100.", Optional: true,
						Validators: []validator.Int32{int32validator.Between(0, 100)},
					},
					"obs_bucket":   optString("OBS bucket where DLI saves the job.", stringvalidator.LengthAtLeast(1)),
					"catalog_name": optString("`dli` (the only value) when the job accesses DLI metadata.", stringvalidator.OneOf("dli")),
				},
			},
		},
	}
}

func (r *dliSparkTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliSparkTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	spec := plan.spec(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.Client.CreateSparkTemplate(ctx, spec)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI Spark template "+spec.Name, err)
		return
	}
	plan.ID = types.StringValue(id)
	if plan.Owner.IsUnknown() {
		plan.Owner = types.StringNull()
	}
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI Spark template "+id, &resp.State, &resp.Diagnostics)
}

func (r *dliSparkTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto refreshes m from the template (one call); it reports false when it is gone.
func (r *dliSparkTemplateResource) readInto(ctx context.Context, m *dliSparkTemplateModel, diags *diag.Diagnostics) bool {
	id := m.ID.ValueString()
	t, err := r.Client.ShowSparkTemplate(ctx, id)
	if !framework.Found(diags, "Reading DLI Spark template "+id, err) {
		return false
	}
	m.fromTemplate(ctx, t, diags)
	return true
}

func (r *dliSparkTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliSparkTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	spec := plan.spec(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.UpdateSparkTemplate(ctx, id, spec); err != nil {
		framework.APIError(&resp.Diagnostics, "Updating DLI Spark template "+id, err)
		return
	}
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	plan.ID = state.ID
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI Spark template "+id, &resp.State, &resp.Diagnostics)
}

func (r *dliSparkTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteTemplate(ctx, r.Client, "DLI Spark template", req, resp)
}

// ImportState imports a template by its id.
func (r *dliSparkTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importTemplate(ctx, "DLI Spark template by its id", "huaweidata_dli_spark_template.example 6b1d…", req, resp)
}
