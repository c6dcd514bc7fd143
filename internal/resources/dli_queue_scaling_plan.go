package resources

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                = (*dliQueueScalingPlanResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliQueueScalingPlanResource)(nil)
	_ resource.ResourceWithImportState = (*dliQueueScalingPlanResource)(nil)
)

// NewDLIQueueScalingPlan returns the huaweidata_dli_queue_scaling_plan resource.
func NewDLIQueueScalingPlan() resource.Resource {
	return &dliQueueScalingPlanResource{ResourceBase: framework.NewResourceBase("dli_queue_scaling_plan",
		framework.Timeouts{Delete: 5 * time.Minute})}
}

type dliQueueScalingPlanResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliQueueScalingPlanResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	timestamp := func(what string, more ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: what + " (RFC 3339, e.g. `2026-01-01T00:00:00+08:00`; DLI keeps it to the millisecond). " +
				"Unset: no bound. Updated in place.",
			CustomType: timetypes.RFC3339Type{},
			Optional:   true,
			Validators: more,
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A scheduled scaling plan of a DLI queue: at `start_hour`:`start_minute` on each of `repeat_days` " +
			"(or once, at the next such time, when `repeat_days` is empty), while `activate` is true and within " +
			"`valid_date_begin`..`valid_date_end`, DLI scales the queue to `target_cu`. A queue can have several plans " +
			"(e.g. scale out on weekday mornings, scale in at night). DLI does not state the time zone of the schedule: " +
			"it is the region's. Every argument except `queue_name` is changed in place. Because the plans change the " +
			"queue's CUs, give the `huaweidata_dli_queue` resource `lifecycle { ignore_changes = [cu_count] }`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<queue_name>/<plan_id>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"plan_id": schema.Int64Attribute{
				MarkdownDescription: "The plan's numeric id, assigned by DLI.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "Name of the queue the plan scales (lowercase letters, digits and underscores, starting with a letter; " +
					"1 to 128 characters). Changing it replaces the plan.",
				Required:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{validators.QueueName()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Plan name, unique within the queue: letters, digits and underscores, not only digits, " +
					"not starting with an underscore (at most 128 characters). Updated in place.",
				Required:   true,
				Validators: []validator.String{validators.VariableName()},
			},
			"target_cu": schema.Int32Attribute{
				MarkdownDescription: "CUs the queue is scaled to when the plan runs: a multiple of 16, at least 16 (the queue's scaling unit). Updated in place.",
				Required:            true,
				Validators:          []validator.Int32{int32validator.AtLeast(16), validators.Int32MultipleOf(16)},
			},
			"start_hour": schema.Int32Attribute{
				MarkdownDescription: "Hour the plan runs at, `0` to `23` (24-hour clock). Updated in place.",
				Required:            true,
				Validators:          []validator.Int32{int32validator.Between(0, 23)},
			},
			"start_minute": schema.Int32Attribute{
				MarkdownDescription: "Minute the plan runs at, `0` to `59`. Updated in place.",
				Required:            true,
				Validators:          []validator.Int32{int32validator.Between(0, 59)},
			},
			"repeat_days": schema.SetAttribute{
				MarkdownDescription: "Days the plan runs on: any of `MONDAY`, `TUESDAY`, `WEDNESDAY`, `THURSDAY`, `FRIDAY`, `SATURDAY`, " +
					"`SUNDAY` (uppercase). Empty (the default): the plan runs once, at the next `start_hour`:`start_minute` " +
					"after it is created or changed. Updated in place.",
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				Default:     setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{})),
				Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(planWeekDays...))},
			},
			"valid_date_begin": timestamp("Start of the period in which the plan runs"),
			"valid_date_end": timestamp("End of the period in which the plan runs; after `valid_date_begin`, and with "+
				"`repeat_days` the period must hold one of them at the start time (else the plan never runs and DLI rejects it)",
				validators.EndsAfter(path.MatchRoot("valid_date_begin"))),
			"activate": schema.BoolAttribute{
				MarkdownDescription: "Whether the plan is active; an inactive plan is kept but does not run. Defaults to `true`. Updated in place.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"last_execute_time": schema.StringAttribute{
				MarkdownDescription: "When the plan last ran (RFC 3339, UTC); null until it has run.",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
			},
		},
		Blocks: map[string]schema.Block{"timeouts": r.Timeouts.Block(ctx)},
	}
}

