package resources

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

var (
	_ resource.Resource                = (*dliQueueResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliQueueResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*dliQueueResource)(nil)
	_ resource.ResourceWithImportState = (*dliQueueResource)(nil)
)

// Queue timeouts: a new queue usually needs 5 to 15 minutes before it can run work.
const (
	queueCreateTimeout = 30 * time.Minute
	queueUpdateTimeout = 30 * time.Minute
	queueDeleteTimeout = 15 * time.Minute
)

// queueCreateCUs are the only CU counts DLI accepts when a queue is created (§6.1).
var queueCreateCUs = []int64{16, 64, 256}

// NewDLIQueue returns the huaweidata_dli_queue resource.
func NewDLIQueue() resource.Resource { return &dliQueueResource{} }

type dliQueueResource struct {
	client *client.Client
}

func (r *dliQueueResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dli_queue"
}

func (r *dliQueueResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI queue: compute resources (CUs) that run SQL, Flink and Spark jobs. " +
			"`cu_count` is scaled in place; every other argument replaces the queue, as DLI cannot update it. " +
			"Create waits until the queue's CUs are bound (usually 5 to 15 minutes on Huawei Cloud).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The queue name.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Queue name: 1 to 128 characters, lowercase letters, digits and underscores, starting with a letter " +
					"(DLI stores queue names in lowercase). Changing it replaces the queue.",
				Required:      true,
				PlanModifiers: replace,
				Validators:    []validator.String{queueName()},
			},
			"cu_count": schema.Int64Attribute{
				MarkdownDescription: "Compute units bound to the queue. At create: `16`, `64` or `256`. " +
					"Afterwards any multiple of 16: a change scales the queue in place (scale_out/scale_in) and waits until it takes effect.",
				Required:   true,
				Validators: []validator.Int64{multipleOf(16)},
			},
			"queue_type": schema.StringAttribute{
				MarkdownDescription: "`sql` (runs SQL jobs) or `general` (runs Flink and Spark jobs). Defaults to `sql`. Changing it replaces the queue.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("sql"),
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.OneOf("sql", "general")},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the queue. Changing it replaces the queue.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				PlanModifiers:       replace,
			},
			"resource_mode": schema.Int64Attribute{
				MarkdownDescription: "`0` for shared resources, `1` for dedicated resources. Chosen by DLI when unset. Changing it replaces the queue.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace(), int64planmodifier.UseStateForUnknown()},
				Validators:          []validator.Int64{int64validator.OneOf(0, 1)},
			},
			"platform": schema.StringAttribute{
				MarkdownDescription: "CPU architecture of the compute resources: `x86_64` or `aarch64`. Chosen by DLI (`x86_64`) when unset. Changing it replaces the queue.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       append(replace, keep...),
				Validators:          []validator.String{stringvalidator.OneOf("x86_64", "aarch64")},
			},
			"enterprise_project_id": schema.StringAttribute{
				MarkdownDescription: "Enterprise project the queue belongs to; `0` is the default project. Changing it replaces the queue.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       append(replace, keep...),
			},
			"labels": schema.SetAttribute{
				MarkdownDescription: "Queue labels. DLI supports only `multi_az=2`: a dual-AZ queue whose compute is spread over two availability zones. Changing it replaces the queue.",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers:       []planmodifier.Set{setplanmodifier.RequiresReplace()},
				Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf("multi_az=2"))},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Resource tags. DLI does not return tags when a queue is read, so they are not refreshed and not imported. Changing them replaces the queue.",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers:       []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who created the queue.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "When the queue was created (RFC 3339, UTC).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"resource_id": schema.StringAttribute{
				MarkdownDescription: "Resource id of the queue.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"cu_spec": schema.Int64Attribute{
				MarkdownDescription: "CU specification of the queue: for a pay-per-use queue, the CUs it was created with.",
				Computed:            true,
			},
			"cu_scale_out_limit": schema.Int64Attribute{
				MarkdownDescription: "Upper CU limit of elastic scaling.",
				Computed:            true,
			},
			"cu_scale_in_limit": schema.Int64Attribute{
				MarkdownDescription: "Lower CU limit of elastic scaling.",
				Computed:            true,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *dliQueueResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan rejects a create (or replacement) whose cu_count DLI does not accept at create.
func (r *dliQueueResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	creating := req.State.Raw.IsNull() || len(resp.RequiresReplace) > 0
	if !creating {
		return
	}
	var cu types.Int64
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("cu_count"), &cu)...)
	if cu.IsNull() || cu.IsUnknown() {
		return
	}
	for _, ok := range queueCreateCUs {
		if cu.ValueInt64() == ok {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(path.Root("cu_count"), "Invalid cu_count for a new queue",
		fmt.Sprintf("cu_count must be 16, 64 or 256 when a queue is created, got %d. "+
			"Create the queue with one of these and change cu_count afterwards to scale it (any multiple of 16).", cu.ValueInt64()))
}

func (r *dliQueueResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliQueueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, queueCreateTimeout, &resp.Diagnostics)
	defer cancel()
	body, diags := plan.createBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	if err := r.client.CreateQueue(ctx, body); err != nil {
		apiError(&resp.Diagnostics, "Creating DLI queue "+body.QueueName, err)
		return
	}
	// Save the id at once: if the wait below fails, the queue stays in state (tainted)
	// instead of being orphaned in the cloud.
	plan.ID = types.StringValue(body.QueueName)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)

	if err := r.client.WaitForQueueCUs(ctx, body.QueueName, body.CuCount); err != nil {
		apiError(&resp.Diagnostics, "Waiting for DLI queue "+body.QueueName+" to be ready", err)
		return
	}
	r.readInto(ctx, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliQueueResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readOrRemove(ctx, req, resp, r.readInto)
}

