package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/fwtypes"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// dliTableModel is the Terraform state of huaweidata_dli_table.
type dliTableModel struct {
	ID                 types.String      `tfsdk:"id"`
	DatabaseName       types.String      `tfsdk:"database_name"`
	Name               types.String      `tfsdk:"name"`
	DataLocation       types.String      `tfsdk:"data_location"`
	Description        types.String      `tfsdk:"description"`
	Columns            types.List        `tfsdk:"columns"`
	SQLQueue           types.String      `tfsdk:"sql_queue"`
	SelectStatement    types.String      `tfsdk:"select_statement"`
	DataFormat         types.String      `tfsdk:"data_format"`
	BucketLocation     types.String      `tfsdk:"bucket_location"`
	WithColumnHeader   types.Bool        `tfsdk:"with_column_header"`
	Delimiter          types.String      `tfsdk:"delimiter"`
	QuoteChar          types.String      `tfsdk:"quote_char"`
	EscapeChar         types.String      `tfsdk:"escape_char"`
	DateFormat         types.String      `tfsdk:"date_format"`
	TimestampFormat    types.String      `tfsdk:"timestamp_format"`
	DeletionProtection types.Bool        `tfsdk:"deletion_protection"`
	Owner              types.String      `tfsdk:"owner"`
	TableType          types.String      `tfsdk:"table_type"`
	CreateTime         timetypes.RFC3339 `tfsdk:"create_time"`
	Timeouts           timeouts.Value    `tfsdk:"timeouts"`
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
		TableName:        m.Name.ValueString(),
		DataLocation:     m.DataLocation.ValueString(),
		Description:      flex.StringPointer(m.Description),
		Columns:          []model.Column{},
		SelectStatement:  flex.StringPointer(m.SelectStatement),
		DataType:         flex.StringPointer(m.DataFormat),
		DataPath:         flex.StringPointer(m.BucketLocation),
		WithColumnHeader: flex.BoolPointer(m.WithColumnHeader),
		Delimiter:        flex.StringPointer(m.Delimiter),
		QuoteChar:        flex.StringPointer(m.QuoteChar),
		EscapeChar:       flex.StringPointer(m.EscapeChar),
		DateFormat:       flex.StringPointer(m.DateFormat),
		TimestampFormat:  flex.StringPointer(m.TimestampFormat),
	}
	if flex.IsKnown(m.Columns) {
		var cols []tableColumnModel
		diags.Append(m.Columns.ElementsAs(ctx, &cols, false)...)
		for _, c := range cols {
			body.Columns = append(body.Columns, model.Column{
				ColumnName:        c.Name.ValueString(),
				Type:              c.Type.Normalized(),
				Description:       flex.StringPointer(c.Description),
				IsPartitionColumn: ptr.Of(c.IsPartition.ValueBool()),
			})
		}
	}
	return body, diags
}

// checkDescription rejects a describe answer that lists no columns for a table that must
// have some: a DLI or OBS table always has at least one, and so does a view whose columns
// are known. Taken as data, such an answer would plan the table's replacement.
func (m dliTableModel) checkDescription(d *client.TableDescription) error {
	if len(d.Columns) > 0 {
		return nil
	}
	if strings.EqualFold(d.TableType, "VIEW") && (!flex.IsKnown(m.Columns) || len(m.Columns.Elements()) == 0) {
		return nil
	}
	return fmt.Errorf("DLI described table %s.%s (table_type %q) without any columns, which a table always has: "+
		"the answer is taken as malformed, not as the table's columns, and the state is left unchanged. Try again later",
		m.DatabaseName.ValueString(), m.Name.ValueString(), d.TableType)
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
	if flex.IsKnown(m.Columns) {
		var d diag.Diagnostics
		prior, d = tableColumns(ctx, m.Columns)
		diags.Append(d...)
	}
	if !m.Columns.IsNull() || imported || m.DataLocation.ValueString() != "VIEW" {
		cols := make([]tableColumnModel, len(d.Columns))
		for i, c := range d.Columns {
			cols[i] = tableColumnModel{
				Name: types.StringValue(c.ColumnName), Type: fwtypes.NewSparkTypeValue(c.Type),
				Description: types.StringValue(ptr.Deref(c.Description)), IsPartition: types.BoolValue(ptr.Deref(c.IsPartitionColumn)),
			}
			if i < len(prior) && sameColumn(prior[i], cols[i]) {
				cols[i] = prior[i] // keep the configured spelling (INT for int)
			}
		}
		list, d2 := tableColumnsList(cols)
		diags.Append(d2...)
		m.Columns = list
	}
	if m.DataLocation.ValueString() == "VIEW" {
		if !flex.IsKnown(m.SelectStatement) {
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

	if listing != nil { // else they are kept from the state (see the resource's read)
		m.Owner = types.StringValue(listing.Owner)
		m.CreateTime = flex.RFC3339FromMillis(listing.CreateTime)
	}
	if !flex.IsKnown(m.DeletionProtection) {
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
	flex.UnknownToNull(&m.Delimiter, &m.QuoteChar, &m.EscapeChar, &m.DateFormat, &m.TimestampFormat, &m.Owner, &m.TableType)
	if m.CreateTime.IsUnknown() {
		m.CreateTime = timetypes.NewRFC3339Null()
	}
	if m.WithColumnHeader.IsUnknown() {
		m.WithColumnHeader = types.BoolNull()
	}
	return m
}