func (r *dliQueueScalingPlanResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliQueueScalingPlanModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	body, diags := plan.requestBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	queue, what := plan.QueueName.ValueString(), planWhat(plan)
	if err := r.Client.CreateQueuePlan(ctx, queue, body); err != nil {
		framework.APIError(&resp.Diagnostics, "Creating "+what, err)
		return
	}
	// DLI answers without the plan's id: the plan is saved now, known by its name, so that a
	// failed look-up of the id leaves it in state (tainted), never orphaned.
	plan.ID, plan.PlanID, plan.LastExecuteTime = types.StringNull(), types.Int64Null(), timetypes.NewRFC3339Null()
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, what, &resp.State, &resp.Diagnostics)
}

func (r *dliQueueScalingPlanResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto refreshes m from the queue's shared plan listing, by id (or, while the id is
// not known yet, by name); it reports false when the plan or its queue is gone.
func (r *dliQueueScalingPlanResource) readInto(ctx context.Context, m *dliQueueScalingPlanModel, diags *diag.Diagnostics) bool {
	queue := m.QueueName.ValueString()
	var (
		p   *model.QueuePlan
		err error
	)
	if flex.IsKnown(m.PlanID) {
		p, err = r.Client.GetQueuePlan(ctx, queue, m.PlanID.ValueInt64())
	} else {
		p, err = r.Client.GetQueuePlanByName(ctx, queue, m.Name.ValueString())
	}
	if !framework.Found(diags, "Reading "+planWhat(*m), err) {
		return false
	}
	m.setFrom(queue, p, diags)
	return !diags.HasError()
}

func (r *dliQueueScalingPlanResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliQueueScalingPlanModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	body, diags := plan.requestBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	what := planWhat(state)
	if err := r.Client.UpdateQueuePlan(ctx, state.QueueName.ValueString(), state.PlanID.ValueInt64(), body); err != nil {
		framework.APIError(&resp.Diagnostics, "Updating "+what, err)
		return
	}
	plan.ID, plan.PlanID = state.ID, state.PlanID
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, what, &resp.State, &resp.Diagnostics)
}

func (r *dliQueueScalingPlanResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliQueueScalingPlanModel
	ctx, cancel, ok := r.StartDelete(ctx, req, &state, &state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	queue, what := state.QueueName.ValueString(), planWhat(state)
	if !flex.IsKnown(state.PlanID) { // a plan whose id was never read: find it by name
		if !r.readInto(ctx, &state, &resp.Diagnostics) {
			return
		}
	}
	id := state.PlanID.ValueInt64()
	framework.DeleteAndWait(ctx, what,
		func(ctx context.Context) error { return r.Client.DeleteQueuePlan(ctx, queue, id) },
		func(ctx context.Context) error { return r.Client.WaitForQueuePlanGone(ctx, queue, id) }, &resp.Diagnostics)
}

// ImportState imports a plan by `<queue_name>/<plan_id>`.
func (r *dliQueueScalingPlanResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	queue, rawID, found := strings.Cut(strings.TrimSpace(req.ID), "/")
	queue = strings.ToLower(queue)
	id, err := strconv.ParseInt(rawID, 10, 64)
	if !found || err != nil || id <= 0 || !framework.Accepts(ctx, validators.QueueName(), "queue_name", queue) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a DLI queue scaling plan as <queue_name>/<plan_id>, e.g. `terraform import huaweidata_dli_queue_scaling_plan.example etl/42` "+
				"(the plan id is listed by the queue's plan list); got %q.", req.ID))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": client.QueuePlanID(queue, id), "queue_name": queue, "plan_id": id})
}

// planWhat names a plan in messages.
func planWhat(m dliQueueScalingPlanModel) string {
	if m.Name.ValueString() == "" { // an import knows the id only
		return "DLI queue scaling plan " + m.ID.ValueString()
	}
	return fmt.Sprintf("DLI queue scaling plan %s of queue %s", m.Name.ValueString(), m.QueueName.ValueString())
}
