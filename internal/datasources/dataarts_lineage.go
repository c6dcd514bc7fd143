package datasources

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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
	_ datasource.DataSource                   = (*dataArtsLineageDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*dataArtsLineageDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*dataArtsLineageDataSource)(nil)
)

// Traversal limits.
const (
	lineageMaxDepth         = 10
	lineageDefaultMaxAssets = 500
	lineageMaxAssetsLimit   = 5000
)

// NewDataArtsLineage is the huaweidata_dataarts_lineage data source.
func NewDataArtsLineage() datasource.DataSource {
	return &dataArtsLineageDataSource{DataSourceBase: framework.NewDataSourceBase("dataarts_lineage")}
}

type dataArtsLineageDataSource struct {
	framework.DataSourceBase
}

// lineageFilters are the bulk-mode filters: argument name -> field of an edge.
var lineageFilters = []struct {
	attr, what string
	field      func(client.LineageEdge) string
}{
	{"source_database", "database of the upstream table", func(e client.LineageEdge) string { return e.SourceDatabase }},
	{"source_table", "upstream table name", func(e client.LineageEdge) string { return e.SourceTable }},
	{"source_type", "upstream asset type (e.g. `dli_table_managed`)", func(e client.LineageEdge) string { return e.SourceType }},
	{"target_database", "database of the downstream table", func(e client.LineageEdge) string { return e.TargetDatabase }},
	{"target_table", "downstream table name", func(e client.LineageEdge) string { return e.TargetTable }},
	{"target_type", "downstream asset type", func(e client.LineageEdge) string { return e.TargetType }},
}

func (d *dataArtsLineageDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	guidOnly := []validator.String{stringvalidator.AlsoRequires(path.MatchRoot("guid"))}
	str := framework.ComputedString
	side := func(which string) map[string]schema.Attribute {
		return map[string]schema.Attribute{
			which + "_guid":           str("GUID of the " + which + " asset."),
			which + "_qualified_name": str("Qualified name of the " + which + " asset, e.g. `db.table@dli.{project}-workspace-{workspace}`."),
			which + "_type":           str("Type of the " + which + " asset: the bulk API's vocabulary (`dli_table_managed`) without `guid`, the entity type (`dli.Table`) with it."),
			which + "_database":       str("Database of the " + which + " table."),
			which + "_schema":         str("Schema of the " + which + " table; null where the source has none (DLI)."),
			which + "_table":          str("Name of the " + which + " table."),
		}
	}
	edgeAttrs := map[string]schema.Attribute{
		"node_guid":           str("GUID of the job operator (job node) that reads the source and writes the target."),
		"node_name":           str("Name of the job operator."),
		"node_type":           str("Type of the job operator, e.g. `dli_sql_node`."),
		"node_qualified_name": str("Qualified name of the job operator."),
		"workspace_id":        str("Workspace of the job operator."),
	}
	for _, which := range []string{"source", "target"} {
		for k, v := range side(which) {
			edgeAttrs[k] = v
		}
	}
	attrs := map[string]schema.Attribute{
		"id":          framework.ComputedString("Identifier of this query."),
		"instance_id": framework.DataArtsInstanceID.Attribute(),
		"guid": schema.StringAttribute{
			MarkdownDescription: "GUID of a data asset (table or job operator). When set, the data source reads the lineage graph " +
				"around this asset (asset lineage API, one call per asset visited); when unset, it reads the table lineage of every " +
				"job operator (batch lineage API, all pages).",
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
		},
		"direction": schema.StringAttribute{
			MarkdownDescription: "With `guid`: `OUT` follows downstream consumers, `IN` upstream sources, `BOTH` (the default) " +
				"both: the union of the upstream and the downstream lineage (siblings, such as the other inputs of a downstream " +
				"table, are not followed).",
			Optional:   true,
			Validators: append([]validator.String{stringvalidator.OneOf(client.DirectionIn, client.DirectionOut, client.DirectionBoth)}, guidOnly...),
		},
		"depth": schema.Int64Attribute{
			MarkdownDescription: fmt.Sprintf("With `guid`: how many hops (table -> job operator -> table) to follow, 1 to %d. "+
				"Defaults to `1`, which is a single API call; each further hop reads every newly reached asset once "+
				"(assets reached twice, through cycles, diamonds or both directions, are read once).", lineageMaxDepth),
			Optional: true,
			Validators: []validator.Int64{int64validator.Between(1, lineageMaxDepth),
				int64validator.AlsoRequires(path.MatchRoot("guid"))},
		},
		"max_assets": schema.Int64Attribute{
			MarkdownDescription: fmt.Sprintf("With `guid`: the most assets whose lineage is read (API calls), 1 to %d; defaults to `%d`. "+
				"When reached, the traversal stops, `truncated` is true and a warning is shown.", lineageMaxAssetsLimit, lineageDefaultMaxAssets),
			Optional: true,
			Validators: []validator.Int64{int64validator.Between(1, lineageMaxAssetsLimit),
				int64validator.AlsoRequires(path.MatchRoot("guid"))},
		},
		"visited_assets": schema.Int64Attribute{
			MarkdownDescription: "Number of assets whose lineage was read (one API call each); 0 without `guid`.",
			Computed:            true,
		},
		"truncated": schema.BoolAttribute{
			MarkdownDescription: "True when the traversal stopped at `max_assets` before reaching `depth`.",
			Computed:            true,
		},
		"edges": schema.ListNestedAttribute{
			MarkdownDescription: "Table-to-table lineage edges, each with the job operator between the tables, sorted by source, " +
				"target and operator qualified name.",
			Computed:     true,
			NestedObject: schema.NestedAttributeObject{Attributes: edgeAttrs},
		},
		"entities": schema.ListNestedAttribute{
			MarkdownDescription: "The assets of `edges` (tables and job operators) and, with `guid`, the queried asset, sorted by qualified name.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"guid":           str("Asset GUID."),
				"type":           str("Asset type, e.g. `dli.Table`, `dlf.dli_sql`."),
				"display_name":   str("Display name."),
				"qualified_name": str("Qualified name."),
				"attributes": schema.MapAttribute{
					MarkdownDescription: "Asset attributes as strings (numbers and structures as JSON). With `guid`, as the API " +
						"returns them; without, `database`, `schema`, `table` (tables) and `workspace_id` (operators).",
					ElementType: types.StringType,
					Computed:    true,
				},
			}},
		},
	}
	for _, f := range lineageFilters {
		attrs[f.attr] = schema.StringAttribute{
			MarkdownDescription: "Without `guid` only: keep the edges whose " + f.what + " equals this value.",
			Optional:            true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank(),
				stringvalidator.ConflictsWith(path.MatchRoot("guid"))},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads table lineage from DataArts Studio DataMap: either the whole edge list of every job operator " +
			"(optionally filtered), or the graph around one asset followed hop by hop. Use it to find every downstream table " +
			"of a source.",
		Attributes: attrs,
	}
}

