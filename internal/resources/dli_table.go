package resources

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                   = (*dliTableResource)(nil)
	_ resource.ResourceWithConfigure      = (*dliTableResource)(nil)
	_ resource.ResourceWithValidateConfig = (*dliTableResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*dliTableResource)(nil)
	_ resource.ResourceWithImportState    = (*dliTableResource)(nil)
)

const (
	tableCreateTimeout = 10 * time.Minute
	tableUpdateTimeout = 30 * time.Minute // ALTER TABLE runs as an SQL job on a queue
	tableDeleteTimeout = 10 * time.Minute
)

// importedKey marks, in private state, a table that has just been imported: its first read
// takes columns and select_statement from DLI even when they are not in state yet.
const importedKey = "imported"

// NewDLITable returns the huaweidata_dli_table resource.
func NewDLITable() resource.Resource { return &dliTableResource{} }

type dliTableResource struct {
	client *client.Client
}

func (r *dliTableResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dli_table"
}

// obsOnlyAttributes apply only to OBS tables; csvOnly only to CSV data, csvJSON to CSV and JSON.
var (
	csvOnlyAttributes  = []string{"with_column_header", "delimiter", "quote_char", "escape_char"}
	csvJSONAttributes  = []string{"date_format", "timestamp_format"}
	obsOnlyAttributes  = append(append([]string{"data_format", "bucket_location"}, csvOnlyAttributes...), csvJSONAttributes...)
	tableDataLocations = []string{"DLI", "OBS", "VIEW"}
)

