package resources

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32default"
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
	_ resource.Resource                = (*dliSQLJobResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliSQLJobResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*dliSQLJobResource)(nil)
	_ resource.ResourceWithImportState = (*dliSQLJobResource)(nil)
)

var (
	sqlJobIDShape      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	sqlJobDatabaseName = regexp.MustCompile(`^[a-z0-9][a-z0-9_]{0,127}$`)
	sqlJobConfKey      = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)
)

// NewDLISQLJob returns the huaweidata_dli_sql_job resource. Its create timeout covers the
// run itself when wait_for is completed.
func NewDLISQLJob() resource.Resource {
	return &dliSQLJobResource{ResourceBase: framework.NewResourceBase("dli_sql_job",
		framework.Timeouts{Create: 60 * time.Minute, Delete: 10 * time.Minute})}
}

type dliSQLJobResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliSQLJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One SQL statement run as a DLI SQL job (§7.3): a deployment step such as DDL, an `INSERT OVERWRITE` backfill or " +
			"`MSCK REPAIR TABLE`, or a query whose first rows are kept in `result_preview`. A job is a run, not a long-lived object: " +
			"DLI cannot change one, so changing the statement, its queue, database, `conf`, `tags` or `triggers` submits it again " +
			"(the plan says so with a warning when `triggers` change). " +
			"**The plan checks the statement's syntax with DLI's check-sql API** when `sql` and `queue_name` are known: one API call per " +
			"job to be created, at plan time; a syntax error fails the plan. " +
			"A job that ends `FAILED` (or `CANCELLED`) while apply waits for it fails the apply with DLI's message and is left tainted, " +
			"so the next apply runs it again. Destroying a job that is still running cancels it (see `cancel_on_destroy`); a finished job " +
			"is simply forgotten. Default timeouts: `create` 60 minutes (it covers the run with `wait_for = \"completed\"`), `delete` 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The job id (a UUID), the same as `job_id`.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"job_id": schema.StringAttribute{
				MarkdownDescription: "The job id (a UUID) DLI assigned at submission.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"sql": schema.StringAttribute{
				MarkdownDescription: "The one SQL statement to run (Spark SQL; a trailing `;` is allowed). Checked at plan time (see above). Changing it submits the job again.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "SQL queue that runs the job; DLI's shared `default` queue when unset. Letters, digits and underscores, not only digits, " +
					"not starting with an underscore. Changing it submits the job again.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{validators.QueueName()},
			},
			"database_name": schema.StringAttribute{
				MarkdownDescription: "Database the statement runs in (the API's `currentdb`), for unqualified table names; lowercase letters, digits and underscores, " +
					"`default` included. Not needed when the statement qualifies its tables or creates a database. " + sqlJobReplaceDescription,
				Optional:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(sqlJobDatabaseReplace, sqlJobReplaceDescription, sqlJobReplaceDescription)},
				Validators:    []validator.String{stringvalidator.RegexMatches(sqlJobDatabaseName, "must be a lowercase database name: letters, digits and underscores, at most 128 characters")},
			},
			"conf": schema.MapAttribute{
				MarkdownDescription: "Job configuration, e.g. `{ \"spark.sql.shuffle.partitions\" = \"200\", \"dli.sql.job.timeout\" = \"600000\" }` " +
					"(keys and defaults in §7.3.3: `spark.sql.files.maxRecordsPerFile`, `spark.sql.autoBroadcastJoinThreshold`, `spark.sql.shuffle.partitions`, " +
					"`spark.sql.dynamicPartitionOverwrite.enabled`, `spark.sql.files.maxPartitionBytes`, `spark.sql.badRecordsPath`, `dli.sql.sqlasync.enabled`, " +
					"`dli.sql.job.timeout` in milliseconds). The provider sends `dli.sql.sqlasync.enabled = true` unless set here, so DDL runs asynchronously. " +
					"DLI does not return it: after an import it is taken from the configuration. " + sqlJobReplaceDescription,
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplaceIf(sqlJobMapReplace, sqlJobReplaceDescription, sqlJobReplaceDescription)},
				Validators:    []validator.Map{mapvalidator.KeysAre(stringvalidator.RegexMatches(sqlJobConfKey, "must be a configuration key such as spark.sql.shuffle.partitions"))},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags of the job (key to value; keys of 1 to 128 characters, values of at most 255). The key `terraform_request` is " +
					"reserved: the provider tags every job it submits with it, to find a job again after a lost response. Changing them submits the job again.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 128), stringvalidator.NoneOf(client.SQLJobRequestTag)),
					mapvalidator.ValueStringsAre(stringvalidator.LengthAtMost(255)),
				},
			},
			"wait_for": schema.StringAttribute{
				MarkdownDescription: "What apply waits for after submitting: `submitted` (nothing more) or `completed` (the job ended `FINISHED`; `FAILED` or " +
					"`CANCELLED` fails the apply with DLI's message). Defaults to `completed`. Changing it later only updates the setting.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(sqlJobWaitCompleted),
				Validators: []validator.String{stringvalidator.OneOf(sqlJobWaitSubmitted, sqlJobWaitCompleted)},
			},
			"triggers": schema.MapAttribute{
				MarkdownDescription: "Arbitrary values; any change submits the job again (replaces it), like `terraform_data`'s `triggers_replace`, and the " +
					"plan shows a warning naming the changed keys. Use it to re-run a step when its inputs change. Not sent to DLI " +
					"(so after an import, the first apply only records it).",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplaceIf(sqlJobMapReplace, sqlJobReplaceDescription, sqlJobReplaceDescription)},
			},
			"cancel_on_destroy": schema.BoolAttribute{
				MarkdownDescription: "When the job is destroyed (or replaced) while still `LAUNCHING` or `RUNNING`: cancel it and wait until it has ended " +
					"(`true`, the default), or leave it running (`false`). A finished job is never cancelled, only forgotten.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"preview_rows": schema.Int32Attribute{
				MarkdownDescription: "How many result rows of a query `result_preview` keeps: 0 (no preview, no call) to 100. Defaults to `10`. " +
					"Changing it updates the preview in place.",
				Optional:   true,
				Computed:   true,
				Default:    int32default.StaticInt32(sqlJobDefaultPreview),
				Validators: []validator.Int32{int32validator.Between(0, sqlJobMaxPreview)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Status of the job: `LAUNCHING`, `RUNNING`, `SCALING`, `FINISHED`, `FAILED` or `CANCELLED`.",
				Computed:            true,
			},
			"message": schema.StringAttribute{
				MarkdownDescription: "DLI's message about the job: the reason when it failed, else usually empty.",
				Computed:            true,
			},
			"job_type": schema.StringAttribute{
				MarkdownDescription: "Job type DLI derived from the statement: `DDL`, `DCL`, `IMPORT`, `EXPORT`, `QUERY`, `INSERT`, `UPDATE`, `DELETE`, ….",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who submitted the job.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"start_time": schema.StringAttribute{
				MarkdownDescription: "When the job was submitted (RFC 3339, UTC).",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
				PlanModifiers:       keep,
			},
			"end_time": schema.StringAttribute{
				MarkdownDescription: "When the job ended (RFC 3339, UTC); null while it runs.",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
			},
			"duration": schema.Int64Attribute{
				MarkdownDescription: "How long the job ran (or has run so far), in milliseconds.",
				Computed:            true,
			},
			"input_size": schema.Int64Attribute{
				MarkdownDescription: "Bytes of data the job scanned.",
				Computed:            true,
			},
			"result_count": schema.Int64Attribute{
				MarkdownDescription: "Rows in the result of a query, or rows inserted by an `INSERT`.",
				Computed:            true,
			},
			"result_preview": schema.SingleNestedAttribute{
				MarkdownDescription: "The first `preview_rows` rows of a finished query's result (DLI's preview, §7.3.6); null for other job types, " +
					"while the job runs, or with `preview_rows = 0`. Read once when the query has finished.",
				Computed: true,
				Attributes: map[string]schema.Attribute{
					"columns": schema.ListNestedAttribute{
						MarkdownDescription: "Result columns in order.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"name": schema.StringAttribute{MarkdownDescription: "Column name.", Computed: true},
							"type": schema.StringAttribute{MarkdownDescription: "Spark type, e.g. `int` or `string`.", Computed: true},
						}},
					},
					"rows": schema.ListAttribute{
						MarkdownDescription: "Rows, each a list of values in column order as strings (numbers and booleans in JSON form; null for SQL NULL).",
						Computed:            true,
						ElementType:         types.ListType{ElemType: types.StringType},
					},
				},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
}

