package datasources

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ datasource.DataSource                   = (*dataArtsRelationsDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*dataArtsRelationsDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*dataArtsRelationsDataSource)(nil)
)

// NewDataArtsRelations is the huaweidata_dataarts_relations data source.
func NewDataArtsRelations() datasource.DataSource {
	return &dataArtsRelationsDataSource{DataSourceBase: framework.NewDataSourceBase("dataarts_relations")}
}

type dataArtsRelationsDataSource struct {
	framework.DataSourceBase
}

func (d *dataArtsRelationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	window := func(which, other string, more ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: "The " + which + " of a creation-time window (RFC 3339, e.g. `2024-04-01T00:00:00Z`; sent in UTC, " +
				"to the second). Set both `begin_time` and `end_time` or neither: the API ignores one end alone.",
			CustomType: timetypes.RFC3339Type{},
			Optional:   true,
			Validators: append([]validator.String{stringvalidator.AlsoRequires(path.MatchRoot(other))}, more...),
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the ER relationships of a DataArts Studio Architecture workspace, with their field mappings, " +
			"merging every page of results.",
		Attributes: map[string]schema.Attribute{
			"id":           framework.ComputedString("Identifier of this query."),
			"workspace_id": framework.DataArtsWorkspaceID.Attribute(),
			"name": schema.StringAttribute{
				MarkdownDescription: "Keep relationships whose name contains this text (case-insensitive; fuzzy match by the API).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"create_by": schema.StringAttribute{
				MarkdownDescription: "Keep relationships created by this user.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"begin_time": window("start", "end_time"),
			"end_time":   window("end", "begin_time", validators.EndsAtOrAfter(path.MatchRoot("begin_time"))),
			"relations": schema.ListNestedAttribute{
				MarkdownDescription: "The matching relationships, sorted by name and id.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                str("Relationship id (a 19-digit number, kept as a string)."),
					"name":              str("Relationship name."),
					"source_table_id":   str("Id of the source table."),
					"source_table_name": str("Name of the source table."),
					"target_table_id":   str("Id of the target table."),
					"target_table_name": str("Name of the target table."),
					"role":              str("Role; often null."),
					"tenant_id":         str("Tenant, `{project_id}-workspace-{workspace_id}`."),
					"source_type":       str("Cardinality on the source side: `ONE`, `ZERO_OR_ONE`, `ZERO_OR_N` or `ONE_OR_N`."),
					"target_type":       str("Cardinality on the target side."),
					"create_by":         str("Creator."),
					"update_by":         str("Last updater."),
					"create_time":       at("Creation time (RFC 3339, as the API returns it)."),
					"update_time":       at("Last update time (RFC 3339)."),
					"mappings": schema.ListNestedAttribute{
						MarkdownDescription: "Field mappings of the relationship.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"id":                str("Mapping id."),
							"relation_id":       str("Id of the relationship."),
							"source_field_id":   str("Id of the source field."),
							"source_field_name": str("Name of the source field."),
							"target_field_id":   str("Id of the target field."),
							"target_field_name": str("Name of the target field."),
							"create_by":         str("Creator."),
							"update_by":         str("Last updater."),
							"create_time":       at("Creation time (RFC 3339)."),
							"update_time":       at("Last update time (RFC 3339)."),
						}},
					},
				}},
			},
		},
	}
}

func (d *dataArtsRelationsDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var m relationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	framework.DataArtsWorkspaceID.Resolve(d.Client, m.WorkspaceID, &resp.Diagnostics)
}