func (r *dliTableResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	obsOption := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " OBS tables only. When unset, DLI's default is used and read back. Changing it replaces the table.",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       append(replace, keep...),
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI table: a managed DLI table, an OBS (external) table or a view.\n\n" +
			"**Schema evolution in place.** Appending non-partition columns at the end of `columns`, and changing column or table " +
			"descriptions, updates the table in place: the provider runs `ALTER TABLE ... ADD COLUMNS`, `ALTER TABLE ... CHANGE COLUMN ... COMMENT` " +
			"or `ALTER TABLE ... SET TBLPROPERTIES ('comment' = ...)` as an SQL job on `sql_queue` and waits for it. " +
			"Removing, renaming, reordering or retyping columns, changing partition columns, or changing any other argument replaces the table " +
			"(DLI has no other table update), and the plan warns why.\n\n" +
			"**Deletion protection.** While `deletion_protection` is true (the default), destroying or replacing the table fails at apply " +
			"and nothing is dropped.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<database_name>/<name>`.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"database_name": schema.StringAttribute{
				MarkdownDescription: "Database holding the table. Changing it replaces the table.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{validators.CatalogName("database")},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Table name: 1 to 128 characters, lowercase letters, digits, underscores and `$`, not only digits, " +
					"not starting with an underscore (DLI stores names in lowercase). Changing it replaces the table.",
				Required:      true,
				PlanModifiers: replace,
				Validators:    []validator.String{validators.CatalogName("table")},
			},
			"data_location": schema.StringAttribute{
				MarkdownDescription: "`DLI` (a table managed by DLI), `OBS` (a table over data in OBS) or `VIEW`. Changing it replaces the table.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.OneOf(tableDataLocations...)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description (comment) of the table. Changed in place on DLI and OBS tables with an SQL job on `sql_queue`; " +
					"changing it replaces a view.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(""),
				PlanModifiers: []planmodifier.String{viewDescriptionReplaces{}},
			},
			"columns": schema.ListNestedAttribute{
				MarkdownDescription: "Columns, in order. Required for DLI and OBS tables; optional for views. Partition columns " +
					"(`is_partition = true`) must come after all other columns (DLI stores them last), and a partitioned table needs at least " +
					"one non-partition column. " + columnsPlanModifier{}.Description(ctx) + " Appending needs `sql_queue`.",
				Optional: true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "Column name: 1 to 128 characters, no uppercase letters (DLI stores column names in lowercase) and no backquotes.",
							Required:            true,
							Validators: []validator.String{
								stringvalidator.LengthBetween(1, 128),
								stringvalidator.RegexMatches(columnNameShape, "must not contain uppercase letters or backquotes"),
							},
						},
						"type": schema.StringAttribute{
							MarkdownDescription: "Spark SQL type: `boolean`, `tinyint`, `smallint`, `int`, `bigint`, `float`, `double`, `string`, " +
								"`binary`, `date`, `timestamp`, `decimal(p,s)`, `varchar(n)`, `char(n)`, `array<type>`, `map<key,value>` or " +
								"`struct<name:type,...>`. Case and spacing do not matter (`INT` and `int` are the same type). Changing it replaces the table.",
							Required:   true,
							CustomType: sparkTypeType{},
							Validators: []validator.String{sparkTypeValidator{}},
						},
						"description": schema.StringAttribute{
							MarkdownDescription: "Column description. Changed in place for non-partition columns.",
							Optional:            true,
							Computed:            true,
							Default:             stringdefault.StaticString(""),
						},
						"is_partition": schema.BoolAttribute{
							MarkdownDescription: "Whether the column is a partition column. Defaults to `false`.",
							Optional:            true,
							Computed:            true,
							Default:             booldefault.StaticBool(false),
						},
					},
				},
				PlanModifiers: []planmodifier.List{columnsPlanModifier{}},
			},
			"sql_queue": schema.StringAttribute{
				MarkdownDescription: "SQL queue that runs the `ALTER TABLE` jobs of in-place updates (appending columns, changing descriptions). " +
					"Not needed to create or drop the table; a plan that needs it and has none fails. Changing it does not change the table.",
				Optional:   true,
				Validators: []validator.String{queueName()},
			},
			"select_statement": schema.StringAttribute{
				MarkdownDescription: "Query of a view (`VIEW` only, and required for it), with database-qualified tables " +
					"(`select * from db.table`). DLI reads it back only as part of the view's DDL, so the configured text is kept as written " +
					"(on import it is taken from that DDL). Changing it replaces the view.",
				Optional:      true,
				PlanModifiers: replace,
			},
			"data_format": schema.StringAttribute{
				MarkdownDescription: "Data format of an OBS table: `parquet`, `orc`, `csv`, `json` or `avro`. Required for OBS tables. Changing it replaces the table.",
				Optional:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.OneOf("parquet", "orc", "csv", "json", "avro")},
			},
			"bucket_location": schema.StringAttribute{
				MarkdownDescription: "OBS path of an OBS table's data, `obs://bucket/path`. Required for OBS tables. Avoid a bucket root: " +
					"clearing the table's data would delete everything in it. Changing it replaces the table.",
				Optional:      true,
				PlanModifiers: replace,
			},
			"with_column_header": schema.BoolAttribute{
				MarkdownDescription: "Whether the CSV files have a header row (`data_format = \"csv\"` only). OBS tables only; DLI's default is `false`. Changing it replaces the table.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.RequiresReplace(), boolplanmodifier.UseStateForUnknown()},
			},
			"delimiter":        obsOption("Field delimiter of CSV data (`data_format = \"csv\"` only); DLI's default is `,`."),
			"quote_char":       obsOption("Quote character of CSV data (`data_format = \"csv\"` only), one character; DLI's default is `\"`."),
			"escape_char":      obsOption("Escape character of CSV data (`data_format = \"csv\"` only), one character; DLI's default is `\\`."),
			"date_format":      obsOption("Date format of CSV and JSON data, with the pattern letters G y M w W D d u a H h m s S z (text in single quotes is literal); DLI's default is `yyyy-MM-dd`."),
			"timestamp_format": obsOption("Timestamp format of CSV and JSON data, with the same pattern letters as `date_format`; DLI's default is `yyyy-MM-dd HH:mm:ss`."),
			"deletion_protection": schema.BoolAttribute{
				MarkdownDescription: "When `true` (the default), destroying or replacing the table fails at apply and nothing is dropped. " +
					"Set it to `false` and apply before destroying or replacing the table.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who owns the table.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"table_type": schema.StringAttribute{
				MarkdownDescription: "Table type as DLI reports it: `MANAGED` (DLI table), `EXTERNAL` (OBS table) or `VIEW`.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "When the table was created (RFC 3339, UTC).",
				Computed:            true,
				PlanModifiers:       keep,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *dliTableResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks, before any API call, the rules of §7.2.1 that span attributes.
func (r *dliTableResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m dliTableModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.DataLocation.IsUnknown() {
		return
	}
	loc := m.DataLocation.ValueString()
	set := m.setAttributes()
	if loc != "OBS" {
		for _, a := range obsOnlyAttributes {
			if set[a] {
				resp.Diagnostics.AddAttributeError(path.Root(a), "Argument only for OBS tables",
					fmt.Sprintf("%s applies only when data_location is \"OBS\"; this table's data_location is %q.", a, loc))
			}
		}
	} else {
		r.validateOBS(m, set, &resp.Diagnostics)
	}
	switch {
	case loc == "VIEW" && m.SelectStatement.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("select_statement"), "Missing select_statement",
			"A view (data_location = \"VIEW\") needs select_statement, the query it shows, e.g. \"select * from db.table\".")
	case loc != "VIEW" && !m.SelectStatement.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("select_statement"), "Argument only for views",
			fmt.Sprintf("select_statement applies only when data_location is \"VIEW\"; this table's data_location is %q.", loc))
	case loc == "VIEW" && !m.SelectStatement.IsUnknown():
		if first := strings.ToLower(strings.Fields(m.SelectStatement.ValueString() + " x")[0]); first != "select" && first != "with" {
			resp.Diagnostics.AddAttributeError(path.Root("select_statement"), "Invalid select_statement",
				"select_statement must be a query starting with SELECT or WITH.")
		}
	}
	if m.Columns.IsUnknown() {
		return
	}
	if m.Columns.IsNull() || len(m.Columns.Elements()) == 0 {
		if loc != "VIEW" {
			resp.Diagnostics.AddAttributeError(path.Root("columns"), "Missing columns",
				fmt.Sprintf("A %s table needs at least one column in columns.", loc))
		}
		return
	}
	var cols []tableColumnModel
	resp.Diagnostics.Append(m.Columns.ElementsAs(ctx, &cols, false)...)
	validateColumns(cols, &resp.Diagnostics)
}