// sqlJobImportedKey marks in private state a job imported and not updated since. DLI does
// not return conf or triggers, nor always the database the job ran in: until the first
// apply after the import, a difference in those is recorded in place instead of running
// the job again.
const sqlJobImportedKey = "imported"

const sqlJobReplaceDescription = "Changing it submits the job again (after an import, the first apply only records it)."

func sqlJobImported(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}, diags *diag.Diagnostics) bool {
	raw, d := private.GetKey(ctx, sqlJobImportedKey)
	diags.Append(d...)
	return len(raw) > 0
}

// sqlJobMapReplace replaces the job for a conf or triggers change, except right after an import.
func sqlJobMapReplace(ctx context.Context, req planmodifier.MapRequest, resp *mapplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !sqlJobImported(ctx, req.Private, &resp.Diagnostics)
}

// sqlJobDatabaseReplace replaces the job for a database_name change, except right after an import.
func sqlJobDatabaseReplace(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !sqlJobImported(ctx, req.Private, &resp.Diagnostics)
}

func (r *dliSQLJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliSQLJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.CreateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	spec := plan.spec(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	job, err := r.Client.SubmitSQL(ctx, spec)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Submitting DLI SQL job on queue "+queueOrDefault(spec.Queue), err)
		return
	}
	// Save the id at once: if the wait below fails, the job stays in state (tainted), so the
	// next apply replaces it (cancelling it if it still runs) instead of losing track of it.
	plan.ID, plan.JobID, plan.JobType = types.StringValue(job.JobID), types.StringValue(job.JobID), types.StringValue(job.JobType)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan.withUnknownsNull(), &resp.Diagnostics)

	var waitErr error
	if plan.WaitFor.ValueString() == sqlJobWaitCompleted && !strings.EqualFold(job.JobMode, "sync") {
		waitErr = r.Client.WaitForSQLJob(ctx, job.JobID)
	}
	// Read back even after a failed wait, so that state shows the job as it is, e.g. FAILED with its message.
	readDiags := framework.ReadBackAfterWait(ctx, &r.ResourceBase, &plan, r.readInto, "DLI SQL job "+job.JobID, func(m *dliSQLJobModel) {
		resp.Diagnostics.Append(resp.State.Set(ctx, m.withUnknownsNull())...)
	})
	if waitErr != nil {
		var ended *client.SQLJobEndedError
		if errors.As(waitErr, &ended) {
			resp.Diagnostics.AddError(fmt.Sprintf("DLI SQL job %s ended %s", job.JobID, ended.Status),
				fmt.Sprintf("%s\n\nThe resource is tainted: the next apply submits the job again.", ended.Message))
			return
		}
		framework.APIError(&resp.Diagnostics, "Waiting for DLI SQL job "+job.JobID+" to finish", waitErr)
		return
	}
	resp.Diagnostics.Append(readDiags...)
}

