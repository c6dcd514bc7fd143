package resources

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
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
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                = (*dliConnectionResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliConnectionResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*dliConnectionResource)(nil)
	_ resource.ResourceWithImportState = (*dliConnectionResource)(nil)
)

// Connection timeouts: each queue peering usually becomes ACTIVE within a few minutes.
const (
	connectionCreateTimeout = 20 * time.Minute
	connectionUpdateTimeout = 20 * time.Minute
	connectionDeleteTimeout = 20 * time.Minute
)

var connectionIDShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// NewDLIConnection returns the huaweidata_dli_connection resource.
func NewDLIConnection() resource.Resource { return &dliConnectionResource{} }

type dliConnectionResource struct {
	client *client.Client
}

func (r *dliConnectionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dli_connection"
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
				MarkdownDescription: "Names of the DLI queues that use the connection (they must have finished provisioning). " +
					"Queues are bound and unbound in place, and the apply waits until each bound queue's peering is `ACTIVE`. " +
					"A queue whose peering `FAILED` is left out of this set when the connection is read, so the next apply binds it again.",
				Optional:    true,
				ElementType: types.StringType,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(queueName())},
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
							Validators:          []validator.String{ipv4Address()},
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
					mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 255)),
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
						"update_time": schema.StringAttribute{MarkdownDescription: "When the status last changed (RFC 3339, UTC).", Computed: true},
					},
				},
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "When the connection was created (RFC 3339, UTC).",
				Computed:            true,
				PlanModifiers:       keep,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *dliConnectionResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan keeps queue_status from the state when an in-place update does not touch queues.
func (r *dliConnectionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
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
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, connectionCreateTimeout, &resp.Diagnostics)
	defer cancel()
	body, diags := plan.createBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	id, err := r.client.CreateEnhancedConnection(ctx, body)
	if err != nil {
		apiError(&resp.Diagnostics, "Creating DLI enhanced connection "+body.Name, err)
		return
	}
	// Save the id at once: if the wait below fails, the connection stays in state (tainted)
	// instead of being orphaned in the cloud.
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)

	if err := r.client.WaitForConnectionQueues(ctx, id, ptr.Deref(body.Queues), nil); err != nil {
		r.failAfterWrite(ctx, plan, &resp.State, &resp.Diagnostics,
			fmt.Sprintf("Waiting for DLI enhanced connection %s (%s) to be ACTIVE", body.Name, id), err)
		return
	}
	r.saveRead(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *dliConnectionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readOrRemove(ctx, req, resp, r.readInto)
}

// Update replaces the hosts when they changed, then makes the bound queues match the plan
// (comparing with what DLI reports, so a FAILED peering is unbound and bound again) and
// waits until each is ACTIVE.
func (r *dliConnectionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliConnectionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, connectionUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	hosts, diags := plan.hostsBody(ctx)
	resp.Diagnostics.Append(diags...)
	desired, diags := stringSet(ctx, plan.Queues)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	plan.ID = state.ID

	if !plan.Hosts.Equal(state.Hosts) {
		if err := r.client.UpdateEnhancedConnectionHosts(ctx, id, hosts); err != nil {
			apiError(&resp.Diagnostics, "Updating the hosts of DLI enhanced connection "+id, err)
			return
		}
	}
	conn, err := r.client.GetEnhancedConnection(ctx, id)
	if err != nil {
		apiError(&resp.Diagnostics, "Reading DLI enhanced connection "+id, err)
		return
	}
	unbind, bind := queueChanges(ptr.Deref(conn.AvailableQueueInfo), desired)
	if err := r.client.DisassociateConnectionQueues(ctx, id, unbind); err != nil {
		r.failAfterWrite(ctx, plan, &resp.State, &resp.Diagnostics,
			fmt.Sprintf("Unbinding queues %v from DLI enhanced connection %s", unbind, id), err)
		return
	}
	if err := r.client.AssociateConnectionQueues(ctx, id, bind); err != nil {
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
	if err := r.client.WaitForConnectionQueues(ctx, id, desired, gone); err != nil {
		r.failAfterWrite(ctx, plan, &resp.State, &resp.Diagnostics,
			fmt.Sprintf("Waiting for DLI enhanced connection %s to be ACTIVE", id), err)
		return
	}
	r.saveRead(ctx, plan, &resp.State, &resp.Diagnostics)
}

// Delete waits for peerings still being created (DLI refuses to delete them), deletes the
// connection and waits until it is gone or DELETED.
func (r *dliConnectionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliConnectionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, connectionDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	id := state.ID.ValueString()
	if err := r.client.WaitForConnectionSettled(ctx, id); err != nil {
		apiError(&resp.Diagnostics, "Waiting for DLI enhanced connection "+id+" to finish creating before deleting it", err)
		return
	}
	if err := r.client.DeleteEnhancedConnection(ctx, id); err != nil {
		apiError(&resp.Diagnostics, "Deleting DLI enhanced connection "+id, err)
		return
	}
	if err := r.client.WaitForConnectionDeleted(ctx, id); err != nil {
		apiError(&resp.Diagnostics, "Waiting for DLI enhanced connection "+id+" to be deleted", err)
	}
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
	conn, err := r.client.GetEnhancedConnection(ctx, id)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		apiError(diags, "Reading DLI enhanced connection "+id, err)
		return false
	}
	diags.Append(m.fromAPI(conn)...)
	return !diags.HasError()
}