// validateColumns checks unique names, partition columns last, and at least one
// non-partition column.
func validateColumns(cols []tableColumnModel, diags *diag.Diagnostics) {
	seen := map[string]int{}
	partitions, inPartitions := 0, false
	for i, c := range cols {
		if c.Name.IsUnknown() || c.IsPartition.IsUnknown() {
			return
		}
		at := path.Root("columns").AtListIndex(i)
		name := strings.ToLower(c.Name.ValueString())
		if j, dup := seen[name]; dup {
			diags.AddAttributeError(at.AtName("name"), "Duplicate column",
				fmt.Sprintf("Columns %d and %d are both named %q; column names must be unique.", j+1, i+1, name))
		}
		seen[name] = i
		switch {
		case c.IsPartition.ValueBool():
			partitions++
			inPartitions = true
		case inPartitions:
			diags.AddAttributeError(at, "Partition columns must come last",
				fmt.Sprintf("Column %q is not a partition column but follows a partition column. List the partition columns "+
					"(is_partition = true) after all other columns: DLI stores them last, so any other order would never match.", name))
		}
	}
	if partitions > 0 && partitions == len(cols) {
		diags.AddAttributeError(path.Root("columns"), "No non-partition column",
			"A partitioned table needs at least one column that is not a partition column.")
	}
}