func (r *dliSQLJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	// An ended job that DLI no longer lists stays in state: forgetting it would run the statement again.
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, framework.KeepEnded(r.readInto,
		func(m *dliSQLJobModel) bool { return client.SQLJobEnded(m.Status.ValueString()) },
		func(m *dliSQLJobModel) string { return "DLI SQL job " + m.ID.ValueString() }))
}

// Update only records the settings that do not touch the job (wait_for, cancel_on_destroy,
// preview_rows, timeouts): every job argument replaces it. A new preview_rows reads the
// preview again.
func (r *dliSQLJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliSQLJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = state.ID
	plan.ResultPreview = state.ResultPreview
	if !plan.PreviewRows.Equal(state.PreviewRows) {
		plan.ResultPreview = types.ObjectNull(sqlResultPreviewType.AttrTypes)
	}
	if !r.readInto(ctx, &plan, &resp.Diagnostics) && !resp.Diagnostics.HasError() {
		resp.Diagnostics.AddError("DLI SQL job "+state.ID.ValueString()+" not found", "The job is no longer known to DLI.")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, sqlJobImportedKey, nil)...) // conf, triggers and database_name are recorded now
}

func (r *dliSQLJobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliSQLJobModel
	ctx, cancel, ok := r.StartDelete(ctx, req, &state, &state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	id := state.ID.ValueString()
	st, err := r.Client.ShowSQLJobStatus(ctx, id)
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Reading the status of DLI SQL job "+id, err)
		return
	}
	if client.SQLJobEnded(st.Status) {
		return // an ended job is simply forgotten
	}
	if !state.CancelOnDestroy.ValueBool() {
		tflog.Info(ctx, "cancel_on_destroy is false: leaving the DLI SQL job running", map[string]any{"id": id, "status": st.Status})
		return
	}
	if err := r.Client.CancelSQLJob(ctx, id); err != nil && !client.IsNotFound(err) {
		// It may have ended between the status read and the cancel: then there is nothing to do.
		if st, rerr := r.Client.ShowSQLJobStatus(ctx, id); rerr != nil || !client.SQLJobEnded(st.Status) {
			framework.APIError(&resp.Diagnostics, "Cancelling DLI SQL job "+id, err)
			return
		}
	}
	var ended *client.SQLJobEndedError
	if err := r.Client.WaitForSQLJob(ctx, id); err != nil && !errors.As(err, &ended) && !client.IsNotFound(err) {
		framework.APIError(&resp.Diagnostics, "Waiting for DLI SQL job "+id+" to end after cancel", err)
	}
}

