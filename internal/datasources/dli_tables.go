package datasources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
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

var (
	_ datasource.DataSource              = (*dliTablesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliTablesDataSource)(nil)
)

// NewDLITables is the huaweidata_dli_tables data source.
func NewDLITables() datasource.DataSource {
	return &dliTablesDataSource{DataSourceBase: framework.NewDataSourceBase("dli_tables")}
}

type dliTablesDataSource struct {
	framework.DataSourceBase
}

// listedTableTypes maps the list filter's spellings of table types (§7.2.3) to the
// describe-table ones that the list answers with and this data source uses.
var listedTableTypes = map[string]string{"MANAGED_TABLE": "MANAGED", "EXTERNAL_TABLE": "EXTERNAL", "VIRTUAL_VIEW": "VIEW"}

func (d *dliTablesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str, at := framework.ComputedString, framework.ComputedRFC3339
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the tables and views of one DLI database, sorted by name. It reads the listing the provider " +
			"shares with every `huaweidata_dli_table` of that database in the run: a plan with this data source and any number " +
			"of tables of the database costs one listing (one request per 100 tables). With `with_columns = true` it also " +
			"describes every matching table, one request per table." +
			" A read in the apply that creates the database or its tables (for example with `depends_on`) waits, within the provider's consistency window, until the listing shows what the provider has just written.",
		Attributes: map[string]schema.Attribute{
			"id": framework.ComputedString("Identifier of this query (a hash of the database and the filters)."),
			"database_name": schema.StringAttribute{
				MarkdownDescription: "Name of the database whose tables are listed: 1 to 128 characters, lowercase letters, digits " +
					"and underscores, not only digits, not starting with an underscore; or `default`, DLI's built-in database. " +
					"A database that does not exist is an error.",
				Required:   true,
				Validators: []validator.String{validators.ReadableDatabaseName()},
			},
			"name_regex": framework.NameRegexAttribute("tables"),
			"keyword":    framework.KeywordAttribute("tables"),
			"table_type": schema.StringAttribute{
				MarkdownDescription: "Keep only the tables of this type: `MANAGED` (DLI table), `EXTERNAL` (OBS table) or `VIEW`. " +
					"Applied by the provider to the shared listing.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf("MANAGED", "EXTERNAL", "VIEW")},
			},
			"with_columns": schema.BoolAttribute{
				MarkdownDescription: "Whether to read each table's columns (default `false`). The list API does not return " +
					"columns (not even with its `with-detail` option), so this costs one describe-table request per matching " +
					"table (a few in parallel) on every read: narrow the tables with the filters first. A table dropped between " +
					"the listing and its describe is left out.",
				Optional: true,
			},
			"tables": schema.ListNestedAttribute{
				MarkdownDescription: "The matching tables, sorted by name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":             str("Table name."),
					"table_type":       str("`MANAGED` (DLI table), `EXTERNAL` (OBS table) or `VIEW`."),
					"data_location":    str("Where the data is stored, as the list reports it: `DLI`, `OBS` or, for a view, `VIEW`."),
					"owner":            str("User who created the table."),
					"create_time":      at("Creation time (RFC 3339, UTC)."),
					"last_access_time": at("Last update time (RFC 3339, UTC)."),
					"table_size": schema.Int64Attribute{
						MarkdownDescription: "Size of the table's data, in bytes, as DLI reports it.",
						Computed:            true,
					},
					"data_type": str("Data format of an OBS table (`parquet`, `orc`, `csv`, `json` or `avro`); null for other tables."),
					"location":  str("OBS path of an OBS table's data; null for other tables."),
					"partition_columns": schema.ListAttribute{
						MarkdownDescription: "Partition columns of an OBS table, in order; null when the API lists none.",
						Computed:            true,
						ElementType:         types.StringType,
					},
					"columns": schema.ListNestedAttribute{
						MarkdownDescription: "The table's columns in the order DLI describes them (partition columns last); " +
							"null unless `with_columns` is `true`.",
						Computed: true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"name":         str("Column name."),
							"type":         str("Column type, as DLI spells it (e.g. `int`, `decimal(10,2)`)."),
							"description":  str("Column description; null when there is none."),
							"is_partition": framework.ComputedBool("Whether the column is a partition column."),
						}},
					},
				}},
			},
		},
	}
}

