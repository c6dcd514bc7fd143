package resources

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// SQL job settings and their defaults.
const (
	sqlJobWaitSubmitted    = "submitted"
	sqlJobWaitCompleted    = "completed"
	sqlJobDefaultPreview   = 10
	sqlJobMaxPreview       = 100
	sqlJobAsyncConf        = "dli.sql.sqlasync.enabled"
	sqlJobDefaultQueueName = "default"
)

// dliSQLJobModel is the huaweidata_dli_sql_job state.
type dliSQLJobModel struct {
	ID              types.String      `tfsdk:"id"`
	JobID           types.String      `tfsdk:"job_id"`
	SQL             types.String      `tfsdk:"sql"`
	QueueName       types.String      `tfsdk:"queue_name"`
	DatabaseName    types.String      `tfsdk:"database_name"`
	Conf            types.Map         `tfsdk:"conf"`
	Tags            types.Map         `tfsdk:"tags"`
	WaitFor         types.String      `tfsdk:"wait_for"`
	Triggers        types.Map         `tfsdk:"triggers"`
	CancelOnDestroy types.Bool        `tfsdk:"cancel_on_destroy"`
	PreviewRows     types.Int32       `tfsdk:"preview_rows"`
	Status          types.String      `tfsdk:"status"`
	Message         types.String      `tfsdk:"message"`
	JobType         types.String      `tfsdk:"job_type"`
	Owner           types.String      `tfsdk:"owner"`
	StartTime       timetypes.RFC3339 `tfsdk:"start_time"`
	EndTime         timetypes.RFC3339 `tfsdk:"end_time"`
	Duration        types.Int64       `tfsdk:"duration"`
	InputSize       types.Int64       `tfsdk:"input_size"`
	ResultCount     types.Int64       `tfsdk:"result_count"`
	ResultPreview   types.Object      `tfsdk:"result_preview"`
	Timeouts        timeouts.Value    `tfsdk:"timeouts"`
}

var (
	sqlResultColumnType  = types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "type": types.StringType}}
	sqlResultPreviewType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"columns": types.ListType{ElemType: sqlResultColumnType},
		"rows":    types.ListType{ElemType: types.ListType{ElemType: types.StringType}},
	}}
)

// spec maps the plan to the §7.3.3 submission. DDL is asked to run asynchronously unless
// conf says otherwise, so that apply polls the job instead of holding one long request.
func (m dliSQLJobModel) spec(ctx context.Context, diags *diag.Diagnostics) client.SQLJobSpec {
	s := client.SQLJobSpec{SQL: m.SQL.ValueString(), Queue: m.QueueName.ValueString(), Database: m.DatabaseName.ValueString()}
	conf := map[string]string{}
	if flex.IsKnown(m.Conf) {
		diags.Append(m.Conf.ElementsAs(ctx, &conf, false)...)
	}
	if _, set := conf[sqlJobAsyncConf]; !set {
		conf[sqlJobAsyncConf] = "true"
	}
	for _, k := range slices.Sorted(maps.Keys(conf)) {
		s.Conf = append(s.Conf, k+"="+conf[k])
	}
	if flex.IsKnown(m.Tags) {
		diags.Append(m.Tags.ElementsAs(ctx, &s.Tags, false)...)
	}
	return s
}

// fromStatus copies what §7.3.7 returns. The statement, queue and tags are only taken
// from DLI when the state has none (after import): DLI may respell them.
func (m *dliSQLJobModel) fromStatus(st *client.SQLJobStatus, diags *diag.Diagnostics) {
	m.ID, m.JobID = types.StringValue(st.JobID), types.StringValue(st.JobID)
	if m.SQL.IsNull() || m.SQL.IsUnknown() {
		m.SQL = types.StringValue(st.Statement)
	}
	if !flex.IsKnown(m.QueueName) {
		m.QueueName = types.StringValue(strings.ToLower(st.QueueName))
	}
	if m.DatabaseName.IsUnknown() || m.DatabaseName.IsNull() && m.Owner.IsNull() && st.DatabaseName != "" {
		m.DatabaseName = flex.StringOrNull(st.DatabaseName) // import: DLI's database_name
	}
	tags := st.UserTags()
	if len(tags) == 0 && (m.Tags.IsNull() || m.Tags.IsUnknown()) {
		m.Tags = types.MapNull(types.StringType)
	} else {
		var d diag.Diagnostics
		m.Tags, d = types.MapValueFrom(context.Background(), types.StringType, tags)
		diags.Append(d...)
	}
	m.Status = types.StringValue(st.Status)
	m.Message = types.StringValue(st.Message)
	m.JobType = types.StringValue(st.JobType)
	m.Owner = types.StringValue(st.Owner)
	m.StartTime = flex.RFC3339FromMillis(st.StartTime)
	m.EndTime = flex.RFC3339FromMillis(st.EndTime)
	m.Duration = types.Int64Value(st.Duration)
	m.InputSize = types.Int64Value(st.InputSize)
	m.ResultCount = types.Int64Value(st.ResultCount)
	m.setDefaults()
}

