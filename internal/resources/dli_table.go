package resources

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
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
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/fwtypes"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                   = (*dliTableResource)(nil)
	_ resource.ResourceWithConfigure      = (*dliTableResource)(nil)
	_ resource.ResourceWithValidateConfig = (*dliTableResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*dliTableResource)(nil)
	_ resource.ResourceWithImportState    = (*dliTableResource)(nil)
)

// importedKey marks, in private state, a table that has just been imported: its first read
// takes columns and select_statement from DLI even when they are not in state yet.
const importedKey = "imported"

// NewDLITable returns the huaweidata_dli_table resource. ALTER TABLE runs as an SQL job on
// a queue, hence the longer update timeout.
func NewDLITable() resource.Resource {
	return &dliTableResource{ResourceBase: framework.NewResourceBase("dli_table",
		framework.Timeouts{Create: 10 * time.Minute, Update: 30 * time.Minute, Delete: 10 * time.Minute})}
}

type dliTableResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
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
	obsOption := func(desc string, rules ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " OBS tables only. When unset, DLI's default is used and read back. Changing it replaces the table.",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       append(replace, keep...),
			Validators:          rules,
		}
	}
	oneCharacter := stringvalidator.UTF8LengthBetween(1, 1)
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
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(""),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(viewDescriptionChanges,
					"Changing the description of a view replaces it.", "Changing the description of a view replaces it.")},
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
								stringvalidator.UTF8LengthBetween(1, 128),
								stringvalidator.RegexMatches(columnNameShape, "must not contain uppercase letters or backquotes"),
							},
						},
						"type": schema.StringAttribute{
							MarkdownDescription: "Spark SQL type: `boolean`, `tinyint`, `smallint`, `int`, `bigint`, `float`, `double`, `string`, " +
								"`binary`, `date`, `timestamp`, `decimal(p,s)`, `varchar(n)`, `char(n)`, `array<type>`, `map<key,value>` or " +
								"`struct<name:type,...>`. Case and spacing do not matter (`INT` and `int` are the same type). Changing it replaces the table.",
							Required:   true,
							CustomType: fwtypes.SparkTypeType{},
							Validators: []validator.String{validators.SparkType()},
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
				Validators: []validator.String{validators.QueueName()},
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
			"quote_char":       obsOption("Quote character of CSV data (`data_format = \"csv\"` only), one character; DLI's default is `\"`.", oneCharacter),
			"escape_char":      obsOption("Escape character of CSV data (`data_format = \"csv\"` only), one character; DLI's default is `\\`.", oneCharacter),
			"date_format":      obsOption("Date format of CSV and JSON data, with the pattern letters G y M w W D d u a H h m s S z (text in single quotes is literal); DLI's default is `yyyy-MM-dd`.", validators.DatePattern()),
			"timestamp_format": obsOption("Timestamp format of CSV and JSON data, with the same pattern letters as `date_format`; DLI's default is `yyyy-MM-dd HH:mm:ss`.", validators.DatePattern()),
			"deletion_protection": schema.BoolAttribute{
				MarkdownDescription: "When `true` (the default), destroying or replacing the table fails at apply and nothing is dropped. " +
					"Set it to `false` and apply before destroying or replacing the table.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who owns the table, read when the table is created or imported (refreshing it would cost a table listing per refresh).",
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
				CustomType:          timetypes.RFC3339Type{},
				PlanModifiers:       keep,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
}

// viewDescriptionChanges replaces a view whose description changes: only tables have an
// in-place comment change.
func viewDescriptionChanges(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	var loc types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("data_location"), &loc)...)
	resp.RequiresReplace = loc.ValueString() == "VIEW"
}

func (r *dliTableResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.CreateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	body, diags := plan.createBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	db := plan.DatabaseName.ValueString()
	if err := r.Client.CreateTable(ctx, db, body); err != nil {
		framework.APIError(&resp.Diagnostics, fmt.Sprintf("Creating DLI table %s.%s", db, body.TableName), err)
		return
	}
	plan.ID = types.StringValue(db + "/" + body.TableName)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan.withUnknownsNull(), &resp.Diagnostics)
	// DLI creates some tables asynchronously: wait through the consistency window for it.
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI table "+plan.ID.ValueString(), &resp.State, &resp.Diagnostics)
}

func (r *dliTableResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	imported, diags := req.Private.GetKey(ctx, importedKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, func(ctx context.Context, m *dliTableModel, diags *diag.Diagnostics) bool {
		return r.read(ctx, m, len(imported) > 0, diags)
	})
	if len(imported) > 0 && !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	}
}

func (r *dliTableResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliTableModel
	ctx, cancel, ok := r.StartUpdate(ctx, req, &plan, &state, &plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	id := state.ID.ValueString()
	plan.ID = state.ID
	statements, err := r.alterStatements(ctx, plan, state)
	written := 0
	for i := 0; err == nil && i < len(statements); i++ {
		if err = r.Client.RunSQL(ctx, plan.SQLQueue.ValueString(), plan.DatabaseName.ValueString(), statements[i]); err == nil {
			written++
		}
	}
	if written > 0 {
		framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	}
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Updating DLI table "+id, err)
		// Record what DLI really has, so the next plan shows what is still to do.
		if r.readInto(ctx, &state, &resp.Diagnostics) {
			state.SQLQueue, state.DeletionProtection = plan.SQLQueue, plan.DeletionProtection
			resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		} else {
			resp.Diagnostics.Append(resp.State.Set(ctx, req.State.Raw)...)
		}
		return
	}
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI table "+id, &resp.State, &resp.Diagnostics)
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
	ctx, cancel := r.DeleteContext(ctx, state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.DeleteTable(ctx, state.DatabaseName.ValueString(), state.Name.ValueString()); err != nil {
		framework.APIError(&resp.Diagnostics, "Dropping DLI table "+id, err)
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
	framework.SetImported(ctx, resp, map[string]any{"id": db + "/" + table, "database_name": db, "name": table, "deletion_protection": true})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte(`true`))...)
}

// readInto refreshes m from DLI, keeping the configured columns and select_statement.
func (r *dliTableResource) readInto(ctx context.Context, m *dliTableModel, diags *diag.Diagnostics) bool {
	return r.read(ctx, m, false, diags)
}

// read refreshes m from describe (§7.2.4); it reports false when the table is gone. The
// owner and create time, which only the table listing has, are read from the shared
// listing when the state has none yet (after create and import): a refresh then costs one
// call per table, also when each table is alone in its database. Columns and select_statement are taken
// from DLI only when m has none (import); otherwise unchanged spellings are kept. A
// description without columns is an API error, never a table without columns (which would
// plan a replacement).
func (r *dliTableResource) read(ctx context.Context, m *dliTableModel, imported bool, diags *diag.Diagnostics) bool {
	db, name := m.DatabaseName.ValueString(), m.Name.ValueString()
	d, err := r.Client.ShowTable(ctx, db, name)
	if client.IsNotFound(err) {
		return false
	}
	if err == nil {
		err = m.checkDescription(d)
	}
	if err != nil {
		framework.APIError(diags, fmt.Sprintf("Reading DLI table %s.%s", db, name), err)
		return false
	}
	var listing *model.Table
	if imported || !flex.IsKnown(m.Owner) || !flex.IsKnown(m.CreateTime) {
		listing, err = r.Client.GetTableListing(ctx, db, name)
		if err != nil && !client.IsNotFound(err) {
			framework.APIError(diags, fmt.Sprintf("Listing DLI tables of %s", db), err)
			return false
		}
	}
	diags.Append(m.fromAPI(ctx, d, listing, imported)...)
	return !diags.HasError()
}