// saveRead stores m as DLI reports it after a successful create or update.
func (r *dliConnectionResource) saveRead(ctx context.Context, m dliConnectionModel, state *tfsdk.State, diags *diag.Diagnostics) {
	if found := r.readInto(ctx, &m, diags); !found {
		if !diags.HasError() {
			diags.AddError("DLI enhanced connection disappeared",
				fmt.Sprintf("Connection %s was not found after it was written.", m.ID.ValueString()))
		}
		return
	}
	diags.Append(state.Set(ctx, m)...)
}

// failAfterWrite reports err for action, and stores what DLI reports so that the state shows
// the failed peering (and leaves it out of queues); the state is kept when that read fails.
func (r *dliConnectionResource) failAfterWrite(ctx context.Context, m dliConnectionModel, state *tfsdk.State, diags *diag.Diagnostics, action string, err error) {
	apiError(diags, action, err)
	var ignored diag.Diagnostics
	m = m.withUnknownsNull()
	if r.readInto(ctx, &m, &ignored) {
		state.Set(ctx, m)
	}
}

// dliConnectionModel is the Terraform state of huaweidata_dli_connection.
type dliConnectionModel struct {
	ID           types.String   `tfsdk:"id"`
	Name         types.String   `tfsdk:"name"`
	VpcID        types.String   `tfsdk:"vpc_id"`
	SubnetID     types.String   `tfsdk:"subnet_id"`
	RouteTableID types.String   `tfsdk:"route_table_id"`
	Queues       types.Set      `tfsdk:"queues"`
	Hosts        types.List     `tfsdk:"hosts"`
	Tags         types.Map      `tfsdk:"tags"`
	Status       types.String   `tfsdk:"status"`
	QueueStatus  types.List     `tfsdk:"queue_status"`
	CreateTime   types.String   `tfsdk:"create_time"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

type connectionHostModel struct {
	Name types.String `tfsdk:"name"`
	IP   types.String `tfsdk:"ip"`
}

var (
	connectionHostType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "ip": types.StringType,
	}}
	connectionQueueStatusType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "status": types.StringType, "err_msg": types.StringType,
		"peer_id": types.StringType, "update_time": types.StringType,
	}}
)

// createBody maps the plan to the §12.1 request body.
func (m dliConnectionModel) createBody(ctx context.Context) (*model.CreateEnhancedConnectionRequestBody, diag.Diagnostics) {
	body := &model.CreateEnhancedConnectionRequestBody{
		Name:          m.Name.ValueString(),
		DestVpcId:     m.VpcID.ValueString(),
		DestNetworkId: m.SubnetID.ValueString(),
		RoutetableId:  knownString(m.RouteTableID),
	}
	queues, diags := stringSet(ctx, m.Queues)
	if len(queues) > 0 {
		body.Queues = &queues
	}
	hosts, d := m.hostsBody(ctx)
	diags.Append(d...)
	if len(hosts) > 0 {
		body.Hosts = &hosts
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

// hostsBody returns the configured hosts in the API's form (empty when unset).
func (m dliConnectionModel) hostsBody(ctx context.Context) ([]model.EnhancedConnectionHost, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := []model.EnhancedConnectionHost{}
	if m.Hosts.IsNull() || m.Hosts.IsUnknown() {
		return out, diags
	}
	var hosts []connectionHostModel
	diags.Append(m.Hosts.ElementsAs(ctx, &hosts, false)...)
	for _, h := range hosts {
		out = append(out, model.EnhancedConnectionHost{Name: knownString(h.Name), Ip: knownString(h.IP)})
	}
	return out, diags
}

// fromAPI copies what §12.4 returns; route_table_id and tags are not returned and stay as
// they are. FAILED peerings are left out of queues (so the next plan binds them again).
func (m *dliConnectionModel) fromAPI(c *model.ShowEnhancedConnectionResponse) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringPointerValue(c.Id)
	m.Name = types.StringPointerValue(c.Name)
	m.VpcID = types.StringPointerValue(c.DestVpcId)
	m.SubnetID = types.StringPointerValue(c.DestNetworkId)
	m.Status = types.StringValue(strings.ToUpper(ptr.Deref(c.Status)))
	m.CreateTime = types.StringValue(rfc3339FromMillis(ptr.Deref(c.CreateTime)))

	infos := append([]model.EnhancedConnectionResource(nil), ptr.Deref(c.AvailableQueueInfo)...)
	sort.Slice(infos, func(i, j int) bool { return ptr.Deref(infos[i].Name) < ptr.Deref(infos[j].Name) })
	var queues, statuses []attr.Value
	for _, q := range infos {
		name, status := strings.ToLower(ptr.Deref(q.Name)), strings.ToUpper(ptr.Deref(q.Status))
		if status != client.ConnectionQueueFailed {
			queues = append(queues, types.StringValue(name))
		}
		obj, d := types.ObjectValue(connectionQueueStatusType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(name), "status": types.StringValue(status),
			"err_msg": types.StringValue(ptr.Deref(q.ErrMsg)), "peer_id": types.StringValue(ptr.Deref(q.PeerId)),
			"update_time": types.StringValue(rfc3339FromMillis(ptr.Deref(q.UpdateTime))),
		})
		diags.Append(d...)
		statuses = append(statuses, obj)
	}
	if len(queues) == 0 && (m.Queues.IsNull() || m.Queues.IsUnknown()) {
		m.Queues = types.SetNull(types.StringType)
	} else {
		m.Queues = types.SetValueMust(types.StringType, queues)
	}
	m.QueueStatus = types.ListValueMust(connectionQueueStatusType, statuses)

	var hosts []attr.Value
	for _, h := range ptr.Deref(c.Hosts) {
		obj, d := types.ObjectValue(connectionHostType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(ptr.Deref(h.Name)), "ip": types.StringValue(ptr.Deref(h.Ip)),
		})
		diags.Append(d...)
		hosts = append(hosts, obj)
	}
	if len(hosts) == 0 && (m.Hosts.IsNull() || m.Hosts.IsUnknown()) {
		m.Hosts = types.ListNull(connectionHostType)
	} else {
		m.Hosts = types.ListValueMust(connectionHostType, hosts)
	}
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
	return diags
}

// withUnknownsNull returns m with every unknown (computed) value set to null, for the state
// saved right after create, before the connection is read back.
func (m dliConnectionModel) withUnknownsNull() dliConnectionModel {
	for _, s := range []*types.String{&m.Status, &m.CreateTime} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.QueueStatus.IsUnknown() {
		m.QueueStatus = types.ListNull(connectionQueueStatusType)
	}
	return m
}

// queueChanges compares the peerings DLI reports with the desired queues: unbind holds the
// bound queues no longer wanted and the wanted ones whose peering FAILED (to be bound again);
// bind holds every wanted queue without a healthy (CREATING or ACTIVE) peering.
func queueChanges(bound []model.EnhancedConnectionResource, desired []string) (unbind, bind []string) {
	healthy := map[string]bool{}
	for _, q := range bound {
		name := strings.ToLower(ptr.Deref(q.Name))
		failed := strings.EqualFold(ptr.Deref(q.Status), client.ConnectionQueueFailed)
		if !slices.Contains(desired, name) || failed {
			unbind = append(unbind, name)
		}
		if !failed {
			healthy[name] = true
		}
	}
	for _, name := range desired {
		if !healthy[name] {
			bind = append(bind, name)
		}
	}
	sort.Strings(unbind)
	return unbind, bind
}

// stringSet returns a set of strings sorted (empty when null or unknown).
func stringSet(ctx context.Context, s types.Set) ([]string, diag.Diagnostics) {
	var out []string
	if s.IsNull() || s.IsUnknown() {
		return out, nil
	}
	diags := s.ElementsAs(ctx, &out, false)
	sort.Strings(out)
	return out, diags
}

// ipv4Address validates a dotted-quad IPv4 address.
func ipv4Address() validator.String { return ipv4Validator{} }

type ipv4Validator struct{}

func (ipv4Validator) Description(context.Context) string {
	return "must be an IPv4 address such as 192.168.0.10"
}

func (v ipv4Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ipv4Validator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if a, err := netip.ParseAddr(s); err != nil || !a.Is4() {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid IPv4 address",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), s))
	}
}
