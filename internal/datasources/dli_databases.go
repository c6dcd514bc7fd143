package datasources

import (
	"context"

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
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ datasource.DataSource              = (*dliDatabasesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dliDatabasesDataSource)(nil)
)

// NewDLIDatabases is the huaweidata_dli_databases data source.
func NewDLIDatabases() datasource.DataSource {
	return &dliDatabasesDataSource{DataSourceBase: framework.NewDataSourceBase("dli_databases")}
}

type dliDatabasesDataSource struct {
	framework.DataSourceBase
}

func (d *dliDatabasesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := framework.ComputedString
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the DLI SQL databases of the project, sorted by name. Without `tags`, it reads the listing the " +
			"provider shares with every `huaweidata_dli_database` of the run: a plan with this data source and any number of " +
			"databases costs one listing (one request per 100 databases)." +
			" Without `tags`, a read in the apply that creates databases (for example with `depends_on`) waits, within the provider's consistency window, until the listing shows what the provider has just written.",
		Attributes: map[string]schema.Attribute{
			"id":         framework.ComputedString("Identifier of this query (a hash of the filters)."),
			"name_regex": framework.NameRegexAttribute("databases"),
			"keyword":    framework.KeywordAttribute("databases"),
			"owner": schema.StringAttribute{
				MarkdownDescription: "Keep only the databases owned by this user (exact, case-sensitive match). Applied by the provider.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"tags": framework.TagsFilterAttribute("Keep only the databases with these tags, as the API's `tags` filter selects them. " +
				"DLI does not list a database's tags, so this filter is the API's: it matches the `k1=v1,k2=v2` text (sorted by key) " +
				"fuzzily against all of a database's tags, and costs a listing of its own (not shared with the databases of the run)."),
			"databases": schema.ListNestedAttribute{
				MarkdownDescription: "The matching databases, sorted by name. DLI does not list tags, so they are not here.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":                  str("Database name (lowercase, as DLI stores it)."),
					"description":           str("Description; null when there is none."),
					"owner":                 str("User who owns the database."),
					"enterprise_project_id": str("Enterprise project of the database; `0` is the default project."),
					"table_count": schema.Int64Attribute{
						MarkdownDescription: "Number of tables in the database, as DLI counts them.",
						Computed:            true,
					},
				}},
			},
		},
	}
}

func (d *dliDatabasesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadQuery(ctx, req, resp, d.query)
}

// query fills in the results of m.
func (d *dliDatabasesDataSource) query(ctx context.Context, m *dliDatabasesModel, diags *diag.Diagnostics) {
	names := framework.NewNameFilter(m.NameRegex, m.Keyword, diags)
	tags := flex.StringMap(ctx, m.Tags, diags)
	if diags.HasError() {
		return
	}
	var dbs []model.Database
	var err error
	if len(tags) > 0 {
		dbs, err = d.Client.ListDatabasesByTags(ctx, tags)
	} else {
		dbs, err = d.Client.ListDatabasesSettled(ctx)
	}
	if err != nil {
		framework.APIError(diags, "Listing DLI databases failed", err)
		return
	}
	owner := m.Owner.ValueString()
	dbs = framework.Matching(dbs, func(db model.Database) bool {
		return names.Match(ptr.Deref(db.DatabaseName)) && (owner == "" || ptr.Deref(db.Owner) == owner)
	}, func(db model.Database) string { return ptr.Deref(db.DatabaseName) })

	m.ID = types.StringValue(framework.QueryID("dli_databases", m.NameRegex.ValueString(), m.Keyword.ValueString(), owner, client.TagsFilter(tags)))
	m.Databases = make([]dliDatabaseItemModel, 0, len(dbs))
	for _, db := range dbs {
		m.Databases = append(m.Databases, dliDatabaseItemModel{
			Name:                types.StringPointerValue(db.DatabaseName),
			Description:         flex.StringOrNull(ptr.Deref(db.Description)),
			Owner:               flex.StringOrNull(ptr.Deref(db.Owner)),
			EnterpriseProjectID: flex.StringOrNull(db.EnterpriseProjectId),
			TableCount:          flex.Int64Value(db.TableNumber),
		})
	}
}

type dliDatabasesModel struct {
	ID        types.String           `tfsdk:"id"`
	NameRegex types.String           `tfsdk:"name_regex"`
	Keyword   types.String           `tfsdk:"keyword"`
	Owner     types.String           `tfsdk:"owner"`
	Tags      types.Map              `tfsdk:"tags"`
	Databases []dliDatabaseItemModel `tfsdk:"databases"`
}

type dliDatabaseItemModel struct {
	Name                types.String `tfsdk:"name"`
	Description         types.String `tfsdk:"description"`
	Owner               types.String `tfsdk:"owner"`
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id"`
	TableCount          types.Int64  `tfsdk:"table_count"`
}
