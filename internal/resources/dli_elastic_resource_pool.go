package resources

import (
	"context"
	"fmt"
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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/planmodifiers"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                   = (*dliElasticResourcePoolResource)(nil)
	_ resource.ResourceWithConfigure      = (*dliElasticResourcePoolResource)(nil)
	_ resource.ResourceWithImportState    = (*dliElasticResourcePoolResource)(nil)
	_ resource.ResourceWithValidateConfig = (*dliElasticResourcePoolResource)(nil)
)

// NewDLIElasticResourcePool returns the huaweidata_dli_elastic_resource_pool resource.
func NewDLIElasticResourcePool() resource.Resource {
	return &dliElasticResourcePoolResource{ResourceBase: framework.NewResourceBase("dli_elastic_resource_pool",
		framework.Timeouts{Create: 60 * time.Minute, Update: 60 * time.Minute, Delete: 30 * time.Minute})}
}

type dliElasticResourcePoolResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliElasticResourcePoolResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace(), stringplanmodifier.UseStateForUnknown()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	cuValidators := []validator.Int32{int32validator.Between(16, 32000), validators.Int32MultipleOf(16)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI elastic resource pool: compute capacity (CUs) shared by the queues placed in it, " +
			"which scale inside it by time of day (see `scaling_policies` of `huaweidata_dli_queue`). " +
			"`min_cu`, `max_cu`, `description` and `tags` change in place; every other argument replaces the pool. " +
			"Create waits until the pool is `AVAILABLE`; a pool whose provisioning fails stays in state, tainted.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The pool name.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Pool name: 1 to 128 lowercase letters, digits and underscores, not only digits, not starting with an underscore. Changing it replaces the pool.",
				Required:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{validators.PoolName()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description, at most 256 characters. Changed in place.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				Validators:          []validator.String{stringvalidator.LengthAtMost(256)},
			},
			"min_cu": schema.Int32Attribute{
				MarkdownDescription: "Minimum CUs of the pool, a multiple of 16: `64` to `32000` for a standard pool, `16` to `64` for a basic one " +
					"(`label = { spec = \"basic\" }`). At most `max_cu`, and at least the sum of its queues' minimum CUs. " +
					"Changed in place; the apply waits until the pool has scaled.",
				Required:   true,
				Validators: cuValidators,
			},
			"max_cu": schema.Int32Attribute{
				MarkdownDescription: "Maximum CUs of the pool, a multiple of 16, in the same range as `min_cu`; at least the largest `max_cu` of its queues' scaling policies. " +
					"Changed in place; the apply waits until the pool has scaled.",
				Required:   true,
				Validators: cuValidators,
			},
			"cidr_in_vpc": schema.StringAttribute{
				MarkdownDescription: "CIDR block of the pool's virtual cluster. DLI uses `172.16.0.0/12` when unset. Changing it replaces the pool.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{validators.CIDR()},
			},
			"charging_mode": schema.Int32Attribute{
				MarkdownDescription: "Billing mode: `1`, pay per use (the only mode DLI offers through this API). Changing it replaces the pool.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Int32{int32planmodifier.RequiresReplace(), int32planmodifier.UseStateForUnknown()},
				Validators:          []validator.Int32{int32validator.OneOf(1)},
			},
			"enterprise_project_id": schema.StringAttribute{
				MarkdownDescription: "Enterprise project of the pool; `0` (the default project) when unset. Changing it replaces the pool.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       replace,
			},
			"label": schema.MapAttribute{
				MarkdownDescription: "Pool edition: unset for a standard pool, `{ spec = \"basic\" }` for a basic pool (16 to 64 CUs), " +
					"`{ billing_spec_code = \"developer\" }` for a developer pool. DLI supports no other labels. Changing it replaces the pool.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
				Validators: []validator.Map{
					mapvalidator.SizeAtMost(1),
					mapvalidator.KeysAre(stringvalidator.OneOf("spec", "billing_spec_code")),
					mapvalidator.ValueStringsAre(stringvalidator.OneOf("basic", "developer")),
				},
			},
			"ipv6_enable": schema.BoolAttribute{
				MarkdownDescription: "Whether the pool gets an IPv6 CIDR block (assigned by DLI, see `ipv6_cidr_in_subnet`). Once enabled it cannot be turned off. " +
					"Defaults to `false`. Changing it replaces the pool.",
				Optional:      true,
				Computed:      true,
				Default:       booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Resource tags (keys 1 to 128, values 1 to 255 characters). Changed in place through DLI's tag API.",
				Optional:            true,
				ElementType:         types.StringType,
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 255)),
				},
			},
			"force_destroy": schema.BoolAttribute{
				MarkdownDescription: "What destroying a pool that still has queues does. DLI refuses to delete such a pool: with `false` (the default) " +
					"the destroy fails, naming the queues; with `true` the provider first deletes every queue in the pool (and waits until they are gone), " +
					"including queues Terraform does not manage. Queues managed in the same configuration are destroyed before the pool either way.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Pool status: `AVAILABLE` once provisioned (`CREATING`, `SCALING` and `FAILED` are transient or failed states). " +
					"Known after an update, which waits for a scale (the pool's own, or one started outside Terraform) to end.",
				Computed: true,
			},
			"actual_cu": schema.Int32Attribute{
				MarkdownDescription: "CUs the pool actually has.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int32{planmodifiers.Int32UseStateUnlessChanged("min_cu", "max_cu")},
			},
			"current_cu": schema.Int32Attribute{
				MarkdownDescription: "CUs currently used by the pool's queues.",
				Computed:            true,
			},
			"ipv6_cidr_in_subnet": schema.StringAttribute{
				MarkdownDescription: "IPv6 CIDR block assigned by DLI when `ipv6_enable` is `true`; empty otherwise.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"resource_id": schema.StringAttribute{
				MarkdownDescription: "Resource id of the pool.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who created the pool.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "When the pool was created (RFC 3339, UTC).",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
				PlanModifiers:       keep,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
}

