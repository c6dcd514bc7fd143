package resources

import (
	"context"
	"fmt"
	"strings"
)

// The Spark SQL that updates a table in place: ALTER TABLE statements run as SQL jobs.

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
		d, err := r.Client.ShowTable(ctx, plan.DatabaseName.ValueString(), plan.Name.ValueString())
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

// sqlString quotes a string literal for Spark SQL.
func sqlString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// sqlIdent quotes an identifier for Spark SQL.
func sqlIdent(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// columnDDL renders "`name` type COMMENT '...'".
func columnDDL(c tableColumnModel) string {
	out := sqlIdent(c.Name.ValueString()) + " " + c.Type.Normalized()
	if d := c.Description.ValueString(); d != "" {
		out += " COMMENT " + sqlString(d)
	}
	return out
}
