package actions

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ action.ActionWithConfigure      = (*dliBatchJobRunAction)(nil)
	_ action.ActionWithValidateConfig = (*dliBatchJobRunAction)(nil)
)

// NewDLIBatchJobRun returns the huaweidata_dli_batch_job_run action.
func NewDLIBatchJobRun() action.Action {
	return &dliBatchJobRunAction{ActionBase: framework.NewActionBase("dli_batch_job_run", 2*time.Hour)}
}

type dliBatchJobRunAction struct {
	framework.ActionBase
}

type dliBatchJobRunModel struct {
	QueueName      types.String         `tfsdk:"queue_name"`
	Name           types.String         `tfsdk:"name"`
	File           types.String         `tfsdk:"file"`
	ClassName      types.String         `tfsdk:"class_name"`
	Args           types.List           `tfsdk:"args"`
	Jars           types.List           `tfsdk:"jars"`
	PythonFiles    types.List           `tfsdk:"python_files"`
	Files          types.List           `tfsdk:"files"`
	Conf           types.Map            `tfsdk:"conf"`
	ScType         types.String         `tfsdk:"sc_type"`
	DriverMemory   types.String         `tfsdk:"driver_memory"`
	DriverCores    types.Int32          `tfsdk:"driver_cores"`
	ExecutorMemory types.String         `tfsdk:"executor_memory"`
	ExecutorCores  types.Int32          `tfsdk:"executor_cores"`
	NumExecutors   types.Int32          `tfsdk:"num_executors"`
	Wait           types.Bool           `tfsdk:"wait"`
	Timeout        timetypes.GoDuration `tfsdk:"timeout"`
}

func (a *dliBatchJobRunAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	packages := func(what string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: what + ": OBS paths (`obs://bucket/path`) or `group/package` names of uploaded packages.",
			Optional:            true,
			ElementType:         types.StringType,
			Validators:          []validator.List{listvalidator.ValueStringsAre(validators.PackageRef())},
		}
	}
	count := func(what string) schema.Int32Attribute {
		return schema.Int32Attribute{
			MarkdownDescription: what + " (at least 1). Overrides `sc_type`.",
			Optional:            true,
			Validators:          []validator.Int32{int32validator.AtLeast(1)},
		}
	}
	memory := func(what string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: what + " with a unit, e.g. `2G` or `2048M`. Overrides `sc_type`.",
			Optional:            true,
			Validators:          []validator.String{validators.MemorySize()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Submits a Spark batch job to a DLI queue now and, unless `wait = false`, waits until it " +
			"has finished, reporting its state changes as progress. A run that ends `dead` fails the invocation with the " +
			"last lines of the job's log. Every invocation submits a new run; Terraform keeps no state of it. Use it for " +
			"runs triggered by a change (`lifecycle { action_trigger { ... } }`) or by hand " +
			"(`terraform apply -invoke=action.huaweidata_dli_batch_job_run.<name>`); a job whose run Terraform should " +
			"track belongs in the `huaweidata_dli_batch_job` resource.",
		Attributes: map[string]schema.Attribute{
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "The general-purpose queue that runs the job.",
				Required:            true,
				Validators:          []validator.String{validators.QueueName()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the run, at most 128 characters, shown in the DLI console.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.UTF8LengthAtMost(128)},
			},
			"file": schema.StringAttribute{
				MarkdownDescription: "The main JAR or Python file: an OBS path (`obs://bucket/path`) or a `group/package` name.",
				Required:            true,
				Validators:          []validator.String{validators.PackageRef()},
			},
			"class_name": schema.StringAttribute{
				MarkdownDescription: "Java/Spark main class, e.g. `org.apache.spark.examples.SparkPi`. Required unless `file` is a Python file (ending in `.py`).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"args": schema.ListAttribute{
				MarkdownDescription: "Arguments passed to the main class or script, in order.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"jars":         packages("Extra JARs on the class path"),
			"python_files": packages("Extra Python files (`.py`, `.zip`, `.egg`)"),
			"files":        packages("Other files shipped to the job's working directory"),
			"conf": schema.MapAttribute{
				MarkdownDescription: "Spark configuration, e.g. `{ \"spark.sql.shuffle.partitions\" = \"16\" }`.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"sc_type": schema.StringAttribute{
				MarkdownDescription: "Resource specification: `A` (8 cores, 32 GB: driver 2 cores 7G, 6 executors of 1 core 4G), " +
					"`B` (16 cores, 64 GB: driver 2 cores 7G, 7 executors of 2 cores 8G) or `C` (32 cores, 128 GB: driver 4 cores 15G, " +
					"14 executors of 2 cores 8G). DLI uses the smallest when unset; the driver and executor arguments override it.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf("A", "B", "C")},
			},
			"driver_memory":   memory("Driver memory"),
			"driver_cores":    count("Driver CPU cores"),
			"executor_memory": memory("Memory of each executor"),
			"executor_cores":  count("CPU cores of each executor"),
			"num_executors":   count("Number of executors"),
			"wait": schema.BoolAttribute{
				MarkdownDescription: "Whether the invocation waits until the run has finished (`success`, or `dead`: an " +
					"error). Defaults to `true`; `false` returns once DLI has accepted the job.",
				Optional: true,
			},
			"timeout": a.TimeoutAttribute(),
		},
	}
}

