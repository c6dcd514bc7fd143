package resources

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

var (
	_ resource.Resource                   = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithConfigure      = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithValidateConfig = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithImportState    = (*dliBatchJobResource)(nil)
)

// Batch job timeouts: create covers the run itself when wait_for is completed.
const (
	batchJobCreateTimeout = 60 * time.Minute
	batchJobDeleteTimeout = 10 * time.Minute
)

// What apply waits for (wait_for).
const (
	batchWaitSubmitted = "submitted"
	batchWaitRunning   = "running"
	batchWaitCompleted = "completed"
)

// NewDLIBatchJob returns the huaweidata_dli_batch_job resource.
func NewDLIBatchJob() resource.Resource { return &dliBatchJobResource{} }

type dliBatchJobResource struct {
	client *client.Client
}

func (r *dliBatchJobResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dli_batch_job"
}

func (r *dliBatchJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	replaceList := []planmodifier.List{listplanmodifier.RequiresReplace()}
	replaceInt := []planmodifier.Int64{int64planmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resourceItem := schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"name": schema.StringAttribute{
			MarkdownDescription: "Package name in DLI resource management (for a group, the name within the group), or an OBS path `obs://bucket/object`.",
			Required:            true,
			Validators:          []validator.String{batchPackage()},
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "Package type: `jar`, `pyFile`, `file` or `modelFile`.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf(batchResourceTypes...)},
		},
	}}
	packages := func(what string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: what + ": package names uploaded to DLI resource management, or OBS paths `obs://bucket/object`. Changing it replaces (re-runs) the job.",
			Optional:            true,
			ElementType:         types.StringType,
			PlanModifiers:       replaceList,
			Validators:          []validator.List{listvalidator.ValueStringsAre(batchPackage())},
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
				Validators:          []validator.String{queueName()},
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
				Validators:          []validator.String{batchPackage()},
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
				Validators:          []validator.String{batchMemory()},
			},
			"driver_cores": schema.Int64Attribute{
				MarkdownDescription: "Driver CPU cores (at least 1). Overrides `sc_type`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replaceInt,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"executor_memory": schema.StringAttribute{
				MarkdownDescription: "Memory of each executor with a unit, e.g. `4G` or `4096M`. Overrides `sc_type`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{batchMemory()},
			},
			"executor_cores": schema.Int64Attribute{
				MarkdownDescription: "CPU cores of each executor (at least 1). Overrides `sc_type`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replaceInt,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"num_executors": schema.Int64Attribute{
				MarkdownDescription: "Number of executors (at least 1). Overrides `sc_type`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				PlanModifiers:       replaceInt,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
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
			"max_retry_times": schema.Int64Attribute{
				MarkdownDescription: "Maximum number of retries with `auto_recovery`: 0 to 100. Defaults to `20`. Changing it replaces (re-runs) the job.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(20),
				PlanModifiers:       replaceInt,
				Validators:          []validator.Int64{int64validator.Between(0, 100)},
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
				MarkdownDescription: "Arbitrary values; any change submits a new run (replaces the job), like `terraform_data`'s `triggers_replace`. " +
					"Use it to re-run a job when its inputs change. Not sent to DLI.",
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
				Computed:            true,
				PlanModifiers:       keep,
			},
			"update_time": schema.StringAttribute{
				MarkdownDescription: "When the job last changed state (RFC 3339, UTC).",
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
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true}),
		},
	}
}

func (r *dliBatchJobResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks the combinations the API documents (§10.1.1 and the SDK).
func (r *dliBatchJobResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m dliBatchJobModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	known := func(v types.String) bool { return !v.IsUnknown() }
	if known(m.File) && known(m.ClassName) && m.ClassName.IsNull() && !strings.HasSuffix(strings.ToLower(m.File.ValueString()), ".py") {
		resp.Diagnostics.AddAttributeError(path.Root("class_name"), "Missing class_name",
			fmt.Sprintf("class_name is required: file %q is not a Python file (ending in .py), so the job needs its main class.", m.File.ValueString()))
	}
	if known(m.Feature) && known(m.Image) {
		custom := m.Feature.ValueString() == "custom"
		switch {
		case custom && m.Image.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("image"), "Missing image", `image is required when feature is "custom".`)
		case !custom && !m.Image.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("image"), "image needs feature = \"custom\"",
				`image is only used with feature = "custom"; set feature = "custom" or remove image.`)
		}
	}
	if !m.ExecutionAgencyURN.IsNull() && known(m.SparkVersion) {
		if v := m.SparkVersion.ValueString(); m.SparkVersion.IsNull() || batchVersionLess(v, "3.3.1") {
			resp.Diagnostics.AddAttributeError(path.Root("execution_agency_urn"), "execution_agency_urn needs Spark 3.3.1",
				fmt.Sprintf("execution_agency_urn is supported from spark_version 3.3.1 on; spark_version is %q.", v))
		}
	}
}

