package resources

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                     = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithConfigure        = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithConfigValidators = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithImportState      = (*dliBatchJobResource)(nil)
)

// batchDefaultMaxRetryTimes is DLI's default max_retry_times.
const batchDefaultMaxRetryTimes = 20

// NewDLIBatchJob returns the huaweidata_dli_batch_job resource. Its create timeout covers the
// run itself when wait_for is completed.
func NewDLIBatchJob() resource.Resource {
	return &dliBatchJobResource{ResourceBase: framework.NewResourceBase("dli_batch_job",
		framework.Timeouts{Create: 60 * time.Minute, Delete: 10 * time.Minute})}
}

type dliBatchJobResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliBatchJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	replaceList := []planmodifier.List{listplanmodifier.RequiresReplace()}
	replaceInt := []planmodifier.Int32{int32planmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resourceItem := schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"name": schema.StringAttribute{
			MarkdownDescription: "Package name in DLI resource management (for a group, the name within the group), or an OBS path `obs://bucket/object`.",
			Required:            true,
			Validators:          []validator.String{validators.PackageRef()},
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "Package type: `jar`, `pyFile`, `file` or `modelFile`.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf(batchResourceTypes...)},
		},
	}}
	// count is an optional positive count (cores, executors) that overrides sc_type.
	count := func(what string) schema.Int32Attribute {
		return schema.Int32Attribute{
			MarkdownDescription: what + " (at least 1). Overrides `sc_type`. Changing it replaces (re-runs) the job.",
			Optional:            true,
			PlanModifiers:       replaceInt,
			Validators:          []validator.Int32{int32validator.AtLeast(1)},
		}
	}
	packages := func(what string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: what + ": package names uploaded to DLI resource management, or OBS paths `obs://bucket/object`. Changing it replaces (re-runs) the job.",
			Optional:            true,
			ElementType:         types.StringType,
			PlanModifiers:       replaceList,
			Validators:          []validator.List{listvalidator.ValueStringsAre(validators.PackageRef())},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Spark batch job run on a general-purpose DLI queue. A batch job is a run, not a long-lived object: " +
			"DLI cannot update one, so changing any job argument (or `triggers`) submits a new run. " +
			"`wait_for` chooses what a successful apply means: the run was submitted, is running, or completed successfully (the default). " +
			"A run that ends `dead` while apply waits for completion fails the apply with the last lines of its log, and the resource is " +
			"left tainted so that the next apply runs it again. Destroying a job that is still running cancels it (see `cancel_on_destroy`); " +
			"a finished job is simply forgotten. Default timeouts: `create` 60 minutes (it covers the run itself with `wait_for = \"completed\"`), `delete` 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The batch job id (a UUID).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "Name of the general-purpose queue that runs the job (the API's `queue`). Changing it replaces (re-runs) the job.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{validators.QueueName()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the batch job, at most 128 characters. Defaults to no name. Changing it replaces (re-runs) the job.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.UTF8LengthAtMost(128)},
			},
			"file": schema.StringAttribute{
				MarkdownDescription: "The program: a jar or Python file uploaded to DLI resource management, or an OBS path `obs://bucket/object`. Changing it replaces (re-runs) the job.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{validators.PackageRef()},
			},
			"class_name": schema.StringAttribute{
				MarkdownDescription: "Java/Spark main class, e.g. `org.apache.spark.examples.SparkPi`. Required unless `file` is a Python file (ending in `.py`). Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"args": schema.ListAttribute{
				MarkdownDescription: "Arguments passed to the main class, in order; each element is one argument (spaces inside an element are kept). Changing them replaces (re-runs) the job.",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers:       replaceList,
			},
			"jars":         packages("Jar dependencies"),
			"python_files": packages("Python dependencies (pyFiles)"),
			"files":        packages("Other files made available to the job"),
			"modules": schema.ListAttribute{
				MarkdownDescription: "System resource modules the job depends on, e.g. `sys.datasource.hbase` (CloudTable/MRS HBase), `sys.datasource.opentsdb`, " +
					"`sys.datasource.rds` (RDS MySQL) or `sys.datasource.css`; RDS PostgreSQL and DWS need none. Changing them replaces (re-runs) the job.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: replaceList,
				Validators:    []validator.List{listvalidator.ValueStringsAre(stringvalidator.RegexMatches(batchModuleRe, "must be a system module name such as sys.datasource.rds"))},
			},
			"resources": schema.ListNestedAttribute{
				MarkdownDescription: "Packages the job uses, each with its type. Changing them replaces (re-runs) the job.",
				Optional:            true,
				NestedObject:        resourceItem,
				PlanModifiers:       replaceList,
			},
			"groups": schema.ListNestedAttribute{
				MarkdownDescription: "Packages of resource groups. A resource name in a group is not type-checked: a package of that name must exist in the group. Changing them replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replaceList,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{
						MarkdownDescription: "Group name.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"resources": schema.ListNestedAttribute{
						MarkdownDescription: "Packages of the group.",
						Optional:            true,
						NestedObject:        resourceItem,
					},
				}},
			},
			"conf": schema.MapAttribute{
				MarkdownDescription: "Spark configuration, e.g. `{ \"spark.sql.shuffle.partitions\" = \"8\" }`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers:       []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"sc_type": schema.StringAttribute{
				MarkdownDescription: "Resource specification: `A` (8 cores, 32 GB: driver 2 cores 7G, 6 executors of 1 core 4G), `B` (16 cores, 64 GB: driver 2 cores 7G, " +
					"7 executors of 2 cores 8G) or `C` (32 cores, 128 GB: driver 4 cores 15G, 14 executors of 2 cores 8G). DLI uses the smallest when unset; " +
					"the driver and executor arguments override it. Changing it replaces (re-runs) the job.",
				Optional:      true,
				PlanModifiers: replace,
				Validators:    []validator.String{stringvalidator.OneOf("A", "B", "C")},
			},
			"driver_memory": schema.StringAttribute{
				MarkdownDescription: "Driver memory with a unit, e.g. `2G` or `2048M` (without a unit the job fails to start). Overrides `sc_type`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{validators.MemorySize()},
			},
			"driver_cores": count("Driver CPU cores"),
			"executor_memory": schema.StringAttribute{
				MarkdownDescription: "Memory of each executor with a unit, e.g. `4G` or `4096M`. Overrides `sc_type`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{validators.MemorySize()},
			},
			"executor_cores": count("CPU cores of each executor"),
			"num_executors":  count("Number of executors"),
			"obs_bucket": schema.StringAttribute{
				MarkdownDescription: "OBS bucket where DLI saves the Spark job. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"auto_recovery": schema.BoolAttribute{
				MarkdownDescription: "Retry the job automatically after an abnormal failure (the job passes through state `recovering`). Defaults to `false`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"max_retry_times": schema.Int32Attribute{
				MarkdownDescription: "Maximum number of retries with `auto_recovery`: 0 to 100. Defaults to `20`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				Computed:            true,
				Default:             int32default.StaticInt32(batchDefaultMaxRetryTimes),
				PlanModifiers:       replaceInt,
				Validators:          []validator.Int32{int32validator.Between(0, 100)},
			},
			"catalog_name": schema.StringAttribute{
				MarkdownDescription: "Set to `dli` (the only value) when the job accesses DLI metadata. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.OneOf("dli")},
			},
			"feature": schema.StringAttribute{
				MarkdownDescription: "Spark image type: `basic` (DLI's base image), `ai` (DLI's AI image; container queues) or `custom` (your `image`; container queues). " +
					"DLI uses `basic` when unset. Changing it replaces (re-runs) the job.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.OneOf("basic", "ai", "custom")},
			},
			"spark_version": schema.StringAttribute{
				MarkdownDescription: "Spark version, e.g. `2.4.5` or `3.3.1`. DLI uses its default (2.3.2) when unset. Changing it replaces (re-runs) the job.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.RegexMatches(batchVersionRe, "must be a version such as 3.3.1")},
			},
			"image": schema.StringAttribute{
				MarkdownDescription: "Custom Spark image `organization/image:version`; required with, and only allowed with, `feature = \"custom\"`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.RegexMatches(batchImageRe, "must have the form organization/image:version")},
			},
			"execution_agency_urn": schema.StringAttribute{
				MarkdownDescription: "Name of the agency that authorises DLI to act for the job; needs `spark_version` 3.3.1 or later. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"wait_for": schema.StringAttribute{
				MarkdownDescription: "What apply waits for after submitting the job: `submitted` (nothing more), `running` (the job left `starting`), or `completed` " +
					"(the job ended `success`; a job ending `dead` fails the apply with its last log lines). Defaults to `completed`. " +
					"Changing it later only updates the setting.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(batchWaitCompleted),
				Validators: []validator.String{stringvalidator.OneOf(batchWaitSubmitted, batchWaitRunning, batchWaitCompleted)},
			},
			"triggers": schema.MapAttribute{
				MarkdownDescription: "Arbitrary values; any change submits a new run (replaces the job), like `terraform_data`'s `triggers_replace`, " +
					"and the plan shows a warning naming the changed keys. Use it to re-run a job when its inputs change. Not sent to DLI.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"cancel_on_destroy": schema.BoolAttribute{
				MarkdownDescription: "When the job is destroyed (or replaced) while it is still starting, running or recovering: cancel it and wait until it is `dead` (`true`, the default), " +
					"or leave it running (`false`). A finished job is never cancelled, only forgotten.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"state": schema.StringAttribute{
				MarkdownDescription: "State of the job: `starting`, `running`, `recovering`, `success` or `dead`. A finished job (`success`, `dead`) is never re-run by itself.",
				Computed:            true,
			},
			"app_id": schema.StringAttribute{
				MarkdownDescription: "Back-end (Spark) application id; null until the job runs.",
				Computed:            true,
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who submitted the job.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"proxy_user": schema.StringAttribute{
				MarkdownDescription: "Proxy user (resource tenant) of the job.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"kind": schema.StringAttribute{
				MarkdownDescription: "Job type (`spark`).",
				Computed:            true,
			},
			"effective_sc_type": schema.StringAttribute{
				MarkdownDescription: "Resource specification as DLI reports it: `A`, `B` or `C`, or `CUSTOMIZED` when driver or executor arguments override it.",
				Computed:            true,
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "When the job was submitted (RFC 3339, UTC).",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
				PlanModifiers:       keep,
			},
			"update_time": schema.StringAttribute{
				MarkdownDescription: "When the job last changed state (RFC 3339, UTC).",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
			},
			"duration": schema.Int64Attribute{
				MarkdownDescription: "How long the job has run, in milliseconds.",
				Computed:            true,
			},
			"log_tail": schema.ListAttribute{
				MarkdownDescription: "The last log records of the job (at most 10), as of the last refresh.",
				Computed:            true,
				ElementType:         types.StringType,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
}

func (r *dliBatchJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliBatchJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.CreateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	body, diags := plan.createBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	job, err := r.Client.CreateBatchJob(ctx, body)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Submitting DLI batch job on queue "+body.Queue, err)
		return
	}
	// Save the id at once: if the wait below fails, the job stays in state (tainted), so the
	// next apply replaces it (cancelling it if it still runs) instead of losing track of it.
	plan.ID = types.StringValue(job.ID)
	plan.fromJob(job, &resp.Diagnostics)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan.withUnknownsNull(), &resp.Diagnostics)

	waitErr := r.waitFor(ctx, job.ID, plan.WaitFor.ValueString())
	// Read back even after a failed wait, so that state shows the job as it is, e.g. dead.
	readDiags := framework.ReadBackAfterWait(ctx, &r.ResourceBase, &plan, r.readInto, "DLI batch job "+job.ID, func(m *dliBatchJobModel) {
		resp.Diagnostics.Append(resp.State.Set(ctx, m.withUnknownsNull())...)
	})
	if waitErr != nil {
		var dead *client.BatchJobDeadError
		if errors.As(waitErr, &dead) {
			resp.Diagnostics.AddError("DLI batch job "+job.ID+" failed",
				waitErr.Error()+"\n\nThe resource is tainted: the next apply submits the job again.")
			return
		}
		framework.APIError(&resp.Diagnostics, fmt.Sprintf("Waiting for DLI batch job %s (wait_for = %s)", job.ID, plan.WaitFor.ValueString()), waitErr)
		return
	}
	resp.Diagnostics.Append(readDiags...)
}

