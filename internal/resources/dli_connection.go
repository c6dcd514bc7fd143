package resources

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                = (*dliConnectionResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliConnectionResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*dliConnectionResource)(nil)
	_ resource.ResourceWithImportState = (*dliConnectionResource)(nil)
)

var connectionIDShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// NewDLIConnection returns the huaweidata_dli_connection resource. Each queue peering usually
// becomes ACTIVE within a few minutes.
func NewDLIConnection() resource.Resource {
	return &dliConnectionResource{ResourceBase: framework.NewResourceBase("dli_connection",
		framework.Timeouts{Create: 20 * time.Minute, Update: 20 * time.Minute, Delete: 20 * time.Minute})}
}

type dliConnectionResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliConnectionResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI enhanced datasource connection: a VPC peering between DLI queues and the subnet of a data source " +
			"(RDS, DWS, Kafka, ...). Create and every queue change wait until each bound queue's peering is `ACTIVE`; a peering that " +
			"ends `FAILED` fails the apply with DLI's reason. `queues` and `hosts` are updated in place; every other argument " +
			"replaces the connection, as DLI cannot update it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The connection id (a UUID).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Connection name: 1 to 64 letters, digits and underscores. Changing it replaces the connection.",
				Required:            true,
				PlanModifiers:       replace,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 64),
					stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Za-z0-9_]*$`), "must contain only letters, digits and underscores"),
				},
			},
			"vpc_id": schema.StringAttribute{
				MarkdownDescription: "Id of the VPC of the data source to connect to (DLI's `dest_vpc_id`). Changing it replaces the connection.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"subnet_id": schema.StringAttribute{
				MarkdownDescription: "Network id of the subnet the data source lives in (DLI's `dest_network_id`). Changing it replaces the connection.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"route_table_id": schema.StringAttribute{
				MarkdownDescription: "Route table associated with the data source's subnet. DLI does not return it when the connection is read, " +
					"so it is neither refreshed nor imported. Changing it replaces the connection.",
				Optional:      true,
				PlanModifiers: replace,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"queues": schema.SetAttribute{
				MarkdownDescription: "Names of the DLI queues that use the connection. " +
					"Queues are bound and unbound in place, and the apply waits until each bound queue's peering is `ACTIVE`. " +
					"A queue whose peering `FAILED` is left out of this set when the connection is read, so the next apply binds it again.",
				Optional:    true,
				ElementType: types.StringType,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(validators.QueueName())},
			},
			"hosts": schema.ListNestedAttribute{
				MarkdownDescription: "Custom host name to IP mappings that the bound queues resolve (at most 20,000). " +
					"A change replaces the whole list in place; removing the attribute clears every host.",
				Optional: true,
				Validators: []validator.List{
					listvalidator.SizeAtMost(20000),
				},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "Host name: 1 to 128 letters, digits, `_`, `-` and `.`, starting with a letter.",
							Required:            true,
							Validators: []validator.String{
								stringvalidator.LengthBetween(1, 128),
								stringvalidator.RegexMatches(regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.-]*)?$`),
									"must start with a letter and contain only letters, digits, '_', '-' and '.'"),
							},
						},
						"ip": schema.StringAttribute{
							MarkdownDescription: "IPv4 address of the host, e.g. `192.168.0.10`.",
							Required:            true,
							Validators:          []validator.String{validators.IPv4Address()},
						},
					},
				},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags of the connection: keys of 1 to 128 and values of 1 to 255 characters. DLI does not return tags " +
					"when a connection is read, so they are neither refreshed nor imported. Changing them replaces the connection.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, 255)),
				},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Status of the connection: `ACTIVE` (a deleted connection, `DELETED`, is treated as gone).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"queue_status": schema.ListNestedAttribute{
				MarkdownDescription: "The peering of each bound queue, sorted by queue name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name":        schema.StringAttribute{MarkdownDescription: "Queue name.", Computed: true},
						"status":      schema.StringAttribute{MarkdownDescription: "`CREATING`, `ACTIVE` or `FAILED`.", Computed: true},
						"err_msg":     schema.StringAttribute{MarkdownDescription: "Why the peering failed (empty unless `FAILED`).", Computed: true},
						"peer_id":     schema.StringAttribute{MarkdownDescription: "Id of the peering.", Computed: true},
						"update_time": schema.StringAttribute{MarkdownDescription: "When the status last changed (RFC 3339, UTC).", CustomType: timetypes.RFC3339Type{}, Computed: true},
					},
				},
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "When the connection was created (RFC 3339, UTC).",
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

// ModifyPlan keeps queue_status from the state when an in-place update does not touch queues.
func (r *dliConnectionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	// An unchanged plan already has the state's queue_status: skipping it saves three path
	// lookups and a SetAttribute per connection in a plan of an unchanged estate.
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || framework.PlanUnchanged(req) {
		return
	}
	var planQueues, stateQueues types.Set
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("queues"), &planQueues)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("queues"), &stateQueues)...)
	if resp.Diagnostics.HasError() || planQueues.IsUnknown() || !planQueues.Equal(stateQueues) {
		return
	}
	var status types.List
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("queue_status"), &status)...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("queue_status"), status)...)
}

