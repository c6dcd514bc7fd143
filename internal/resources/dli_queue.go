package resources

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                = (*dliQueueResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliQueueResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*dliQueueResource)(nil)
	_ resource.ResourceWithImportState = (*dliQueueResource)(nil)

	_ resource.ResourceWithConfigValidators = (*dliQueueResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*dliQueueResource)(nil)
)

// NewDLIQueue returns the huaweidata_dli_queue resource. A new queue usually needs 5 to 15
// minutes before it can run work.
func NewDLIQueue() resource.Resource {
	return &dliQueueResource{ResourceBase: framework.NewResourceBase("dli_queue",
		framework.Timeouts{Create: 30 * time.Minute, Update: 30 * time.Minute, Delete: 15 * time.Minute})}
}

type dliQueueResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliQueueResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI queue: compute resources (CUs) that run SQL, Flink and Spark jobs. " +
			"`cu_count`, `scaling_policies`, `properties` and a first `elastic_resource_pool_name` change in place; every other argument replaces the queue, as DLI cannot update it. " +
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
				Validators:    []validator.String{validators.QueueName()},
			},
			"cu_count": schema.Int32Attribute{
				MarkdownDescription: "Compute units bound to the queue. At create: `16`, `64` or `256`. " +
					"Afterwards any multiple of 16: a change scales the queue in place (scale_out/scale_in) and waits until it takes effect.",
				Required:   true,
				Validators: []validator.Int32{validators.Int32MultipleOf(16)},
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
			"resource_mode": schema.Int32Attribute{
				MarkdownDescription: "`0` for shared resources, `1` for dedicated resources. Chosen by DLI when unset. Changing it replaces the queue.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Int32{int32planmodifier.RequiresReplace(), int32planmodifier.UseStateForUnknown()},
				Validators:          []validator.Int32{int32validator.OneOf(0, 1)},
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
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
				PlanModifiers:       keep,
			},
			"resource_id": schema.StringAttribute{
				MarkdownDescription: "Resource id of the queue.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"cu_spec": schema.Int32Attribute{
				MarkdownDescription: "CU specification of the queue: for a pay-per-use queue, the CUs it was created with.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int32{int32planmodifier.UseStateForUnknown()},
			},
			"cu_scale_out_limit": schema.Int32Attribute{
				MarkdownDescription: "Upper CU limit of elastic scaling.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int32{int32planmodifier.UseStateForUnknown()},
			},
			"cu_scale_in_limit": schema.Int32Attribute{
				MarkdownDescription: "Lower CU limit of elastic scaling.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int32{int32planmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
	for name, a := range queuePoolAttributes() {
		resp.Schema.Attributes[name] = a
	}
	resp.Schema.Attributes["properties"] = queuePropertiesAttribute()
}

func (r *dliQueueResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliQueueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.CreateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	body := plan.createBody(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	if err := r.Client.CreateQueue(ctx, body); err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI queue "+body.QueueName, err)
		return
	}
	// Save the id at once: if the wait below fails, the queue stays in state (tainted)
	// instead of being orphaned in the cloud.
	plan.ID = types.StringValue(body.QueueName)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan.withUnknownsNull(), &resp.Diagnostics)

	if err := r.Client.WaitForQueueCUs(ctx, body.QueueName, body.CuCount); err != nil {
		framework.APIError(&resp.Diagnostics, "Waiting for DLI queue "+body.QueueName+" to be ready", err)
		return
	}
	if flex.IsKnown(plan.ScalingPolicies) {
		r.setPolicies(ctx, plan, &resp.Diagnostics)
	}
	if !plan.Properties.IsNull() {
		r.applyProperties(ctx, body.QueueName, plan.Properties, types.MapNull(types.StringType), &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI queue "+body.QueueName, &resp.State, &resp.Diagnostics)
}

func (r *dliQueueResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	ctx = r.importingProperties(ctx, &req, resp)
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

func (r *dliQueueResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliQueueModel
	ctx, cancel, ok := r.StartUpdate(ctx, req, &plan, &state, &plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	name := state.Name.ValueString()
	if flex.IsKnown(plan.PoolName) && state.PoolName.ValueString() == "" {
		pool := plan.PoolName.ValueString()
		if err := r.Client.AssociateQueueToElasticResourcePool(ctx, pool, name); err != nil {
			framework.APIError(&resp.Diagnostics, fmt.Sprintf("Moving DLI queue %s into elastic resource pool %s", name, pool), err)
			return
		}
		framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	}
	current, target := state.CUCount.ValueInt32(), plan.CUCount.ValueInt32()
	if current != target {
		if err := r.Client.ScaleQueue(ctx, name, current, target); err != nil {
			framework.APIError(&resp.Diagnostics, fmt.Sprintf("Scaling DLI queue %s from %d to %d CUs", name, current, target), err)
			return
		}
		framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
		if err := r.Client.WaitForQueueCUs(ctx, name, target); err != nil {
			framework.APIError(&resp.Diagnostics, fmt.Sprintf("Waiting for DLI queue %s to scale to %d CUs", name, target), err)
			return
		}
	}
	if flex.IsKnown(plan.ScalingPolicies) && !plan.ScalingPolicies.Equal(state.ScalingPolicies) {
		r.setPolicies(ctx, plan, &resp.Diagnostics)
	}
	if !plan.Properties.Equal(state.Properties) {
		r.applyProperties(ctx, name, plan.Properties, state.Properties, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = state.ID
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI queue "+name, &resp.State, &resp.Diagnostics)
}

func (r *dliQueueResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliQueueModel
	ctx, cancel, ok := r.StartDelete(ctx, req, &state, &state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	name := state.Name.ValueString()
	framework.DeleteAndWait(ctx, "DLI queue "+name,
		func(ctx context.Context) error { return r.Client.DeleteQueue(ctx, name) },
		func(ctx context.Context) error { return r.Client.WaitForQueueDeleted(ctx, name) }, &resp.Diagnostics)
}

// ImportState imports a queue by name, SQL and general queues alike.
func (r *dliQueueResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name := strings.ToLower(strings.TrimSpace(req.ID))
	if !framework.Accepts(ctx, validators.QueueName(), "name", name) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI queue by its name, e.g. `terraform import huaweidata_dli_queue.example my_queue`; got %q.", req.ID))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": name, "name": name})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importPropertiesKey, []byte(`true`))...)
}

// readInto refreshes m from the shared queue listing; it reports false when the queue is gone.
func (r *dliQueueResource) readInto(ctx context.Context, m *dliQueueModel, diags *diag.Diagnostics) bool {
	name := m.Name.ValueString()
	q, err := r.Client.GetQueue(ctx, name)
	if !framework.Found(diags, "Reading DLI queue "+name, err) {
		return false
	}
	m.fromAPI(q)
	m.ScalingPolicies = policiesNull()
	if pool := m.PoolName.ValueString(); pool != "" {
		pq, err := r.Client.GetElasticResourcePoolQueue(ctx, pool, name)
		switch {
		case client.IsNotFound(err):
			return false // not visible in its pool yet: polled through the consistency window
		case err != nil:
			framework.APIError(diags, "Reading the scaling policies of DLI queue "+name+" in elastic resource pool "+pool, err)
			return false
		}
		m.ScalingPolicies = policiesFromAPI(ptr.Deref(pq.QueueScalingPolicies))
	}
	r.readProperties(ctx, m, diags)
	return !diags.HasError()
}

// setPolicies replaces the queue's scaling policies in its pool with the plan's.
func (r *dliQueueResource) setPolicies(ctx context.Context, plan dliQueueModel, diags *diag.Diagnostics) {
	name, pool := plan.Name.ValueString(), plan.PoolName.ValueString()
	policies := policiesToAPI(ctx, plan.ScalingPolicies, diags)
	if diags.HasError() {
		return
	}
	if err := r.Client.UpdateElasticResourcePoolQueue(ctx, pool, name, policies); err != nil {
		framework.APIError(diags, fmt.Sprintf("Setting the scaling policies of DLI queue %s in elastic resource pool %s", name, pool), err)
	}
}