// ImportState imports a job by its id; the statement, queue, tags and results are read back.
func (r *dliSQLJobResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if !sqlJobIDShape.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI SQL job by its job id (a UUID), e.g. `terraform import huaweidata_dli_sql_job.example 95fcc908-9f1b-446c-8643-5653891d9fd9`; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, sqlJobImportedKey, []byte("true"))...)
}

// readInto refreshes m from the job's status, and reads the result preview of a finished
// query once; it reports false when the job is gone.
func (r *dliSQLJobResource) readInto(ctx context.Context, m *dliSQLJobModel, diags *diag.Diagnostics) bool {
	id := m.ID.ValueString()
	st, err := r.Client.ShowSQLJobStatus(ctx, id)
	if !framework.Found(diags, "Reading DLI SQL job "+id, err) {
		return false
	}
	m.fromStatus(st, diags)
	if !m.needsPreview() {
		if m.ResultPreview.IsUnknown() {
			m.ResultPreview = types.ObjectNull(sqlResultPreviewType.AttrTypes)
		}
		return true
	}
	rows := int(m.PreviewRows.ValueInt32())
	res, err := r.Client.PreviewSQLJobResult(ctx, id, rows)
	if err != nil {
		// The result may have expired on DLI's side; the job itself is fine.
		diags.AddWarning("Cannot read the result preview of DLI SQL job "+id, err.Error())
		m.ResultPreview = types.ObjectNull(sqlResultPreviewType.AttrTypes)
		return true
	}
	m.ResultPreview = previewValue(res, rows, diags)
	return true
}

func queueOrDefault(q string) string {
	if q == "" {
		return sqlJobDefaultQueueName
	}
	return q
}