func (r *dliTableResource) validateOBS(m dliTableModel, set map[string]bool, diags *diag.Diagnostics) {
	for _, a := range []string{"data_format", "bucket_location"} {
		if !set[a] {
			diags.AddAttributeError(path.Root(a), "Missing "+a, a+" is required for OBS tables (data_location = \"OBS\").")
		}
	}
	if !m.BucketLocation.IsNull() && !m.BucketLocation.IsUnknown() {
		u, err := url.Parse(m.BucketLocation.ValueString())
		switch {
		case err != nil || u.Scheme != "obs" || u.Host == "":
			diags.AddAttributeError(path.Root("bucket_location"), "Invalid bucket_location",
				fmt.Sprintf("bucket_location %q must be an OBS path, obs://bucket/path.", m.BucketLocation.ValueString()))
		case strings.Trim(u.Path, "/") == "":
			diags.AddAttributeWarning(path.Root("bucket_location"), "OBS table at a bucket root",
				"bucket_location is the root of a bucket: clearing the table's data would delete everything in the bucket. Use a path inside the bucket.")
		}
	}
	if m.DataFormat.IsUnknown() || m.DataFormat.IsNull() {
		return
	}
	format := m.DataFormat.ValueString()
	if format != "csv" {
		for _, a := range csvOnlyAttributes {
			if set[a] {
				diags.AddAttributeError(path.Root(a), "Argument only for CSV data",
					fmt.Sprintf("%s applies only when data_format is \"csv\"; it is %q.", a, format))
			}
		}
	}
	if format != "csv" && format != "json" {
		for _, a := range csvJSONAttributes {
			if set[a] {
				diags.AddAttributeError(path.Root(a), "Argument only for CSV and JSON data",
					fmt.Sprintf("%s applies only when data_format is \"csv\" or \"json\"; it is %q.", a, format))
			}
		}
	}
	for a, v := range map[string]types.String{"quote_char": m.QuoteChar, "escape_char": m.EscapeChar} {
		if !v.IsNull() && !v.IsUnknown() && len([]rune(v.ValueString())) != 1 {
			diags.AddAttributeError(path.Root(a), "Invalid "+a, fmt.Sprintf("%s must be exactly one character, got %q.", a, v.ValueString()))
		}
	}
	for a, v := range map[string]types.String{"date_format": m.DateFormat, "timestamp_format": m.TimestampFormat} {
		if v.IsNull() || v.IsUnknown() {
			continue
		}
		if bad := badPatternLetter(v.ValueString()); bad != "" {
			diags.AddAttributeError(path.Root(a), "Invalid "+a,
				fmt.Sprintf("%s %q uses the pattern letter %q; DLI supports G y M w W D d u a H h m s S z (quote literal text with single quotes).", a, v.ValueString(), bad))
		}
	}
}

// badPatternLetter returns the first letter outside quotes that is not a DLI date pattern
// letter (Table 7-49), or "".
func badPatternLetter(format string) string {
	quoted := false
	for _, r := range format {
		switch {
		case r == '\'':
			quoted = !quoted
		case !quoted && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') && !strings.ContainsRune("GyMwWDduaHhmsSz", r):
			return string(r)
		}
	}
	return ""
}

// ModifyPlan requires sql_queue when an update in place will run an SQL job.
func (r *dliTableResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return // destroy or create: no SQL job
	}
	var plan, state dliTableModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.SQLQueue.IsNull() || plan.replaces(ctx, state) {
		return
	}
	var needs []string
	if !plan.Description.Equal(state.Description) {
		needs = append(needs, "changing description")
	}
	if !plan.Columns.IsNull() && !state.Columns.IsNull() && !plan.Columns.IsUnknown() {
		var old, cur []tableColumnModel
		resp.Diagnostics.Append(state.Columns.ElementsAs(ctx, &old, false)...)
		resp.Diagnostics.Append(plan.Columns.ElementsAs(ctx, &cur, false)...)
		ch := diffColumns(old, cur, plan.DataLocation.ValueString() == "VIEW")
		if len(ch.appended) > 0 {
			names := make([]string, len(ch.appended))
			for i, c := range ch.appended {
				names[i] = c.Name.ValueString()
			}
			needs = append(needs, "appending column(s) "+strings.Join(names, ", "))
		}
		if len(ch.commentOnly) > 0 {
			needs = append(needs, "changing column descriptions")
		}
	}
	if len(needs) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("sql_queue"), "sql_queue is required for this change",
			fmt.Sprintf("Table %s is updated in place (%s) by running ALTER TABLE as an SQL job, which needs a queue: "+
				"set sql_queue to the name of an SQL queue.", state.ID.ValueString(), strings.Join(needs, "; ")))
	}
}

