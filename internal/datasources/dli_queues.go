package datasources

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ datasource.DataSourceWithConfigure = (*dliQueuesDataSource)(nil)

// NewDLIQueues is the huaweidata_dli_queues data source.
func NewDLIQueues() datasource.DataSource {
	return &dliQueuesDataSource{DataSourceBase: framework.NewDataSourceBase("dli_queues")}
}

type dliQueuesDataSource struct {
	framework.DataSourceBase
}

type dliQueuesModel struct {
	ID        types.String     `tfsdk:"id"`
	QueueType types.String     `tfsdk:"queue_type"`
	PoolName  types.String     `tfsdk:"elastic_resource_pool_name"`
	Tags      types.Map        `tfsdk:"tags"`
	NameRegex types.String     `tfsdk:"name_regex"`
	Queues    []dliQueueResult `tfsdk:"queues"`
}

type dliQueueResult struct {
	Name                types.String      `tfsdk:"name"`
	QueueType           types.String      `tfsdk:"queue_type"`
	CUCount             types.Int32       `tfsdk:"cu_count"`
	Description         types.String      `tfsdk:"description"`
	PoolName            types.String      `tfsdk:"elastic_resource_pool_name"`
	Platform            types.String      `tfsdk:"platform"`
	EnterpriseProjectID types.String      `tfsdk:"enterprise_project_id"`
	Owner               types.String      `tfsdk:"owner"`
	ResourceID          types.String      `tfsdk:"resource_id"`
	CreateTime          timetypes.RFC3339 `tfsdk:"create_time"`
}

func (d *dliQueuesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := framework.ComputedString
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the DLI queues of the project, SQL and general alike, optionally filtered. Without `tags` it reads " +
			"the listing that every queue refreshed in the same run shares (one paged list call); `tags` needs a listing of its own.",
		Attributes: map[string]schema.Attribute{
			"id": str("Identifier of this query."),
			"queue_type": schema.StringAttribute{
				MarkdownDescription: "Keep only `sql` or `general` queues.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("sql", "general")},
			},
			"elastic_resource_pool_name": schema.StringAttribute{
				MarkdownDescription: "Keep only the queues in this elastic resource pool.",
				Optional:            true,
				Validators:          []validator.String{validators.PoolName()},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Keep only the queues that carry all these tags.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"name_regex": schema.StringAttribute{
				MarkdownDescription: "Keep only the queues whose name matches this regular expression (Go RE2 syntax).",
				Optional:            true,
				Validators:          []validator.String{validators.Regexp()},
			},
			"queues": schema.ListNestedAttribute{
				MarkdownDescription: "The matching queues, sorted by name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":                       str("Queue name."),
					"queue_type":                 str("`sql` or `general`."),
					"cu_count":                   framework.ComputedInt32("Current CUs of the queue."),
					"description":                str("Description."),
					"elastic_resource_pool_name": str("Elastic resource pool of the queue; null for a standalone queue."),
					"platform":                   str("CPU architecture: `x86_64` or `aarch64`."),
					"enterprise_project_id":      str("Enterprise project."),
					"owner":                      str("User who created the queue."),
					"resource_id":                str("Resource id."),
					"create_time":                framework.ComputedRFC3339("When the queue was created (RFC 3339, UTC)."),
				}},
			},
		},
	}
}

func (d *dliQueuesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliQueuesDataSource) query(ctx context.Context, m *dliQueuesModel, diags *diag.Diagnostics) {
	var queues []model.Queue
	var err error
	tags := map[string]string{}
	if flex.IsKnown(m.Tags) && len(m.Tags.Elements()) > 0 {
		diags.Append(m.Tags.ElementsAs(ctx, &tags, false)...)
		queues, err = d.Client.ListQueuesTagged(ctx, tags)
	} else {
		queues, err = d.Client.ListQueues(ctx)
	}
	if err != nil {
		framework.APIError(diags, "Listing DLI queues", err)
		return
	}
	names := framework.NewNameFilter(m.NameRegex, types.StringNull(), diags)
	queues = framework.Matching(queues, func(q model.Queue) bool {
		return (m.QueueType.ValueString() == "" || queueTypeOf(q) == m.QueueType.ValueString()) &&
			(m.PoolName.ValueString() == "" || ptr.Deref(q.ElasticResourcePoolName) == m.PoolName.ValueString()) &&
			names.Match(ptr.Deref(q.QueueName))
	}, func(q model.Queue) string { return ptr.Deref(q.QueueName) })
	m.Queues = []dliQueueResult{}
	for _, q := range queues {
		name, qt := ptr.Deref(q.QueueName), queueTypeOf(q)
		m.Queues = append(m.Queues, dliQueueResult{
			Name: types.StringValue(name), QueueType: types.StringValue(qt), CUCount: flex.Int32Value(q.CuCount),
			Description: types.StringValue(ptr.Deref(q.Description)), PoolName: flex.StringOrNull(ptr.Deref(q.ElasticResourcePoolName)),
			Platform: types.StringPointerValue(q.Platform), EnterpriseProjectID: types.StringPointerValue(q.EnterpriseProjectId),
			Owner: types.StringPointerValue(q.Owner), ResourceID: types.StringPointerValue(q.ResourceId),
			CreateTime: flex.RFC3339FromMillis(ptr.Deref(q.CreateTime)),
		})
	}
	pairs := make([]string, 0, len(tags))
	for k, v := range tags {
		pairs = append(pairs, k+"="+v)
	}
	sort.Strings(pairs)
	m.ID = types.StringValue(framework.QueryID(m.QueueType.ValueString(), m.PoolName.ValueString(), strings.Join(pairs, ","), m.NameRegex.ValueString()))
}

// queueTypeOf is a listed queue's type ("" when DLI leaves it out).
func queueTypeOf(q model.Queue) string {
	if q.QueueType == nil {
		return ""
	}
	return q.QueueType.Value()
}