func (r *dliBatchJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	// A finished run that DLI no longer lists stays in state: forgetting it would re-run the job.
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, framework.KeepEnded(r.readInto,
		func(m *dliBatchJobModel) bool { return client.BatchFinished(m.State.ValueString()) },
		func(m *dliBatchJobModel) string { return "DLI batch job " + m.ID.ValueString() }))
}

// Update only records the settings that do not touch the job (wait_for, cancel_on_destroy,
// timeouts): every job argument replaces it. Nothing is written to DLI.
func (r *dliBatchJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliBatchJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = state.ID
	if !r.readInto(ctx, &plan, &resp.Diagnostics) {
		if !resp.Diagnostics.HasError() {
			plan.copyComputed(state)
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliBatchJobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliBatchJobModel
	ctx, cancel, ok := r.StartDelete(ctx, req, &state, &state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	id := state.ID.ValueString()
	current, err := r.Client.BatchJobState(ctx, id)
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Reading the state of DLI batch job "+id, err)
		return
	}
	if client.BatchFinished(current) {
		return // a finished run is simply forgotten
	}
	if !state.CancelOnDestroy.ValueBool() {
		tflog.Info(ctx, "cancel_on_destroy is false: leaving the DLI batch job running", map[string]any{"id": id, "state": current})
		return
	}
	if err := r.Client.CancelBatchJob(ctx, id); err != nil {
		framework.APIError(&resp.Diagnostics, "Cancelling DLI batch job "+id, err)
		return
	}
	_, err = r.Client.WaitForBatchJob(ctx, id, "to stop after cancel", client.BatchFinished)
	if err != nil && !client.IsNotFound(err) {
		framework.APIError(&resp.Diagnostics, "Waiting for DLI batch job "+id+" to stop", err)
	}
}

// ImportState imports a batch job by its id; every argument DLI returns is then read back.
func (r *dliBatchJobResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if !batchIDShape.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI batch job by its id (a UUID), e.g. `terraform import huaweidata_dli_batch_job.example 0a324461-d9d9-45da-a52a-3b3c7a3d809e`; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// readInto refreshes m from the job's detail; it reports false when the job is gone.
func (r *dliBatchJobResource) readInto(ctx context.Context, m *dliBatchJobModel, diags *diag.Diagnostics) bool {
	id := m.ID.ValueString()
	job, err := r.Client.ShowBatchJob(ctx, id)
	if !framework.Found(diags, "Reading DLI batch job "+id, err) {
		return false
	}
	m.fromJob(job, diags)
	return true
}
