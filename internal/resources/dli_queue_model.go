package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// dliQueueModel is the Terraform state of huaweidata_dli_queue.
type dliQueueModel struct {
	ID                  types.String      `tfsdk:"id"`
	Name                types.String      `tfsdk:"name"`
	CUCount             types.Int32       `tfsdk:"cu_count"`
	QueueType           types.String      `tfsdk:"queue_type"`
	Description         types.String      `tfsdk:"description"`
	ResourceMode        types.Int32       `tfsdk:"resource_mode"`
	Platform            types.String      `tfsdk:"platform"`
	EnterpriseProjectID types.String      `tfsdk:"enterprise_project_id"`
	Labels              types.Set         `tfsdk:"labels"`
	Tags                types.Map         `tfsdk:"tags"`
	Owner               types.String      `tfsdk:"owner"`
	CreateTime          timetypes.RFC3339 `tfsdk:"create_time"`
	ResourceID          types.String      `tfsdk:"resource_id"`
	CUSpec              types.Int32       `tfsdk:"cu_spec"`
	CUScaleOutLimit     types.Int32       `tfsdk:"cu_scale_out_limit"`
	CUScaleInLimit      types.Int32       `tfsdk:"cu_scale_in_limit"`
	PoolName            types.String      `tfsdk:"elastic_resource_pool_name"`
	ScalingPolicies     types.Set         `tfsdk:"scaling_policies"`
	Properties          types.Map         `tfsdk:"properties"`
	Timeouts            timeouts.Value    `tfsdk:"timeouts"`
}

// createBody maps the plan to the §6.1 request body.
func (m dliQueueModel) createBody(ctx context.Context, diags *diag.Diagnostics) *model.CreateQueueRequestBody {
	body := &model.CreateQueueRequestBody{
		QueueName:               m.Name.ValueString(),
		CuCount:                 m.CUCount.ValueInt32(),
		QueueType:               flex.StringPointer(m.QueueType),
		Description:             flex.StringPointer(m.Description),
		Platform:                flex.StringPointer(m.Platform),
		EnterpriseProjectId:     flex.StringPointer(m.EnterpriseProjectID),
		ResourceMode:            flex.Int32Pointer(m.ResourceMode),
		Tags:                    flex.TagsPointer(ctx, m.Tags, diags),
		ElasticResourcePoolName: flex.StringPointer(m.PoolName),
	}
	if flex.IsKnown(m.Labels) {
		var labels []string
		diags.Append(m.Labels.ElementsAs(ctx, &labels, false)...)
		items := make([]interface{}, len(labels))
		for i, l := range labels {
			items[i] = l
		}
		body.Labels = &items
	}
	return body
}

// fromAPI copies what the queue listing returns; tags are not returned and stay as they are.
func (m *dliQueueModel) fromAPI(q *model.Queue) {
	m.ID = types.StringPointerValue(q.QueueName)
	m.Name = types.StringPointerValue(q.QueueName)
	m.CUCount = flex.Int32Value(q.CuCount)
	if q.QueueType != nil {
		m.QueueType = types.StringValue(q.QueueType.Value())
	}
	m.Description = types.StringValue(ptr.Deref(q.Description))
	m.ResourceMode = flex.Int32Value(q.ResourceMode)
	m.Platform = types.StringPointerValue(q.Platform)
	m.EnterpriseProjectID = types.StringPointerValue(q.EnterpriseProjectId)
	m.Labels = labelsValue(ptr.Deref(q.Labels), m.Labels)
	m.Owner = types.StringPointerValue(q.Owner)
	m.CreateTime = flex.RFC3339FromMillis(ptr.Deref(q.CreateTime))
	m.ResourceID = types.StringPointerValue(q.ResourceId)
	m.CUSpec = flex.Int32Value(q.CuSpec)
	m.CUScaleOutLimit = flex.Int32Value(q.CuScaleOutLimit)
	m.CUScaleInLimit = flex.Int32Value(q.CuScaleInLimit)
	m.PoolName = flex.StringOrNull(ptr.Deref(q.ElasticResourcePoolName))
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
}

// withUnknownsNull returns m with every unknown (computed) value set to null, for the state
// saved right after create, before the queue is read back.
func (m dliQueueModel) withUnknownsNull() dliQueueModel {
	flex.UnknownToNull(&m.Platform, &m.EnterpriseProjectID, &m.Owner, &m.CreateTime.StringValue, &m.ResourceID)
	if m.ScalingPolicies.IsUnknown() {
		m.ScalingPolicies = policiesNull()
	}
	for _, i := range []*types.Int32{&m.ResourceMode, &m.CUSpec, &m.CUScaleOutLimit, &m.CUScaleInLimit} {
		if i.IsUnknown() {
			*i = types.Int32Null()
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
	if len(elems) == 0 && !flex.IsKnown(prior) {
		return types.SetNull(types.StringType)
	}
	return types.SetValueMust(types.StringType, elems)
}
