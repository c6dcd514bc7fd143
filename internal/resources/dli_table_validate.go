package resources

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// ValidateConfig checks, before any API call, the rules of §7.2.1 that span attributes and
// depend on their values (which arguments apply to which data_location and data_format).
// Single-attribute rules are the attributes' validators.
func (r *dliTableResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m dliTableModel
	resp.Diagnostics.Append(framework.GetConfig(ctx, req.Config, &m)...)
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
		validateOBS(m, set, &resp.Diagnostics)
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
	cols, diags := tableColumns(ctx, m.Columns)
	resp.Diagnostics.Append(diags...)
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

// validateOBS checks an OBS table: its required arguments, the bucket path, and the format
// options that apply only to some data formats.
func validateOBS(m dliTableModel, set map[string]bool, diags *diag.Diagnostics) {
	for _, a := range []string{"data_format", "bucket_location"} {
		if !set[a] {
			diags.AddAttributeError(path.Root(a), "Missing "+a, a+" is required for OBS tables (data_location = \"OBS\").")
		}
	}
	if flex.IsKnown(m.BucketLocation) {
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
	if !flex.IsKnown(m.DataFormat) {
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
}

// ModifyPlan requires sql_queue when an update in place will run an SQL job.
func (r *dliTableResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return // destroy or create: no SQL job
	}
	if framework.PlanUnchanged(req) {
		return // no update (and the two model decodes below are saved)
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