func (r *dliQueueResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliQueueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, queueUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	name := state.Name.ValueString()
	current, target := int32(state.CUCount.ValueInt64()), int32(plan.CUCount.ValueInt64())
	if current != target {
		if err := r.client.ScaleQueue(ctx, name, current, target); err != nil {
			apiError(&resp.Diagnostics, fmt.Sprintf("Scaling DLI queue %s from %d to %d CUs", name, current, target), err)
			return
		}
		if err := r.client.WaitForQueueCUs(ctx, name, target); err != nil {
			apiError(&resp.Diagnostics, fmt.Sprintf("Waiting for DLI queue %s to scale to %d CUs", name, target), err)
			return
		}
	}
	plan.ID = state.ID
	if found := r.readInto(ctx, &plan, &resp.Diagnostics); !found {
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.AddError("DLI queue disappeared", fmt.Sprintf("Queue %s was not found after the update.", name))
		}
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliQueueResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliQueueModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, queueDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	name := state.Name.ValueString()
	if err := r.client.DeleteQueue(ctx, name); err != nil {
		apiError(&resp.Diagnostics, "Deleting DLI queue "+name, err)
		return
	}
	if err := r.client.WaitForQueueDeleted(ctx, name); err != nil {
		apiError(&resp.Diagnostics, "Waiting for DLI queue "+name+" to be deleted", err)
	}
}

// ImportState imports a queue by name, SQL and general queues alike.
func (r *dliQueueResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name := strings.ToLower(strings.TrimSpace(req.ID))
	vresp := &validator.StringResponse{}
	queueName().ValidateString(ctx, validator.StringRequest{Path: path.Root("name"), ConfigValue: types.StringValue(name)}, vresp)
	if vresp.Diagnostics.HasError() {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI queue by its name, e.g. `terraform import huaweidata_dli_queue.example my_queue`; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
}

// readInto refreshes m from the shared queue listing; it reports false when the queue is gone.
func (r *dliQueueResource) readInto(ctx context.Context, m *dliQueueModel, diags *diag.Diagnostics) bool {
	name := m.Name.ValueString()
	q, err := r.client.GetQueue(ctx, name)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		apiError(diags, "Reading DLI queue "+name, err)
		return false
	}
	m.fromAPI(q)
	return true
}