func (d *dataArtsLineageDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var m lineageModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	framework.DataArtsInstanceID.Resolve(d.Client, m.InstanceID, &resp.Diagnostics)
}

func (d *dataArtsLineageDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dataArtsLineageDataSource) query(ctx context.Context, m *lineageModel, diags *diag.Diagnostics) {
	instance := framework.DataArtsInstanceID.Resolve(d.Client, m.InstanceID, diags)
	if diags.HasError() {
		return
	}
	var (
		res *client.LineageResult
		err error
	)
	if guid := m.GUID.ValueString(); guid != "" {
		direction := m.Direction.ValueString()
		if direction == "" {
			direction = client.DirectionBoth
		}
		depth, maxAssets := int64(1), int64(lineageDefaultMaxAssets)
		if !m.Depth.IsNull() {
			depth = m.Depth.ValueInt64()
		}
		if !m.MaxAssets.IsNull() {
			maxAssets = m.MaxAssets.ValueInt64()
		}
		res, err = d.Client.TraverseLineage(ctx, instance, guid, direction, int(depth), int(maxAssets))
		m.ID = types.StringValue(framework.QueryID(instance, guid, direction, strconv.FormatInt(depth, 10)))
		if err == nil && res.Truncated {
			diags.AddAttributeWarning(path.Root("max_assets"), "Lineage traversal truncated",
				fmt.Sprintf("The traversal read %d assets (max_assets) before reaching depth %d; edges beyond them are missing. "+
					"Raise max_assets or lower depth.", res.Visited, depth))
		}
	} else {
		res, err = d.Client.BulkLineage(ctx, instance)
		if err == nil {
			res.FilterEdges(func(e client.LineageEdge) bool {
				for i, f := range lineageFilters {
					if want := m.filter(i).ValueString(); want != "" && f.field(e) != want {
						return false
					}
				}
				return true
			})
		}
		parts := []string{instance, "bulk"}
		for i := range lineageFilters {
			parts = append(parts, m.filter(i).ValueString())
		}
		m.ID = types.StringValue(framework.QueryID(parts...))
	}
	if err != nil {
		framework.APIError(diags, "Reading DataArts lineage failed", err)
		return
	}
	m.InstanceID = types.StringValue(instance)
	m.VisitedAssets = types.Int64Value(int64(res.Visited))
	m.Truncated = types.BoolValue(res.Truncated)
	m.Edges = make([]lineageEdgeModel, 0, len(res.Edges))
	for _, e := range res.Edges {
		m.Edges = append(m.Edges, lineageEdgeFrom(e))
	}
	m.Entities = make([]lineageEntityModel, 0, len(res.Entities))
	for _, e := range res.Entities {
		attrs := make(map[string]types.String, len(e.Attributes))
		for k, v := range e.Attributes {
			attrs[k] = types.StringValue(v)
		}
		m.Entities = append(m.Entities, lineageEntityModel{
			GUID: types.StringValue(e.GUID), Type: types.StringValue(e.TypeName), DisplayName: types.StringValue(e.DisplayName),
			QualifiedName: types.StringValue(e.QualifiedName), Attributes: attrs,
		})
	}
}