func (d *dataArtsRelationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dataArtsRelationsDataSource) query(ctx context.Context, m *relationsModel, diags *diag.Diagnostics) {
	ws := framework.DataArtsWorkspaceID.Resolve(d.Client, m.WorkspaceID, diags)
	if diags.HasError() {
		return
	}
	q := client.RelationQuery{Workspace: ws, Name: m.Name.ValueString(), CreateBy: m.CreateBy.ValueString()}
	if flex.IsKnown(m.BeginTime) && flex.IsKnown(m.EndTime) {
		begin, valueDiags := m.BeginTime.ValueRFC3339Time()
		diags.Append(valueDiags...)
		end, valueDiags := m.EndTime.ValueRFC3339Time()
		diags.Append(valueDiags...)
		if diags.HasError() {
			return
		}
		// The API wants UTC to the second; the end is rounded up so the window never shrinks.
		q.BeginTime = begin.UTC().Truncate(time.Second).Format(time.RFC3339)
		q.EndTime = end.UTC().Add(time.Second - time.Nanosecond).Truncate(time.Second).Format(time.RFC3339)
	}
	rels, err := d.Client.ListRelations(ctx, q)
	if err != nil {
		framework.APIError(diags, "Reading DataArts relations failed", err)
		return
	}
	slices.SortStableFunc(rels, func(a, b client.Relation) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	m.ID = types.StringValue(framework.QueryID(ws, q.Name, q.CreateBy, q.BeginTime, q.EndTime))
	m.WorkspaceID = types.StringValue(ws)
	m.Relations = make([]relationModel, 0, len(rels))
	for _, r := range rels {
		rm := relationModel{
			ID: types.StringValue(string(r.ID)), Name: types.StringValue(r.Name),
			SourceTableID: flex.StringOrNull(string(r.SourceTableID)), SourceTableName: flex.StringOrNull(r.SourceTableName),
			TargetTableID: flex.StringOrNull(string(r.TargetTableID)), TargetTableName: flex.StringOrNull(r.TargetTableName),
			Role: flex.StringOrNull(r.Role), TenantID: flex.StringOrNull(r.TenantID), SourceType: flex.StringOrNull(r.SourceType),
			TargetType: flex.StringOrNull(r.TargetType), CreateBy: flex.StringOrNull(r.CreateBy), UpdateBy: flex.StringOrNull(r.UpdateBy),
			CreateTime: flex.RFC3339OrNull(r.CreateTime), UpdateTime: flex.RFC3339OrNull(r.UpdateTime),
			Mappings: make([]relationMappingModel, 0, len(r.Mappings)),
		}
		for _, mp := range r.Mappings {
			rm.Mappings = append(rm.Mappings, relationMappingModel{
				ID: types.StringValue(string(mp.ID)), RelationID: flex.StringOrNull(string(mp.RelationID)),
				SourceFieldID: flex.StringOrNull(string(mp.SourceFieldID)), SourceFieldName: flex.StringOrNull(mp.SourceFieldName),
				TargetFieldID: flex.StringOrNull(string(mp.TargetFieldID)), TargetFieldName: flex.StringOrNull(mp.TargetFieldName),
				CreateBy: flex.StringOrNull(mp.CreateBy), UpdateBy: flex.StringOrNull(mp.UpdateBy),
				CreateTime: flex.RFC3339OrNull(mp.CreateTime), UpdateTime: flex.RFC3339OrNull(mp.UpdateTime),
			})
		}
		m.Relations = append(m.Relations, rm)
	}
}

type relationsModel struct {
	ID          types.String      `tfsdk:"id"`
	WorkspaceID types.String      `tfsdk:"workspace_id"`
	Name        types.String      `tfsdk:"name"`
	CreateBy    types.String      `tfsdk:"create_by"`
	BeginTime   timetypes.RFC3339 `tfsdk:"begin_time"`
	EndTime     timetypes.RFC3339 `tfsdk:"end_time"`
	Relations   []relationModel   `tfsdk:"relations"`
}

type relationModel struct {
	ID              types.String           `tfsdk:"id"`
	Name            types.String           `tfsdk:"name"`
	SourceTableID   types.String           `tfsdk:"source_table_id"`
	SourceTableName types.String           `tfsdk:"source_table_name"`
	TargetTableID   types.String           `tfsdk:"target_table_id"`
	TargetTableName types.String           `tfsdk:"target_table_name"`
	Role            types.String           `tfsdk:"role"`
	TenantID        types.String           `tfsdk:"tenant_id"`
	SourceType      types.String           `tfsdk:"source_type"`
	TargetType      types.String           `tfsdk:"target_type"`
	CreateBy        types.String           `tfsdk:"create_by"`
	UpdateBy        types.String           `tfsdk:"update_by"`
	CreateTime      timetypes.RFC3339      `tfsdk:"create_time"`
	UpdateTime      timetypes.RFC3339      `tfsdk:"update_time"`
	Mappings        []relationMappingModel `tfsdk:"mappings"`
}

type relationMappingModel struct {
	ID              types.String      `tfsdk:"id"`
	RelationID      types.String      `tfsdk:"relation_id"`
	SourceFieldID   types.String      `tfsdk:"source_field_id"`
	SourceFieldName types.String      `tfsdk:"source_field_name"`
	TargetFieldID   types.String      `tfsdk:"target_field_id"`
	TargetFieldName types.String      `tfsdk:"target_field_name"`
	CreateBy        types.String      `tfsdk:"create_by"`
	UpdateBy        types.String      `tfsdk:"update_by"`
	CreateTime      timetypes.RFC3339 `tfsdk:"create_time"`
	UpdateTime      timetypes.RFC3339 `tfsdk:"update_time"`
}