// ValidateConfig applies the rules that span attributes: the label's key/value pairs, the
// edition's CU range and min ≤ max.
func (r *dliElasticResourcePoolResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m dliPoolModel
	resp.Diagnostics.Append(framework.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() || !knownInt32(m.MinCU) || !knownInt32(m.MaxCU) || m.Label.IsUnknown() {
		return
	}
	for k, v := range stringElements(ctx, m.Label, &resp.Diagnostics) {
		if want := map[string]string{"spec": "basic", "billing_spec_code": "developer"}[k]; v != want {
			resp.Diagnostics.AddAttributeError(path.Root("label").AtMapKey(k), "Invalid pool label",
				fmt.Sprintf("label %s must be %q (the only edition DLI offers under this key), got %q.", k, want, v))
		}
	}
	lo, hi, edition := poolCURange(ctx, m.Label)
	for _, a := range []struct {
		name string
		v    int32
	}{{"min_cu", m.MinCU.ValueInt32()}, {"max_cu", m.MaxCU.ValueInt32()}} {
		if a.v < lo || a.v > hi {
			resp.Diagnostics.AddAttributeError(path.Root(a.name), "CUs out of the pool edition's range",
				fmt.Sprintf("%s must be %d to %d for a %s pool, got %d.", a.name, lo, hi, edition, a.v))
		}
	}
	if m.MinCU.ValueInt32() > m.MaxCU.ValueInt32() {
		resp.Diagnostics.AddAttributeError(path.Root("min_cu"), "min_cu exceeds max_cu",
			fmt.Sprintf("min_cu (%d) must not exceed max_cu (%d).", m.MinCU.ValueInt32(), m.MaxCU.ValueInt32()))
	}
}

func (r *dliElasticResourcePoolResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliPoolModel
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
	name := body.ElasticResourcePoolName
	if err := r.Client.CreateElasticResourcePool(ctx, body); err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI elastic resource pool "+name, err)
		return
	}
	// Save the id at once: a failed or timed-out wait leaves the pool in state, tainted.
	plan.ID = types.StringValue(name)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan.withUnknownsNull(), &resp.Diagnostics)
	if err := r.Client.WaitForElasticResourcePool(ctx, name, body.MinCu, body.MaxCu); err != nil {
		framework.APIError(&resp.Diagnostics, "Waiting for DLI elastic resource pool "+name+" to be available", err)
		return
	}
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI elastic resource pool "+name, &resp.State, &resp.Diagnostics)
}