type lineageModel struct {
	ID             types.String         `tfsdk:"id"`
	InstanceID     types.String         `tfsdk:"instance_id"`
	GUID           types.String         `tfsdk:"guid"`
	Direction      types.String         `tfsdk:"direction"`
	Depth          types.Int64          `tfsdk:"depth"`
	MaxAssets      types.Int64          `tfsdk:"max_assets"`
	SourceDatabase types.String         `tfsdk:"source_database"`
	SourceTable    types.String         `tfsdk:"source_table"`
	SourceType     types.String         `tfsdk:"source_type"`
	TargetDatabase types.String         `tfsdk:"target_database"`
	TargetTable    types.String         `tfsdk:"target_table"`
	TargetType     types.String         `tfsdk:"target_type"`
	VisitedAssets  types.Int64          `tfsdk:"visited_assets"`
	Truncated      types.Bool           `tfsdk:"truncated"`
	Edges          []lineageEdgeModel   `tfsdk:"edges"`
	Entities       []lineageEntityModel `tfsdk:"entities"`
}

// filter returns the i-th argument of lineageFilters.
func (m *lineageModel) filter(i int) types.String {
	return [...]types.String{m.SourceDatabase, m.SourceTable, m.SourceType, m.TargetDatabase, m.TargetTable, m.TargetType}[i]
}

type lineageEdgeModel struct {
	SourceGUID          types.String `tfsdk:"source_guid"`
	SourceQualifiedName types.String `tfsdk:"source_qualified_name"`
	SourceType          types.String `tfsdk:"source_type"`
	SourceDatabase      types.String `tfsdk:"source_database"`
	SourceSchema        types.String `tfsdk:"source_schema"`
	SourceTable         types.String `tfsdk:"source_table"`
	TargetGUID          types.String `tfsdk:"target_guid"`
	TargetQualifiedName types.String `tfsdk:"target_qualified_name"`
	TargetType          types.String `tfsdk:"target_type"`
	TargetDatabase      types.String `tfsdk:"target_database"`
	TargetSchema        types.String `tfsdk:"target_schema"`
	TargetTable         types.String `tfsdk:"target_table"`
	NodeGUID            types.String `tfsdk:"node_guid"`
	NodeName            types.String `tfsdk:"node_name"`
	NodeType            types.String `tfsdk:"node_type"`
	NodeQualifiedName   types.String `tfsdk:"node_qualified_name"`
	WorkspaceID         types.String `tfsdk:"workspace_id"`
}

type lineageEntityModel struct {
	GUID          types.String            `tfsdk:"guid"`
	Type          types.String            `tfsdk:"type"`
	DisplayName   types.String            `tfsdk:"display_name"`
	QualifiedName types.String            `tfsdk:"qualified_name"`
	Attributes    map[string]types.String `tfsdk:"attributes"`
}

func lineageEdgeFrom(e client.LineageEdge) lineageEdgeModel {
	return lineageEdgeModel{
		SourceGUID: types.StringValue(e.SourceGUID), SourceQualifiedName: types.StringValue(e.SourceQualifiedName),
		SourceType: types.StringValue(e.SourceType), SourceDatabase: flex.StringOrNull(e.SourceDatabase),
		SourceSchema: flex.StringOrNull(e.SourceSchema), SourceTable: types.StringValue(e.SourceTable),
		TargetGUID: types.StringValue(e.TargetGUID), TargetQualifiedName: types.StringValue(e.TargetQualifiedName),
		TargetType: types.StringValue(e.TargetType), TargetDatabase: flex.StringOrNull(e.TargetDatabase),
		TargetSchema: flex.StringOrNull(e.TargetSchema), TargetTable: types.StringValue(e.TargetTable),
		NodeGUID: flex.StringOrNull(e.NodeGUID), NodeName: flex.StringOrNull(e.NodeName), NodeType: flex.StringOrNull(e.NodeType),
		NodeQualifiedName: flex.StringOrNull(e.NodeQualifiedName), WorkspaceID: flex.StringOrNull(e.WorkspaceID),
	}
}