func (d *dliTablesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliTablesDataSource) query(ctx context.Context, m *dliTablesModel, diags *diag.Diagnostics) {
	names := framework.NewNameFilter(m.NameRegex, m.Keyword, diags)
	if diags.HasError() {
		return
	}
	db, wantType := m.DatabaseName.ValueString(), m.TableType.ValueString()
	tables, err := d.Client.ListTablesSettled(ctx, db)
	if err != nil {
		framework.APIError(diags, "Listing the tables of DLI database "+db+" failed", err)
		return
	}
	tables = framework.Matching(tables, func(t model.Table) bool {
		return names.Match(t.TableName) && (wantType == "" || tableTypeOf(t) == wantType)
	}, func(t model.Table) string { return t.TableName })

	m.ID = types.StringValue(framework.QueryID("dli_tables", db, m.NameRegex.ValueString(), m.Keyword.ValueString(), wantType))
	m.Tables = make([]dliTableItemModel, 0, len(tables))
	for _, t := range tables {
		m.Tables = append(m.Tables, dliTableItemModel{
			Name: types.StringValue(t.TableName), TableType: types.StringValue(tableTypeOf(t)),
			DataLocation: flex.StringOrNull(strings.ToUpper(t.DataLocation)), Owner: flex.StringOrNull(t.Owner),
			CreateTime: flex.RFC3339FromMillis(t.CreateTime), LastAccessTime: flex.RFC3339FromMillis(t.LastAccessTime),
			TableSize: types.Int64Value(t.TableSize), DataType: flex.StringOrNull(ptr.Deref(t.DataType)),
			Location:         flex.StringOrNull(ptr.Deref(t.Location)),
			PartitionColumns: flex.StringsOrNull(t.PartitionColumns),
			Columns:          types.ListNull(tableItemColumnType),
		})
	}
	if m.WithColumns.ValueBool() {
		m.Tables = d.readColumns(ctx, db, m.Tables, diags)
	}
}

// readColumns returns the listed tables with their columns: one describe-table request
// each. A table dropped since it was listed is left out.
func (d *dliTablesDataSource) readColumns(ctx context.Context, db string, items []dliTableItemModel, diags *diag.Diagnostics) []dliTableItemModel {
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = it.Name.ValueString()
	}
	descs, err := d.Client.DescribeTables(ctx, db, names)
	if err != nil {
		framework.APIError(diags, "Reading the columns of DLI tables failed", err)
		return nil
	}
	out := make([]dliTableItemModel, 0, len(items))
	for i, desc := range descs {
		if desc == nil {
			continue
		}
		cols := make([]dliTableItemColumnModel, 0, len(desc.Columns))
		for _, c := range desc.Columns {
			cols = append(cols, dliTableItemColumnModel{
				Name: types.StringValue(c.ColumnName), Type: types.StringValue(c.Type),
				Description: flex.StringOrNull(ptr.Deref(c.Description)), IsPartition: types.BoolValue(ptr.Deref(c.IsPartitionColumn)),
			})
		}
		list, listDiags := types.ListValueFrom(ctx, tableItemColumnType, cols)
		diags.Append(listDiags...)
		items[i].Columns = list
		out = append(out, items[i])
	}
	return out
}

// tableTypeOf is a listed table's type in the describe-table spelling.
func tableTypeOf(t model.Table) string {
	typ := strings.ToUpper(t.TableType)
	if v, ok := listedTableTypes[typ]; ok {
		return v
	}
	return typ
}

type dliTablesModel struct {
	ID           types.String        `tfsdk:"id"`
	DatabaseName types.String        `tfsdk:"database_name"`
	NameRegex    types.String        `tfsdk:"name_regex"`
	Keyword      types.String        `tfsdk:"keyword"`
	TableType    types.String        `tfsdk:"table_type"`
	WithColumns  types.Bool          `tfsdk:"with_columns"`
	Tables       []dliTableItemModel `tfsdk:"tables"`
}

type dliTableItemModel struct {
	Name             types.String      `tfsdk:"name"`
	TableType        types.String      `tfsdk:"table_type"`
	DataLocation     types.String      `tfsdk:"data_location"`
	Owner            types.String      `tfsdk:"owner"`
	CreateTime       timetypes.RFC3339 `tfsdk:"create_time"`
	LastAccessTime   timetypes.RFC3339 `tfsdk:"last_access_time"`
	TableSize        types.Int64       `tfsdk:"table_size"`
	DataType         types.String      `tfsdk:"data_type"`
	Location         types.String      `tfsdk:"location"`
	PartitionColumns types.List        `tfsdk:"partition_columns"`
	Columns          types.List        `tfsdk:"columns"`
}

type dliTableItemColumnModel struct {
	Name        types.String `tfsdk:"name"`
	Type        types.String `tfsdk:"type"`
	Description types.String `tfsdk:"description"`
	IsPartition types.Bool   `tfsdk:"is_partition"`
}

var tableItemColumnType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"name": types.StringType, "type": types.StringType, "description": types.StringType, "is_partition": types.BoolType,
}}