func (r *dliBatchJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliBatchJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, batchJobCreateTimeout, &resp.Diagnostics)
	defer cancel()
	body, diags := plan.createBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	job, err := r.client.CreateBatchJob(ctx, body)
	if err != nil {
		apiError(&resp.Diagnostics, "Submitting DLI batch job on queue "+body.Queue, err)
		return
	}
	// Save the id at once: if the wait below fails, the job stays in state (tainted), so the
	// next apply replaces it (cancelling it if it still runs) instead of losing track of it.
	plan.ID = types.StringValue(job.ID)
	plan.fromJob(job, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)

	waitErr := r.waitFor(ctx, job.ID, plan.WaitFor.ValueString())
	// Refresh even after a failed wait so that state shows the job as it is (e.g. dead).
	readCtx, readCancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer readCancel()
	var readDiags diag.Diagnostics
	if r.readInto(readCtx, &plan, &readDiags) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)
	}
	if waitErr != nil {
		var dead *client.BatchJobDeadError
		if errors.As(waitErr, &dead) {
			resp.Diagnostics.AddError("DLI batch job "+job.ID+" failed",
				waitErr.Error()+"\n\nThe resource is tainted: the next apply submits the job again.")
			return
		}
		apiError(&resp.Diagnostics, fmt.Sprintf("Waiting for DLI batch job %s (wait_for = %s)", job.ID, plan.WaitFor.ValueString()), waitErr)
		return
	}
	resp.Diagnostics.Append(readDiags...)
}

// waitFor waits until the job reaches what wait_for asks for.
func (r *dliBatchJobResource) waitFor(ctx context.Context, id, waitFor string) error {
	switch waitFor {
	case batchWaitRunning:
		_, err := r.client.WaitForBatchJob(ctx, id, "to start running", func(s string) bool {
			return s == client.BatchRunning || s == client.BatchRecovering || s == client.BatchSuccess
		})
		return err
	case batchWaitCompleted:
		_, err := r.client.WaitForBatchJob(ctx, id, "to complete", func(s string) bool { return s == client.BatchSuccess })
		return err
	}
	return nil
}

func (r *dliBatchJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state dliBatchJobModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if found := r.readInto(ctx, &state, &resp.Diagnostics); !found {
		if resp.Diagnostics.HasError() {
			return
		}
		if client.BatchFinished(state.State.ValueString()) {
			// DLI keeps batch history for a limited time. A finished run that has aged out
			// is still the run this resource stands for: forgetting it would re-run the job.
			tflog.Info(ctx, "finished DLI batch job no longer listed by DLI; keeping it in state", map[string]any{"id": state.ID.ValueString()})
			return
		}
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update only records the settings that do not touch the job (wait_for, cancel_on_destroy,
// timeouts): every job argument replaces it.
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
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, batchJobDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	id := state.ID.ValueString()
	current, err := r.client.BatchJobState(ctx, id)
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		apiError(&resp.Diagnostics, "Reading the state of DLI batch job "+id, err)
		return
	}
	if client.BatchFinished(current) {
		return // a finished run is simply forgotten
	}
	if !state.CancelOnDestroy.ValueBool() {
		tflog.Info(ctx, "cancel_on_destroy is false: leaving the DLI batch job running", map[string]any{"id": id, "state": current})
		return
	}
	if err := r.client.CancelBatchJob(ctx, id); err != nil {
		apiError(&resp.Diagnostics, "Cancelling DLI batch job "+id, err)
		return
	}
	_, err = r.client.WaitForBatchJob(ctx, id, "to stop after cancel", client.BatchFinished)
	if err != nil && !client.IsNotFound(err) {
		apiError(&resp.Diagnostics, "Waiting for DLI batch job "+id+" to stop", err)
	}
}

var batchIDShape = regexp.MustCompile(`^[A-Fa-f0-9][A-Fa-f0-9_-]*$`)

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
	job, err := r.client.ShowBatchJob(ctx, id)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		apiError(diags, "Reading DLI batch job "+id, err)
		return false
	}
	m.fromJob(job, diags)
	return true
}