func (r *dliTableResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, tableCreateTimeout, &resp.Diagnostics)
	defer cancel()
	body, diags := plan.createBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	db := plan.DatabaseName.ValueString()
	if err := r.client.CreateTable(ctx, db, body); err != nil {
		apiError(&resp.Diagnostics, fmt.Sprintf("Creating DLI table %s.%s", db, body.TableName), err)
		return
	}
	plan.ID = types.StringValue(db + "/" + body.TableName)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)
	if found := r.readInto(ctx, &plan, false, &resp.Diagnostics); !found {
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.AddError("DLI table not found after create", fmt.Sprintf("Table %s was created but cannot be read back.", plan.ID.ValueString()))
		}
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliTableResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state dliTableModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	imported, diags := req.Private.GetKey(ctx, importedKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if found := r.readInto(ctx, &state, len(imported) > 0, &resp.Diagnostics); !found {
		if !resp.Diagnostics.HasError() {
			resp.State.RemoveResource(ctx)
		}
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if len(imported) > 0 {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	}
}

func (r *dliTableResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, tableUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	plan.ID = state.ID
	statements, err := r.alterStatements(ctx, plan, state)
	if err == nil {
		for _, sql := range statements {
			if err = r.client.RunSQL(ctx, plan.SQLQueue.ValueString(), plan.DatabaseName.ValueString(), sql); err != nil {
				break
			}
		}
	}
	if err != nil {
		apiError(&resp.Diagnostics, "Updating DLI table "+state.ID.ValueString(), err)
		// Record what DLI really has, so the next plan shows what is still to do.
		if r.readInto(ctx, &state, false, &resp.Diagnostics) {
			state.SQLQueue, state.DeletionProtection = plan.SQLQueue, plan.DeletionProtection
			resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		} else {
			resp.Diagnostics.Append(resp.State.Set(ctx, req.State.Raw)...)
		}
		return
	}
	if found := r.readInto(ctx, &plan, false, &resp.Diagnostics); !found {
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.AddError("DLI table disappeared", fmt.Sprintf("Table %s was not found after the update.", state.ID.ValueString()))
		}
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// alterStatements returns the DDL that turns the table into the plan: column comments,
// appended columns (only those DLI does not have yet, so a re-run after a partial failure
// does not add a column twice) and the table comment.
func (r *dliTableResource) alterStatements(ctx context.Context, plan, state dliTableModel) ([]string, error) {
	var old, cur []tableColumnModel
	if !state.Columns.IsNull() && !plan.Columns.IsNull() {
		if d := state.Columns.ElementsAs(ctx, &old, false); d.HasError() {
			return nil, fmt.Errorf("reading columns from state: %v", d)
		}
		if d := plan.Columns.ElementsAs(ctx, &cur, false); d.HasError() {
			return nil, fmt.Errorf("reading planned columns: %v", d)
		}
	}
	ch := diffColumns(old, cur, plan.DataLocation.ValueString() == "VIEW")
	table := sqlIdent(plan.DatabaseName.ValueString()) + "." + sqlIdent(plan.Name.ValueString())
	var out []string
	for _, c := range ch.commentOnly {
		out = append(out, fmt.Sprintf("ALTER TABLE %s CHANGE COLUMN %s %s", table, sqlIdent(c.Name.ValueString()), columnDDL(c)))
	}
	if len(ch.appended) > 0 {
		d, err := r.client.ShowTable(ctx, plan.DatabaseName.ValueString(), plan.Name.ValueString())
		if err != nil {
			return nil, err
		}
		var add []string
		for _, c := range ch.appended {
			exists := false
			for _, have := range d.Columns {
				exists = exists || strings.EqualFold(have.ColumnName, c.Name.ValueString())
			}
			if !exists {
				add = append(add, columnDDL(c))
			}
		}
		if len(add) > 0 {
			out = append(out, fmt.Sprintf("ALTER TABLE %s ADD COLUMNS (%s)", table, strings.Join(add, ", ")))
		}
	}
	if !plan.Description.Equal(state.Description) {
		out = append(out, fmt.Sprintf("ALTER TABLE %s SET TBLPROPERTIES ('comment' = %s)", table, sqlString(plan.Description.ValueString())))
	}
	return out, nil
}

func (r *dliTableResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliTableModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if state.DeletionProtection.IsNull() || state.DeletionProtection.ValueBool() {
		resp.Diagnostics.AddError("DLI table is protected against deletion",
			fmt.Sprintf("Table %s has deletion_protection = true, so it was not dropped (its data is intact). Terraform wanted to "+
				"destroy it, or to replace it because of a change DLI cannot make in place (see the plan's warning).\n\n"+
				"To proceed: set deletion_protection = false without other changes, run terraform apply, then apply or destroy again. "+
				"To keep the table, revert the change instead.", id))
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, tableDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteTable(ctx, state.DatabaseName.ValueString(), state.Name.ValueString()); err != nil {
		apiError(&resp.Diagnostics, "Dropping DLI table "+id, err)
	}
}

// ImportState imports a table by "database/table".
func (r *dliTableResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	db, table, found := strings.Cut(strings.ToLower(strings.TrimSpace(req.ID)), "/")
	problem := ""
	switch {
	case !found || strings.Contains(table, "/"):
		problem = "is not of the form <database>/<table>"
	case validators.CatalogNameProblem("database", db) != "":
		problem = "has a database name that " + validators.CatalogNameProblem("database", db)
	case validators.CatalogNameProblem("table", table) != "":
		problem = "has a table name that " + validators.CatalogNameProblem("table", table)
	}
	if problem != "" {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI table by <database>/<table>, e.g. `terraform import huaweidata_dli_table.example sales/orders`; got %q, which %s.", req.ID, problem))
		return
	}
	for attr, v := range map[string]string{"id": db + "/" + table, "database_name": db, "name": table} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), v)...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("deletion_protection"), true)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte(`true`))...)
}