// dliQueueModel is the Terraform state of huaweidata_dli_queue.
type dliQueueModel struct {
	ID                  types.String   `tfsdk:"id"`
	Name                types.String   `tfsdk:"name"`
	CUCount             types.Int64    `tfsdk:"cu_count"`
	QueueType           types.String   `tfsdk:"queue_type"`
	Description         types.String   `tfsdk:"description"`
	ResourceMode        types.Int64    `tfsdk:"resource_mode"`
	Platform            types.String   `tfsdk:"platform"`
	EnterpriseProjectID types.String   `tfsdk:"enterprise_project_id"`
	Labels              types.Set      `tfsdk:"labels"`
	Tags                types.Map      `tfsdk:"tags"`
	Owner               types.String   `tfsdk:"owner"`
	CreateTime          types.String   `tfsdk:"create_time"`
	ResourceID          types.String   `tfsdk:"resource_id"`
	CUSpec              types.Int64    `tfsdk:"cu_spec"`
	CUScaleOutLimit     types.Int64    `tfsdk:"cu_scale_out_limit"`
	CUScaleInLimit      types.Int64    `tfsdk:"cu_scale_in_limit"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

// createBody maps the plan to the §6.1 request body.
func (m dliQueueModel) createBody(ctx context.Context) (*model.CreateQueueRequestBody, diag.Diagnostics) {
	var diags diag.Diagnostics
	body := &model.CreateQueueRequestBody{
		QueueName:           m.Name.ValueString(),
		CuCount:             int32(m.CUCount.ValueInt64()),
		QueueType:           knownString(m.QueueType),
		Description:         knownString(m.Description),
		Platform:            knownString(m.Platform),
		EnterpriseProjectId: knownString(m.EnterpriseProjectID),
	}
	if !m.ResourceMode.IsUnknown() && !m.ResourceMode.IsNull() {
		mode := int32(m.ResourceMode.ValueInt64())
		body.ResourceMode = &mode
	}
	if !m.Labels.IsNull() && !m.Labels.IsUnknown() {
		var labels []string
		diags.Append(m.Labels.ElementsAs(ctx, &labels, false)...)
		items := make([]interface{}, len(labels))
		for i, l := range labels {
			items[i] = l
		}
		body.Labels = &items
	}
	if !m.Tags.IsNull() && !m.Tags.IsUnknown() {
		var tags map[string]string
		diags.Append(m.Tags.ElementsAs(ctx, &tags, false)...)
		list := make([]model.Tag, 0, len(tags))
		for k, v := range tags {
			list = append(list, model.Tag{Key: k, Value: v})
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Key < list[j].Key })
		body.Tags = &list
	}
	return body, diags
}

// fromAPI copies what the queue listing returns; tags are not returned and stay as they are.
func (m *dliQueueModel) fromAPI(q *model.Queue) {
	m.ID = types.StringPointerValue(q.QueueName)
	m.Name = types.StringPointerValue(q.QueueName)
	m.CUCount = int64Value(q.CuCount)
	if q.QueueType != nil {
		m.QueueType = types.StringValue(q.QueueType.Value())
	}
	m.Description = types.StringValue(deref(q.Description))
	m.ResourceMode = int64Value(q.ResourceMode)
	m.Platform = types.StringPointerValue(q.Platform)
	m.EnterpriseProjectID = types.StringPointerValue(q.EnterpriseProjectId)
	m.Labels = labelsValue(deref(q.Labels), m.Labels)
	m.Owner = types.StringPointerValue(q.Owner)
	m.CreateTime = types.StringValue(rfc3339FromMillis(deref(q.CreateTime)))
	m.ResourceID = types.StringPointerValue(q.ResourceId)
	m.CUSpec = int64Value(q.CuSpec)
	m.CUScaleOutLimit = int64Value(q.CuScaleOutLimit)
	m.CUScaleInLimit = int64Value(q.CuScaleInLimit)
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
}

// withUnknownsNull returns m with every unknown (computed) value set to null, for the state
// saved right after create, before the queue is read back.
func (m dliQueueModel) withUnknownsNull() dliQueueModel {
	for _, s := range []*types.String{&m.Platform, &m.EnterpriseProjectID, &m.Owner, &m.CreateTime, &m.ResourceID} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	for _, i := range []*types.Int64{&m.ResourceMode, &m.CUSpec, &m.CUScaleOutLimit, &m.CUScaleInLimit} {
		if i.IsUnknown() {
			*i = types.Int64Null()
		}
	}
	return m
}

// labelsValue turns the listing's comma-separated labels string into a set; an empty string
// is null (or empty, if that is what the configuration says).
func labelsValue(labels string, prior types.Set) types.Set {
	var elems []attr.Value
	for _, l := range strings.Split(labels, ",") {
		if l = strings.TrimSpace(l); l != "" {
			elems = append(elems, types.StringValue(l))
		}
	}
	if len(elems) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.SetNull(types.StringType)
	}
	return types.SetValueMust(types.StringType, elems)
}

func int64Value[T int32 | int64](p *T) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*p))
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
