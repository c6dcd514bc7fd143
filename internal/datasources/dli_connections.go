package datasources

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ datasource.DataSource              = (*dliConnectionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliConnectionsDataSource)(nil)
)

// NewDLIConnections is the huaweidata_dli_connections data source.
func NewDLIConnections() datasource.DataSource {
	return &dliConnectionsDataSource{DataSourceBase: framework.NewDataSourceBase("dli_connections")}
}

type dliConnectionsDataSource struct {
	framework.DataSourceBase
}

func (d *dliConnectionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := framework.ComputedString
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the DLI enhanced datasource connections of the project, sorted by name (then id). `name`, " +
			"`status` and `tags` are sent to the API; `name_regex` is applied by the provider. One read is one listing " +
			"(one request per 100 connections); `huaweidata_dli_connection` resources read their connection by id and do not " +
			"list." +
			" Without `name`, `status` and `tags`, a read in the apply that creates connections (for example with `depends_on`) waits, within the provider's consistency window, until the listing shows what the provider has just written.",
		Attributes: map[string]schema.Attribute{
			"id": framework.ComputedString("Identifier of this query (a hash of the filters)."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Keep only the connections of exactly this name (the API's `name` filter): 1 to 64 letters, digits and underscores.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 64),
					stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Za-z0-9_]*$`), "must contain only letters, digits and underscores"),
				},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Keep only the connections in this status (the API's `status` filter): `ACTIVE` or `DELETED`. " +
					"Without it, the API lists both.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(client.ConnectionStatusActive, client.ConnectionStatusDeleted)},
			},
			"tags": framework.TagsFilterAttribute("Keep only the connections that have all of these tags (the API's `tags` filter). " +
				"DLI does not list a connection's tags, so they are not in the result."),
			"name_regex": framework.NameRegexAttribute("connections"),
			"connections": schema.ListNestedAttribute{
				MarkdownDescription: "The matching connections, sorted by name, then id.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":        str("Connection id."),
					"name":      str("Connection name."),
					"status":    str("`ACTIVE` or `DELETED`."),
					"vpc_id":    str("Id of the VPC of the data sources the connection reaches."),
					"subnet_id": str("Id of the subnet of the data sources."),
					"queues": schema.ListAttribute{
						MarkdownDescription: "Names of the queues bound to the connection whose peering is active or being created, " +
							"sorted (queues whose peering failed are left out, as in `huaweidata_dli_connection`).",
						Computed:    true,
						ElementType: types.StringType,
					},
					"hosts": schema.ListNestedAttribute{
						MarkdownDescription: "Host name entries the connection adds to its queues, in the API's order.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"name": str("Host name."),
							"ip":   str("IPv4 address of the host."),
						}},
					},
					"create_time": framework.ComputedRFC3339("Creation time (RFC 3339, UTC)."),
				}},
			},
		},
	}
}

func (d *dliConnectionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliConnectionsDataSource) query(ctx context.Context, m *dliConnectionsModel, diags *diag.Diagnostics) {
	names := framework.NewNameFilter(m.NameRegex, types.StringNull(), diags)
	f := client.ConnectionFilter{Name: m.Name.ValueString(), Status: m.Status.ValueString(), Tags: flex.StringMap(ctx, m.Tags, diags)}
	if diags.HasError() {
		return
	}
	conns, err := d.Client.ListEnhancedConnectionsSettled(ctx, f)
	if err != nil {
		framework.APIError(diags, "Listing DLI enhanced connections failed", err)
		return
	}
	conns = framework.Matching(conns, func(c model.EnhancedConnection) bool { return names.Match(ptr.Deref(c.Name)) },
		func(c model.EnhancedConnection) string { return ptr.Deref(c.Name) + "\x00" + ptr.Deref(c.Id) })

	m.ID = types.StringValue(framework.QueryID("dli_connections", f.Name, f.Status, client.TagsFilter(f.Tags), m.NameRegex.ValueString()))
	m.Connections = make([]dliConnectionItemModel, 0, len(conns))
	for _, c := range conns {
		m.Connections = append(m.Connections, connectionItem(c))
	}
}

// connectionItem maps a listed connection (§12.3) to its element of connections.
func connectionItem(c model.EnhancedConnection) dliConnectionItemModel {
	queues := []string{}
	for _, q := range ptr.Deref(c.AvailableQueueInfo) {
		if !strings.EqualFold(ptr.Deref(q.Status), client.ConnectionQueueFailed) {
			queues = append(queues, strings.ToLower(ptr.Deref(q.Name)))
		}
	}
	slices.Sort(queues)
	hosts := []dliConnectionHostModel{}
	for _, h := range ptr.Deref(c.Hosts) {
		hosts = append(hosts, dliConnectionHostModel{Name: types.StringPointerValue(h.Name), IP: types.StringPointerValue(h.Ip)})
	}
	return dliConnectionItemModel{
		ID: types.StringPointerValue(c.Id), Name: types.StringPointerValue(c.Name),
		Status: types.StringValue(strings.ToUpper(ptr.Deref(c.Status))),
		VpcID:  flex.StringOrNull(ptr.Deref(c.DestVpcId)), SubnetID: flex.StringOrNull(ptr.Deref(c.DestNetworkId)),
		Queues: queues, Hosts: hosts, CreateTime: flex.RFC3339FromMillis(ptr.Deref(c.CreateTime)),
	}
}

type dliConnectionsModel struct {
	ID          types.String             `tfsdk:"id"`
	Name        types.String             `tfsdk:"name"`
	Status      types.String             `tfsdk:"status"`
	Tags        types.Map                `tfsdk:"tags"`
	NameRegex   types.String             `tfsdk:"name_regex"`
	Connections []dliConnectionItemModel `tfsdk:"connections"`
}

type dliConnectionItemModel struct {
	ID         types.String             `tfsdk:"id"`
	Name       types.String             `tfsdk:"name"`
	Status     types.String             `tfsdk:"status"`
	VpcID      types.String             `tfsdk:"vpc_id"`
	SubnetID   types.String             `tfsdk:"subnet_id"`
	Queues     []string                 `tfsdk:"queues"`
	Hosts      []dliConnectionHostModel `tfsdk:"hosts"`
	CreateTime timetypes.RFC3339        `tfsdk:"create_time"`
}

type dliConnectionHostModel struct {
	Name types.String `tfsdk:"name"`
	IP   types.String `tfsdk:"ip"`
}