// readInto refreshes m from describe (§7.2.4) and the shared table listing (owner, create
// time); it reports false when the table is gone. Columns and select_statement are taken
// from DLI only when m has none (import); otherwise unchanged spellings are kept.
func (r *dliTableResource) readInto(ctx context.Context, m *dliTableModel, imported bool, diags *diag.Diagnostics) bool {
	db, name := m.DatabaseName.ValueString(), m.Name.ValueString()
	d, err := r.client.ShowTable(ctx, db, name)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		apiError(diags, fmt.Sprintf("Reading DLI table %s.%s", db, name), err)
		return false
	}
	listing, err := r.client.GetTableListing(ctx, db, name)
	if err != nil && !client.IsNotFound(err) {
		apiError(diags, fmt.Sprintf("Listing DLI tables of %s", db), err)
		return false
	}
	diags.Append(m.fromAPI(ctx, d, listing, imported)...)
	return !diags.HasError()
}

// dliTableModel is the Terraform state of huaweidata_dli_table.
type dliTableModel struct {
	ID                 types.String   `tfsdk:"id"`
	DatabaseName       types.String   `tfsdk:"database_name"`
	Name               types.String   `tfsdk:"name"`
	DataLocation       types.String   `tfsdk:"data_location"`
	Description        types.String   `tfsdk:"description"`
	Columns            types.List     `tfsdk:"columns"`
	SQLQueue           types.String   `tfsdk:"sql_queue"`
	SelectStatement    types.String   `tfsdk:"select_statement"`
	DataFormat         types.String   `tfsdk:"data_format"`
	BucketLocation     types.String   `tfsdk:"bucket_location"`
	WithColumnHeader   types.Bool     `tfsdk:"with_column_header"`
	Delimiter          types.String   `tfsdk:"delimiter"`
	QuoteChar          types.String   `tfsdk:"quote_char"`
	EscapeChar         types.String   `tfsdk:"escape_char"`
	DateFormat         types.String   `tfsdk:"date_format"`
	TimestampFormat    types.String   `tfsdk:"timestamp_format"`
	DeletionProtection types.Bool     `tfsdk:"deletion_protection"`
	Owner              types.String   `tfsdk:"owner"`
	TableType          types.String   `tfsdk:"table_type"`
	CreateTime         types.String   `tfsdk:"create_time"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// replaces reports whether going from state to m replaces the table (the attributes with
// RequiresReplace, view descriptions, and column changes DLI cannot make in place).
func (m dliTableModel) replaces(ctx context.Context, state dliTableModel) bool {
	for _, pair := range [][2]types.String{
		{m.DatabaseName, state.DatabaseName}, {m.Name, state.Name}, {m.DataLocation, state.DataLocation},
		{m.SelectStatement, state.SelectStatement}, {m.DataFormat, state.DataFormat}, {m.BucketLocation, state.BucketLocation},
		{m.Delimiter, state.Delimiter}, {m.QuoteChar, state.QuoteChar}, {m.EscapeChar, state.EscapeChar},
		{m.DateFormat, state.DateFormat}, {m.TimestampFormat, state.TimestampFormat},
	} {
		if !pair[0].Equal(pair[1]) {
			return true
		}
	}
	if !m.WithColumnHeader.Equal(state.WithColumnHeader) || (m.DataLocation.ValueString() == "VIEW" && !m.Description.Equal(state.Description)) {
		return true
	}
	if m.Columns.IsNull() || state.Columns.IsNull() || m.Columns.IsUnknown() {
		return !m.Columns.Equal(state.Columns)
	}
	var old, cur []tableColumnModel
	if m.Columns.ElementsAs(ctx, &cur, false).HasError() || state.Columns.ElementsAs(ctx, &old, false).HasError() {
		return true
	}
	return diffColumns(old, cur, m.DataLocation.ValueString() == "VIEW").replace != ""
}

// setAttributes reports which OBS options the configuration sets (unknown counts as set).
func (m dliTableModel) setAttributes() map[string]bool {
	isSet := func(v interface{ IsNull() bool }) bool { return !v.IsNull() }
	return map[string]bool{
		"data_format": isSet(m.DataFormat), "bucket_location": isSet(m.BucketLocation),
		"with_column_header": isSet(m.WithColumnHeader), "delimiter": isSet(m.Delimiter),
		"quote_char": isSet(m.QuoteChar), "escape_char": isSet(m.EscapeChar),
		"date_format": isSet(m.DateFormat), "timestamp_format": isSet(m.TimestampFormat),
	}
}

// createBody maps the plan to the §7.2.1 request body.
func (m dliTableModel) createBody(ctx context.Context) (*model.CreateTableRequestBody, diag.Diagnostics) {
	var diags diag.Diagnostics
	body := &model.CreateTableRequestBody{
		TableName:       m.Name.ValueString(),
		DataLocation:    m.DataLocation.ValueString(),
		Description:     knownString(m.Description),
		Columns:         []model.Column{},
		SelectStatement: knownString(m.SelectStatement),
		DataType:        knownString(m.DataFormat),
		DataPath:        knownString(m.BucketLocation),
		Delimiter:       knownString(m.Delimiter),
		QuoteChar:       knownString(m.QuoteChar),
		EscapeChar:      knownString(m.EscapeChar),
		DateFormat:      knownString(m.DateFormat),
		TimestampFormat: knownString(m.TimestampFormat),
	}
	if !m.WithColumnHeader.IsNull() && !m.WithColumnHeader.IsUnknown() {
		v := m.WithColumnHeader.ValueBool()
		body.WithColumnHeader = &v
	}
	if !m.Columns.IsNull() && !m.Columns.IsUnknown() {
		var cols []tableColumnModel
		diags.Append(m.Columns.ElementsAs(ctx, &cols, false)...)
		for _, c := range cols {
			typ, err := normalizeSparkType(c.Type.ValueString())
			if err != nil {
				typ = c.Type.ValueString()
			}
			part := c.IsPartition.ValueBool()
			body.Columns = append(body.Columns, model.Column{
				ColumnName: c.Name.ValueString(), Type: typ, Description: knownString(c.Description), IsPartitionColumn: &part,
			})
		}
	}
	return body, diags
}

// fromAPI copies what describe and the listing return. DLI's spellings differ from create:
// table_type MANAGED/EXTERNAL/VIEW, data_location is the OBS path, options are storage
// properties; types are compared as Spark types so the configured spelling is kept.
func (m *dliTableModel) fromAPI(ctx context.Context, d *client.TableDescription, listing *model.Table, imported bool) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(m.DatabaseName.ValueString() + "/" + m.Name.ValueString())
	m.TableType = types.StringValue(d.TableType)
	switch strings.ToUpper(d.TableType) {
	case "EXTERNAL":
		m.DataLocation = types.StringValue("OBS")
	case "VIEW":
		m.DataLocation = types.StringValue("VIEW")
	default:
		m.DataLocation = types.StringValue("DLI")
	}
	m.Description = types.StringValue(d.TableComment)

	var prior []tableColumnModel
	if !m.Columns.IsNull() && !m.Columns.IsUnknown() {
		diags.Append(m.Columns.ElementsAs(ctx, &prior, false)...)
	}
	if !m.Columns.IsNull() || imported || m.DataLocation.ValueString() != "VIEW" {
		cols := make([]tableColumnModel, len(d.Columns))
		for i, c := range d.Columns {
			cols[i] = tableColumnModel{
				Name: types.StringValue(c.ColumnName), Type: newSparkType(c.Type),
				Description: types.StringValue(ptr.Deref(c.Description)), IsPartition: types.BoolValue(ptr.Deref(c.IsPartitionColumn)),
			}
			if i < len(prior) && sameColumn(prior[i], cols[i]) {
				cols[i] = prior[i] // keep the configured spelling (INT for int)
			}
		}
		list, d2 := types.ListValueFrom(ctx, tableColumnObjectType, cols)
		diags.Append(d2...)
		m.Columns = list
	}
	if m.DataLocation.ValueString() == "VIEW" {
		if m.SelectStatement.IsNull() || m.SelectStatement.IsUnknown() {
			m.SelectStatement = viewQuery(d.CreateTableSQL)
		}
	} else {
		m.SelectStatement = types.StringNull()
	}

	obs := m.DataLocation.ValueString() == "OBS"
	prop := func(key string) types.String {
		if v, ok := d.StorageProperty(key); ok && obs {
			return types.StringValue(v)
		}
		return types.StringNull()
	}
	m.DataFormat, m.BucketLocation = types.StringNull(), types.StringNull()
	m.WithColumnHeader = types.BoolNull()
	if obs {
		m.DataFormat = types.StringValue(strings.ToLower(d.DataType))
		m.BucketLocation = types.StringValue(d.DataLocation)
		if h, ok := d.StorageProperty("header"); ok {
			m.WithColumnHeader = types.BoolValue(strings.EqualFold(h, "true"))
		}
	}
	m.Delimiter, m.QuoteChar, m.EscapeChar = prop("delimiter"), prop("quote"), prop("escape")
	m.DateFormat, m.TimestampFormat = prop("dateformat"), prop("timestampformat")

	m.Owner, m.CreateTime = types.StringNull(), types.StringNull()
	if listing != nil {
		m.Owner = types.StringValue(listing.Owner)
		m.CreateTime = types.StringValue(rfc3339FromMillis(listing.CreateTime))
	}
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(true)
	}
	return diags
}

// viewQuery extracts a view's query from its DDL ("CREATE VIEW `db`.`v` (...) AS\n<query>\n").
func viewQuery(ddl string) types.String {
	i := strings.Index(ddl, " AS\n")
	if i < 0 {
		return types.StringNull()
	}
	return types.StringValue(strings.TrimSpace(ddl[i+len(" AS\n"):]))
}

// withUnknownsNull returns m with unknown computed values set to null, for the state saved
// right after create.
func (m dliTableModel) withUnknownsNull() dliTableModel {
	for _, s := range []*types.String{&m.Delimiter, &m.QuoteChar, &m.EscapeChar, &m.DateFormat, &m.TimestampFormat, &m.Owner, &m.TableType, &m.CreateTime} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.WithColumnHeader.IsUnknown() {
		m.WithColumnHeader = types.BoolNull()
	}
	return m
}

// viewDescriptionReplaces replaces a view whose description changes: only tables have an
// in-place comment change.
type viewDescriptionReplaces struct{}

func (viewDescriptionReplaces) Description(context.Context) string {
	return "Changing the description of a view replaces it."
}

func (v viewDescriptionReplaces) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (viewDescriptionReplaces) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || req.PlanValue.Equal(req.StateValue) {
		return
	}
	var loc types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("data_location"), &loc)...)
	if loc.ValueString() == "VIEW" {
		resp.RequiresReplace = true
	}
}