// ValidateConfig checks, at plan, that a job that is not a Python script names its main class.
func (a *dliBatchJobRunAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var file, className types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("file"), &file)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("class_name"), &className)...)
	if resp.Diagnostics.HasError() || file.IsUnknown() || className.IsUnknown() || !className.IsNull() {
		return
	}
	if f := file.ValueString(); !strings.HasSuffix(strings.ToLower(f), ".py") {
		resp.Diagnostics.AddAttributeError(path.Root("class_name"), "Missing class_name",
			fmt.Sprintf("class_name is required: file %q is not a Python file (ending in .py), so the job needs its main class.", f))
	}
}

func (a *dliBatchJobRunAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m dliBatchJobRunModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	body := m.request(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := a.Invocation(ctx, m.Timeout, resp)
	defer cancel()
	job, err := a.Client.CreateBatchJob(ctx, body)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Submitting a Spark batch job to DLI queue "+body.Queue, err)
		return
	}
	framework.Progress(resp, "Submitted batch job %s to queue %s (state %s)", job.ID, body.Queue, job.State)
	if !m.Wait.IsNull() && !m.Wait.ValueBool() {
		return
	}
	// A run that ends dead fails the wait with the last lines of its log.
	state, err := a.Client.WaitForBatchJob(ctx, job.ID, "to finish", func(s string) bool { return s == client.BatchSuccess })
	if err != nil {
		framework.APIError(&resp.Diagnostics, fmt.Sprintf("Running Spark batch job %s on DLI queue %s", job.ID, body.Queue), err)
		return
	}
	framework.Progress(resp, "Batch job %s finished: %s", job.ID, state)
}

// request is the create body of the configured run.
func (m *dliBatchJobRunModel) request(ctx context.Context, diags *diag.Diagnostics) *client.BatchJobRequest {
	body := &client.BatchJobRequest{
		Queue:          m.QueueName.ValueString(),
		Name:           flex.StringPointer(m.Name),
		File:           m.File.ValueString(),
		ClassName:      m.ClassName.ValueString(),
		Args:           flex.StringList(ctx, m.Args, diags),
		Jars:           flex.StringList(ctx, m.Jars, diags),
		PythonFiles:    flex.StringList(ctx, m.PythonFiles, diags),
		Files:          flex.StringList(ctx, m.Files, diags),
		ScType:         flex.StringPointer(m.ScType),
		DriverMemory:   flex.StringPointer(m.DriverMemory),
		DriverCores:    flex.Int32Pointer(m.DriverCores),
		ExecutorMemory: flex.StringPointer(m.ExecutorMemory),
		ExecutorCores:  flex.Int32Pointer(m.ExecutorCores),
		NumExecutors:   flex.Int32Pointer(m.NumExecutors),
	}
	if !m.Conf.IsNull() {
		diags.Append(m.Conf.ElementsAs(ctx, &body.Conf, false)...)
	}
	return body
}