func (r *dliConnectionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliConnectionModel
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

	id, err := r.Client.CreateEnhancedConnection(ctx, body)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI enhanced connection "+body.Name, err)
		return
	}
	// Save the id at once: if the wait below fails, the connection stays in state (tainted)
	// instead of being orphaned in the cloud.
	plan.ID = types.StringValue(id)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan.withUnknownsNull(), &resp.Diagnostics)

	if err := r.Client.WaitForConnectionQueues(ctx, id, ptr.Deref(body.Queues), nil); err != nil {
		r.failAfterWrite(ctx, plan, &resp.State, &resp.Diagnostics,
			fmt.Sprintf("Waiting for DLI enhanced connection %s (%s) to be ACTIVE", body.Name, id), err)
		return
	}
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI enhanced connection "+id, &resp.State, &resp.Diagnostics)
}

func (r *dliConnectionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// Update replaces the hosts when they changed, then makes the bound queues match the plan
// (comparing with what DLI reports, so a FAILED peering is unbound and bound again) and
// waits until each is ACTIVE.
func (r *dliConnectionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliConnectionModel
	ctx, cancel, ok := r.StartUpdate(ctx, req, &plan, &state, &plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	hosts, diags := plan.hostsBody(ctx)
	resp.Diagnostics.Append(diags...)
	desired, diags := flex.StringSet(ctx, plan.Queues)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	plan.ID = state.ID

	// Whatever was written, even by a step that failed later, opens the consistency window.
	wrote := false
	defer func() {
		if wrote {
			framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
		}
	}()
	if !plan.Hosts.Equal(state.Hosts) {
		if err := r.Client.UpdateEnhancedConnectionHosts(ctx, id, hosts); err != nil {
			framework.APIError(&resp.Diagnostics, "Updating the hosts of DLI enhanced connection "+id, err)
			return
		}
		wrote = true
	}
	conn, err := r.Client.GetEnhancedConnection(ctx, id)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Reading DLI enhanced connection "+id, err)
		return
	}
	unbind, bind := queueChanges(ptr.Deref(conn.AvailableQueueInfo), desired)
	wrote = wrote || len(unbind) > 0 || len(bind) > 0
	if err := r.Client.DisassociateConnectionQueues(ctx, id, unbind); err != nil {
		r.failAfterWrite(ctx, plan, &resp.State, &resp.Diagnostics,
			fmt.Sprintf("Unbinding queues %v from DLI enhanced connection %s", unbind, id), err)
		return
	}
	if err := r.Client.AssociateConnectionQueues(ctx, id, bind); err != nil {
		r.failAfterWrite(ctx, plan, &resp.State, &resp.Diagnostics,
			fmt.Sprintf("Binding queues %v to DLI enhanced connection %s", bind, id), err)
		return
	}
	var gone []string
	for _, q := range unbind {
		if !slices.Contains(desired, q) {
			gone = append(gone, q)
		}
	}
	if err := r.Client.WaitForConnectionQueues(ctx, id, desired, gone); err != nil {
		r.failAfterWrite(ctx, plan, &resp.State, &resp.Diagnostics,
			fmt.Sprintf("Waiting for DLI enhanced connection %s to be ACTIVE", id), err)
		return
	}
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI enhanced connection "+id, &resp.State, &resp.Diagnostics)
}

// Delete waits for peerings still being created (DLI refuses to delete them), deletes the
// connection and waits until it is gone or DELETED.
func (r *dliConnectionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliConnectionModel
	ctx, cancel, ok := r.StartDelete(ctx, req, &state, &state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	id := state.ID.ValueString()
	if err := r.Client.WaitForConnectionSettled(ctx, id); err != nil {
		framework.APIError(&resp.Diagnostics, "Waiting for DLI enhanced connection "+id+" to finish creating before deleting it", err)
		return
	}
	framework.DeleteAndWait(ctx, "DLI enhanced connection "+id,
		func(ctx context.Context) error { return r.Client.DeleteEnhancedConnection(ctx, id) },
		func(ctx context.Context) error { return r.Client.WaitForConnectionDeleted(ctx, id) }, &resp.Diagnostics)
}

// ImportState imports a connection by its id.
func (r *dliConnectionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if !connectionIDShape.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI enhanced connection by its id (a UUID), e.g. "+
				"`terraform import huaweidata_dli_connection.example 2a620c33-5609-40c9-affd-2b6453071b0f`; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// readInto refreshes m from DLI; it reports false when the connection is gone or DELETED.
func (r *dliConnectionResource) readInto(ctx context.Context, m *dliConnectionModel, diags *diag.Diagnostics) bool {
	id := m.ID.ValueString()
	conn, err := r.Client.GetEnhancedConnection(ctx, id)
	if !framework.Found(diags, "Reading DLI enhanced connection "+id, err) {
		return false
	}
	diags.Append(m.fromAPI(conn)...)
	return !diags.HasError()
}

// failAfterWrite reports err for action, and stores what DLI reports so that the state shows
// the failed peering (and leaves it out of queues); the state is kept when that read fails.
func (r *dliConnectionResource) failAfterWrite(ctx context.Context, m dliConnectionModel, state *tfsdk.State, diags *diag.Diagnostics, action string, err error) {
	framework.APIError(diags, action, err)
	var ignored diag.Diagnostics
	m = m.withUnknownsNull()
	if framework.ReadBack(ctx, &r.ResourceBase, &m, r.readInto, "DLI enhanced connection "+m.ID.ValueString(), &ignored) {
		state.Set(ctx, m)
	}
}
