package resources

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// dliConnectionModel is the Terraform state of huaweidata_dli_connection.
type dliConnectionModel struct {
	ID           types.String      `tfsdk:"id"`
	Name         types.String      `tfsdk:"name"`
	VpcID        types.String      `tfsdk:"vpc_id"`
	SubnetID     types.String      `tfsdk:"subnet_id"`
	RouteTableID types.String      `tfsdk:"route_table_id"`
	Queues       types.Set         `tfsdk:"queues"`
	Hosts        types.List        `tfsdk:"hosts"`
	Tags         types.Map         `tfsdk:"tags"`
	Status       types.String      `tfsdk:"status"`
	QueueStatus  types.List        `tfsdk:"queue_status"`
	CreateTime   timetypes.RFC3339 `tfsdk:"create_time"`
	Timeouts     timeouts.Value    `tfsdk:"timeouts"`
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
		"peer_id": types.StringType, "update_time": timetypes.RFC3339Type{},
	}}
)

// createBody maps the plan to the §12.1 request body.
func (m dliConnectionModel) createBody(ctx context.Context) (*model.CreateEnhancedConnectionRequestBody, diag.Diagnostics) {
	body := &model.CreateEnhancedConnectionRequestBody{
		Name:          m.Name.ValueString(),
		DestVpcId:     m.VpcID.ValueString(),
		DestNetworkId: m.SubnetID.ValueString(),
		RoutetableId:  flex.StringPointer(m.RouteTableID),
	}
	queues, diags := flex.StringSet(ctx, m.Queues)
	if len(queues) > 0 {
		body.Queues = &queues
	}
	hosts, d := m.hostsBody(ctx)
	diags.Append(d...)
	if len(hosts) > 0 {
		body.Hosts = &hosts
	}
	body.Tags = flex.TagsPointer(ctx, m.Tags, &diags)
	return body, diags
}

// hostsBody returns the configured hosts in the API's form (empty when unset).
func (m dliConnectionModel) hostsBody(ctx context.Context) ([]model.EnhancedConnectionHost, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := []model.EnhancedConnectionHost{}
	if !flex.IsKnown(m.Hosts) {
		return out, diags
	}
	var hosts []connectionHostModel
	diags.Append(m.Hosts.ElementsAs(ctx, &hosts, false)...)
	for _, h := range hosts {
		out = append(out, model.EnhancedConnectionHost{Name: flex.StringPointer(h.Name), Ip: flex.StringPointer(h.IP)})
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
	m.CreateTime = flex.RFC3339FromMillis(ptr.Deref(c.CreateTime))

	infos := slices.Clone(ptr.Deref(c.AvailableQueueInfo))
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
			"update_time": flex.RFC3339FromMillis(ptr.Deref(q.UpdateTime)),
		})
		diags.Append(d...)
		statuses = append(statuses, obj)
	}
	if len(queues) == 0 && !flex.IsKnown(m.Queues) {
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
	if len(hosts) == 0 && !flex.IsKnown(m.Hosts) {
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
	flex.UnknownToNull(&m.Status)
	if m.CreateTime.IsUnknown() {
		m.CreateTime = timetypes.NewRFC3339Null()
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
