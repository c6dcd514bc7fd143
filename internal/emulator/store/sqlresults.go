package store

import (
	"fmt"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/sparksql"
)

// sqlResultRows is how many rows a query over a table returns: a small, deterministic result
// set (before LIMIT), so that previews and result counts can be asserted.
const sqlResultRows = 3

// ResultColumn is one column of a query's result: its name and Spark type.
type ResultColumn struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// queryResult computes the result of a finished QUERY job: the columns the select list
// names (resolved against the FROM table when there is one) and deterministic rows. It
// returns a Spark analysis error message when the table or a column does not exist.
func (p *Project) queryResult(q *sparksql.Query, currentDB string) ([]ResultColumn, [][]any, string) {
	var table *Table
	if q.Table != "" {
		dbName := q.DB
		if dbName == "" {
			dbName = currentDB
		}
		db := p.Databases[dbName]
		if db == nil || db.Tables[q.Table] == nil {
			return nil, nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: Table or view not found: %s.%s", dbName, q.Table)
		}
		table = db.Tables[q.Table]
	}
	var cols []ResultColumn
	var values []func(row int) any
	for _, it := range q.Items {
		name := it.Text
		if it.Alias != "" {
			name = it.Alias
		}
		switch {
		case it.Star && table != nil:
			for _, c := range table.Columns {
				cols, values = append(cols, ResultColumn{c.Name, c.Type}), append(values, generated(c.Name, c.Type))
			}
		case it.Star:
			cols, values = append(cols, ResultColumn{"col", "string"}), append(values, generated("col", "string"))
		case it.Literal != "":
			v := it.Value
			cols, values = append(cols, ResultColumn{name, it.Literal}), append(values, func(int) any { return v })
		case it.Count:
			cols, values = append(cols, ResultColumn{name, "bigint"}), append(values, func(int) any { return int64(sqlResultRows) })
		case it.Column != "" && table != nil:
			c := columnNamed(table, it.Column)
			if c == nil {
				return nil, nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: cannot resolve '%s' given input columns: [%s]", it.Text, columnNames(table))
			}
			if it.Alias == "" {
				name = c.Name
			}
			cols, values = append(cols, ResultColumn{name, c.Type}), append(values, generated(c.Name, c.Type))
		default:
			cols, values = append(cols, ResultColumn{name, "string"}), append(values, generated(name, "string"))
		}
	}
	n := 1
	if table != nil || q.Subquery {
		n = sqlResultRows
	}
	if onlyAggregates(q) {
		n = 1
	}
	if q.Limit >= 0 {
		n = min(n, q.Limit)
	}
	rows := make([][]any, n)
	for r := range rows {
		rows[r] = make([]any, len(values))
		for c, v := range values {
			rows[r][c] = v(r)
		}
	}
	return cols, rows, ""
}

// generated returns the value of a column of a given type in row r: 1, 2, 3 for numbers,
// "<name>_1" … for strings, and so on.
func generated(name, typ string) func(r int) any {
	switch base, _, _ := strings.Cut(typ, "("); base {
	case "int", "bigint", "smallint", "tinyint":
		return func(r int) any { return r + 1 }
	case "double", "float", "decimal":
		return func(r int) any { return float64(r+1) * 1.5 }
	case "boolean":
		return func(r int) any { return r%2 == 0 }
	case "date":
		return func(r int) any { return fmt.Sprintf("2024-01-%02d", r+1) }
	case "timestamp":
		return func(r int) any { return fmt.Sprintf("2024-01-%02d 00:00:00", r+1) }
	case "string", "varchar", "char":
		return func(r int) any { return fmt.Sprintf("%s_%d", name, r+1) }
	}
	return func(int) any { return nil }
}

func onlyAggregates(q *sparksql.Query) bool {
	for _, it := range q.Items {
		if !it.Count && it.Literal == "" {
			return false
		}
	}
	return true
}

func columnNamed(t *Table, name string) *Column {
	for i := range t.Columns {
		if strings.EqualFold(t.Columns[i].Name, name) {
			return &t.Columns[i]
		}
	}
	return nil
}

func columnNames(t *Table) string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}