// dliBatchJobModel is the Terraform state of huaweidata_dli_batch_job.
type dliBatchJobModel struct {
	ID                 types.String   `tfsdk:"id"`
	QueueName          types.String   `tfsdk:"queue_name"`
	Name               types.String   `tfsdk:"name"`
	File               types.String   `tfsdk:"file"`
	ClassName          types.String   `tfsdk:"class_name"`
	Args               types.List     `tfsdk:"args"`
	Jars               types.List     `tfsdk:"jars"`
	PythonFiles        types.List     `tfsdk:"python_files"`
	Files              types.List     `tfsdk:"files"`
	Modules            types.List     `tfsdk:"modules"`
	Resources          types.List     `tfsdk:"resources"`
	Groups             types.List     `tfsdk:"groups"`
	Conf               types.Map      `tfsdk:"conf"`
	ScType             types.String   `tfsdk:"sc_type"`
	DriverMemory       types.String   `tfsdk:"driver_memory"`
	DriverCores        types.Int64    `tfsdk:"driver_cores"`
	ExecutorMemory     types.String   `tfsdk:"executor_memory"`
	ExecutorCores      types.Int64    `tfsdk:"executor_cores"`
	NumExecutors       types.Int64    `tfsdk:"num_executors"`
	ObsBucket          types.String   `tfsdk:"obs_bucket"`
	AutoRecovery       types.Bool     `tfsdk:"auto_recovery"`
	MaxRetryTimes      types.Int64    `tfsdk:"max_retry_times"`
	CatalogName        types.String   `tfsdk:"catalog_name"`
	Feature            types.String   `tfsdk:"feature"`
	SparkVersion       types.String   `tfsdk:"spark_version"`
	Image              types.String   `tfsdk:"image"`
	ExecutionAgencyURN types.String   `tfsdk:"execution_agency_urn"`
	WaitFor            types.String   `tfsdk:"wait_for"`
	Triggers           types.Map      `tfsdk:"triggers"`
	CancelOnDestroy    types.Bool     `tfsdk:"cancel_on_destroy"`
	State              types.String   `tfsdk:"state"`
	AppID              types.String   `tfsdk:"app_id"`
	Owner              types.String   `tfsdk:"owner"`
	ProxyUser          types.String   `tfsdk:"proxy_user"`
	Kind               types.String   `tfsdk:"kind"`
	EffectiveScType    types.String   `tfsdk:"effective_sc_type"`
	CreateTime         types.String   `tfsdk:"create_time"`
	UpdateTime         types.String   `tfsdk:"update_time"`
	Duration           types.Int64    `tfsdk:"duration"`
	LogTail            types.List     `tfsdk:"log_tail"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// createBody maps the plan to the §10.1.1 request body.
func (m dliBatchJobModel) createBody(ctx context.Context) (*client.BatchJobRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	strs := func(l types.List) []string { return batchStrings(ctx, l, &diags) }
	b := &client.BatchJobRequest{
		File:               m.File.ValueString(),
		ClassName:          m.ClassName.ValueString(),
		Queue:              m.QueueName.ValueString(),
		Args:               strs(m.Args),
		ScType:             knownString(m.ScType),
		Jars:               strs(m.Jars),
		PythonFiles:        strs(m.PythonFiles),
		Files:              strs(m.Files),
		Modules:            strs(m.Modules),
		Name:               knownString(m.Name),
		DriverMemory:       knownString(m.DriverMemory),
		DriverCores:        batchInt32(m.DriverCores),
		ExecutorMemory:     knownString(m.ExecutorMemory),
		ExecutorCores:      batchInt32(m.ExecutorCores),
		NumExecutors:       batchInt32(m.NumExecutors),
		ObsBucket:          knownString(m.ObsBucket),
		AutoRecovery:       m.AutoRecovery.ValueBoolPointer(),
		MaxRetryTimes:      batchInt32(m.MaxRetryTimes),
		CatalogName:        knownString(m.CatalogName),
		Feature:            knownString(m.Feature),
		SparkVersion:       knownString(m.SparkVersion),
		Image:              knownString(m.Image),
		ExecutionAgencyURN: knownString(m.ExecutionAgencyURN),
	}
	if b.Name != nil && *b.Name == "" {
		b.Name = nil
	}
	if !m.Conf.IsNull() && !m.Conf.IsUnknown() {
		diags.Append(m.Conf.ElementsAs(ctx, &b.Conf, false)...)
	}
	b.Resources = batchResourcesFrom(ctx, m.Resources, &diags)
	if !m.Groups.IsNull() && !m.Groups.IsUnknown() {
		var groups []batchGroupModel
		diags.Append(m.Groups.ElementsAs(ctx, &groups, false)...)
		for _, g := range groups {
			b.Groups = append(b.Groups, client.BatchGroup{Name: g.Name.ValueString(), Resources: batchResourcesFrom(ctx, g.Resources, &diags)})
		}
	}
	return b, diags
}

// fromJob copies what detail (or create) returns. The submitted arguments come back only in
// req_body, from services that return it; without it the arguments stay as they are.
func (m *dliBatchJobModel) fromJob(j *client.BatchJob, diags *diag.Diagnostics) {
	m.ID = types.StringValue(j.ID)
	if q := j.QueueName(); q != "" {
		m.QueueName = types.StringValue(strings.ToLower(q))
	}
	m.Name = types.StringValue(j.Name)
	m.State = types.StringValue(j.State)
	m.AppID = batchOptional(string(j.AppID), types.StringNull())
	m.Owner = types.StringValue(j.Owner)
	m.ProxyUser = types.StringValue(j.ProxyUser)
	m.Kind = types.StringValue(j.Kind)
	m.EffectiveScType = types.StringValue(j.ScType)
	m.CreateTime = types.StringValue(rfc3339FromMillis(j.CreateTime))
	m.UpdateTime = types.StringValue(rfc3339FromMillis(j.UpdateTime))
	m.Duration = types.Int64Value(j.Duration)
	m.LogTail = batchList(j.Log, types.ListValueMust(types.StringType, nil))
	if j.Feature != "" {
		m.Feature = types.StringValue(j.Feature)
	}
	if j.SparkVersion != "" {
		m.SparkVersion = types.StringValue(j.SparkVersion)
	}
	if j.ReqBody != "" {
		m.fromReqBody(j.ReqBody, diags)
	}
	if m.WaitFor.IsNull() { // imported
		m.WaitFor = types.StringValue(batchWaitCompleted)
	}
	if m.CancelOnDestroy.IsNull() {
		m.CancelOnDestroy = types.BoolValue(true)
	}
	if m.AutoRecovery.IsNull() {
		m.AutoRecovery = types.BoolValue(false)
	}
	if m.MaxRetryTimes.IsNull() {
		m.MaxRetryTimes = types.Int64Value(20)
	}
	if m.Name.IsNull() {
		m.Name = types.StringValue("")
	}
}

// copyComputed copies the values only DLI sets from other.
func (m *dliBatchJobModel) copyComputed(o dliBatchJobModel) {
	m.State, m.AppID, m.Owner, m.ProxyUser, m.Kind = o.State, o.AppID, o.Owner, o.ProxyUser, o.Kind
	m.EffectiveScType, m.CreateTime, m.UpdateTime, m.Duration, m.LogTail = o.EffectiveScType, o.CreateTime, o.UpdateTime, o.Duration, o.LogTail
	m.Feature, m.SparkVersion = o.Feature, o.SparkVersion
}

// withUnknownsNull returns m with every value not known yet set to null, for the state saved
// right after the submission.
func (m dliBatchJobModel) withUnknownsNull() dliBatchJobModel {
	for _, s := range []*types.String{&m.Feature, &m.SparkVersion, &m.State, &m.AppID, &m.Owner, &m.ProxyUser, &m.Kind, &m.EffectiveScType, &m.CreateTime, &m.UpdateTime} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.Duration.IsUnknown() {
		m.Duration = types.Int64Null()
	}
	if m.LogTail.IsUnknown() {
		m.LogTail = types.ListNull(types.StringType)
	}
	return m
}

// batchResourceModel is an item of resources and groups[].resources.
type batchResourceModel struct {
	Name types.String `tfsdk:"name"`
	Type types.String `tfsdk:"type"`
}

// batchGroupModel is an item of groups.
type batchGroupModel struct {
	Name      types.String `tfsdk:"name"`
	Resources types.List   `tfsdk:"resources"`
}

var (
	batchResourceType = types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "type": types.StringType}}
	batchGroupType    = types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "resources": types.ListType{ElemType: batchResourceType}}}
)

func batchResourcesFrom(ctx context.Context, l types.List, diags *diag.Diagnostics) []client.BatchResource {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	var items []batchResourceModel
	diags.Append(l.ElementsAs(ctx, &items, false)...)
	out := make([]client.BatchResource, 0, len(items))
	for _, it := range items {
		out = append(out, client.BatchResource{Name: it.Name.ValueString(), Type: it.Type.ValueString()})
	}
	return out
}

func batchStrings(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}

func batchInt32(v types.Int64) *int32 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := int32(v.ValueInt64())
	return &n
}

func batchVersionLess(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		var x, y int
		if i < len(as) {
			fmt.Sscan(as[i], &x)
		}
		if i < len(bs) {
			fmt.Sscan(bs[i], &y)
		}
		if x != y {
			return x < y
		}
	}
	return false
}