func (r *dliElasticResourcePoolResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

func (r *dliElasticResourcePoolResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliPoolModel
	ctx, cancel, ok := r.StartUpdate(ctx, req, &plan, &state, &plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	name := state.Name.ValueString()
	body := &model.UpdateElasticResourcePoolRequestBody{}
	changed := false
	if !plan.Description.Equal(state.Description) {
		body.Description, changed = ptr.Of(plan.Description.ValueString()), true
	}
	if !plan.MinCU.Equal(state.MinCU) || !plan.MaxCU.Equal(state.MaxCU) {
		body.MinCu, body.MaxCu, changed = ptr.Of(plan.MinCU.ValueInt32()), ptr.Of(plan.MaxCU.ValueInt32()), true
	}
	if changed {
		// A pool that is still scaling (e.g. changed out of band) refuses changes: let it settle.
		if err := r.Client.WaitForElasticResourcePool(ctx, name, 0, 0); err != nil {
			framework.APIError(&resp.Diagnostics, "Waiting for DLI elastic resource pool "+name+" to be available before changing it", err)
			return
		}
		if err := r.Client.UpdateElasticResourcePool(ctx, name, body); err != nil {
			framework.APIError(&resp.Diagnostics, "Updating DLI elastic resource pool "+name, err)
			return
		}
		framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
		if err := r.Client.WaitForElasticResourcePool(ctx, name, plan.MinCU.ValueInt32(), plan.MaxCU.ValueInt32()); err != nil {
			framework.APIError(&resp.Diagnostics, "Waiting for DLI elastic resource pool "+name+" to scale", err)
			return
		}
	}
	if !plan.Tags.Equal(state.Tags) {
		had, want := stringElements(ctx, state.Tags, &resp.Diagnostics), stringElements(ctx, plan.Tags, &resp.Diagnostics)
		if err := r.Client.UpdateResourceTags(ctx, poolTagType, state.ResourceID.ValueString(), had, want); err != nil {
			framework.APIError(&resp.Diagnostics, "Updating the tags of DLI elastic resource pool "+name, err)
			return
		}
	}
	plan.ID = state.ID
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI elastic resource pool "+name, &resp.State, &resp.Diagnostics)
}

func (r *dliElasticResourcePoolResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliPoolModel
	ctx, cancel, ok := r.StartDelete(ctx, req, &state, &state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	name := state.Name.ValueString()
	pool, err := r.Client.ShowElasticResourcePool(ctx, name)
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Reading DLI elastic resource pool "+name+" before deleting it", err)
		return
	}
	if queues := ptr.Deref(pool.Queues); len(queues) > 0 {
		if !state.ForceDestroy.ValueBool() {
			resp.Diagnostics.AddError("DLI elastic resource pool "+name+" still has queues",
				fmt.Sprintf("DLI cannot delete a pool that has queues, and this pool has %d: %s. Delete those queues first, "+
					"or set force_destroy = true on the pool to let the provider delete them with it.", len(queues), strings.Join(queues, ", ")))
			return
		}
		for _, q := range queues {
			if err := r.Client.DeleteQueue(ctx, q); err != nil {
				framework.APIError(&resp.Diagnostics, "Deleting queue "+q+" of DLI elastic resource pool "+name+" (force_destroy)", err)
				return
			}
			if err := r.Client.WaitForQueueDeleted(ctx, q); err != nil {
				framework.APIError(&resp.Diagnostics, "Waiting for queue "+q+" of DLI elastic resource pool "+name+" to be deleted", err)
				return
			}
		}
	}
	framework.DeleteAndWait(ctx, "DLI elastic resource pool "+name,
		func(ctx context.Context) error { return r.Client.DeleteElasticResourcePool(ctx, name) },
		func(ctx context.Context) error { return r.Client.WaitForElasticResourcePoolDeleted(ctx, name) }, &resp.Diagnostics)
}

// ImportState imports a pool by name.
func (r *dliElasticResourcePoolResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name := strings.ToLower(strings.TrimSpace(req.ID))
	if !framework.Accepts(ctx, validators.PoolName(), "name", name) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI elastic resource pool by its name, e.g. `terraform import huaweidata_dli_elastic_resource_pool.example my_pool`; got %q.", req.ID))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": name, "name": name})
}

// readInto refreshes m from the shared pool listing; it reports false when the pool is gone.
func (r *dliElasticResourcePoolResource) readInto(ctx context.Context, m *dliPoolModel, diags *diag.Diagnostics) bool {
	name := m.Name.ValueString()
	p, err := r.Client.GetElasticResourcePool(ctx, name)
	if !framework.Found(diags, "Reading DLI elastic resource pool "+name, err) {
		return false
	}
	m.fromAPI(p)
	tags, err := r.Client.ShowResourceTags(ctx, poolTagType, ptr.Deref(p.ResourceId))
	if err != nil {
		framework.APIError(diags, "Reading the tags of DLI elastic resource pool "+name, err)
		return false
	}
	if len(tags) > 0 || !flex.IsKnown(m.Tags) {
		m.Tags = flex.StringMapValue(tags)
	}
	return true
}

// poolTagType is the tag APIs' resource type of a pool (dli-sdk-extras.md §11).
const poolTagType = "dli_elastic_resource_pool"