// setDefaults fills the provider-side settings an import leaves null.
func (m *dliSQLJobModel) setDefaults() {
	if m.WaitFor.IsNull() {
		m.WaitFor = types.StringValue(sqlJobWaitCompleted)
	}
	if m.CancelOnDestroy.IsNull() {
		m.CancelOnDestroy = types.BoolValue(true)
	}
	if m.PreviewRows.IsNull() {
		m.PreviewRows = types.Int32Value(sqlJobDefaultPreview)
	}
	if m.Conf.IsUnknown() {
		m.Conf = types.MapNull(types.StringType)
	}
}

// needsPreview reports whether the job's result preview is still to be read: a finished
// query whose preview is not in state yet (a finished job's result never changes).
func (m *dliSQLJobModel) needsPreview() bool {
	return m.Status.ValueString() == "FINISHED" && m.JobType.ValueString() == "QUERY" && m.PreviewRows.ValueInt32() > 0 &&
		(m.ResultPreview.IsNull() || m.ResultPreview.IsUnknown())
}

// previewValue renders a §7.3.6 result as result_preview: the columns in order and each row's
// values as strings (JSON for numbers and booleans, null for SQL NULL).
func previewValue(r *client.SQLJobResult, rows int, diags *diag.Diagnostics) types.Object {
	cols := make([]attr.Value, 0, len(r.Schema))
	for _, c := range r.Schema {
		for name, typ := range c { // one key per column
			cols = append(cols, types.ObjectValueMust(sqlResultColumnType.AttrTypes,
				map[string]attr.Value{"name": types.StringValue(name), "type": types.StringValue(typ)}))
		}
	}
	out := make([]attr.Value, 0, min(rows, len(r.Rows)))
	for _, row := range r.Rows[:min(rows, len(r.Rows))] {
		vals := make([]attr.Value, len(row))
		for i, v := range row {
			vals[i] = cellValue(v)
		}
		out = append(out, types.ListValueMust(types.StringType, vals))
	}
	obj, d := types.ObjectValue(sqlResultPreviewType.AttrTypes, map[string]attr.Value{
		"columns": types.ListValueMust(sqlResultColumnType, cols),
		"rows":    types.ListValueMust(types.ListType{ElemType: types.StringType}, out),
	})
	diags.Append(d...)
	return obj
}

func cellValue(v any) types.String {
	switch v := v.(type) {
	case nil:
		return types.StringNull()
	case string:
		return types.StringValue(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return types.StringValue(fmt.Sprint(v))
	}
	return types.StringValue(string(b))
}

// withUnknownsNull returns m with the computed values a failed wait left unknown set to null.
func (m dliSQLJobModel) withUnknownsNull() dliSQLJobModel {
	flex.UnknownToNull(&m.Status, &m.Message, &m.JobType, &m.Owner, &m.QueueName, &m.DatabaseName)
	if m.StartTime.IsUnknown() {
		m.StartTime = timetypes.NewRFC3339Null()
	}
	if m.EndTime.IsUnknown() {
		m.EndTime = timetypes.NewRFC3339Null()
	}
	for _, v := range []*types.Int64{&m.Duration, &m.InputSize, &m.ResultCount} {
		if v.IsUnknown() {
			*v = types.Int64Null()
		}
	}
	if m.ResultPreview.IsUnknown() {
		m.ResultPreview = types.ObjectNull(sqlResultPreviewType.AttrTypes)
	}
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
	return m
}
