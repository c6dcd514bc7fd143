package store

import (
	"fmt"
	"sort"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/sparksql"
)

// ApplyDDL carries out a parsed statement against the project's catalog. It returns the
// error text of a failed job (Spark's AnalysisException wording) or "".
func ApplyDDL(p *Project, st *sparksql.Statement, currentDB, owner string, now int64) string {
	resolveDB := func() (*Database, string) {
		name := st.DB
		if name == "" {
			name = strings.ToLower(currentDB)
		}
		if name == "" {
			return nil, "org.apache.spark.sql.AnalysisException: No database is selected: qualify the table name or set currentdb"
		}
		db := p.Databases[name]
		if db == nil {
			return nil, fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException: Database '%s' not found", name)
		}
		return db, ""
	}
	resolveTable := func() (*Database, *Table, string) {
		db, msg := resolveDB()
		if db == nil {
			return nil, nil, msg
		}
		t := db.Tables[st.Table]
		if t == nil {
			return db, nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: Table or view not found: %s.%s", db.Name, st.Table)
		}
		return db, t, ""
	}
	switch st.Kind {
	case "create_database":
		if err := ValidDatabaseName(st.DB); err != nil {
			return "org.apache.spark.sql.AnalysisException: " + err.Msg
		}
		if p.Databases[st.DB] != nil {
			if st.IfNotExists {
				return ""
			}
			return fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.DatabaseAlreadyExistsException: Database '%s' already exists", st.DB)
		}
		db := NewDatabase(st.DB, owner, now)
		if st.Comment != nil {
			db.Description = *st.Comment
		}
		p.Databases[st.DB] = db
	case "drop_database":
		db := p.Databases[st.DB]
		switch {
		case db == nil && st.IfExists:
			return ""
		case db == nil:
			return fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException: Database '%s' not found", st.DB)
		case db.Name == DefaultDatabase:
			return "org.apache.spark.sql.AnalysisException: Can not drop default database"
		case len(db.Tables) > 0 && !st.Cascade:
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Cannot drop a non-empty database: %s. Use CASCADE option to drop a non-empty database.", db.Name)
		}
		delete(p.Databases, db.Name)
		p.DropPrivileges("databases." + db.Name) // permissions: grants go with the object
	case "create_table":
		db, msg := resolveDB()
		if db == nil {
			return msg
		}
		if err := ValidTableName(st.Table); err != nil {
			return "org.apache.spark.sql.AnalysisException: " + err.Msg
		}
		if db.Tables[st.Table] != nil {
			if st.IfNotExists {
				return ""
			}
			return fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException: Table or view '%s' already exists in database '%s'", st.Table, db.Name)
		}
		t, msg := tableFromDDL(st, owner, now)
		if t == nil {
			return msg
		}
		db.Tables[t.Name] = t
	case "drop_table":
		db, t, msg := resolveTable()
		if t == nil {
			if st.IfExists && db != nil {
				return ""
			}
			return msg
		}
		delete(db.Tables, t.Name)
		p.DropPrivileges("databases." + db.Name + ".tables." + t.Name) // permissions: grants go with the object
	case "add_columns":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		if t.DataLocation == "VIEW" {
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: %s is a view. 'ALTER TABLE ... ADD COLUMNS' expects a table.", t.Name)
		}
		for _, c := range st.Columns {
			if t.ColumnIndex(c.Name) >= 0 {
				return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Found duplicate column(s) in the table definition of %s: `%s`", t.Name, c.Name)
			}
		}
		data, parts := t.SplitColumns()
		for _, c := range st.Columns {
			data = append(data, Column{Name: c.Name, Type: c.Type, Description: c.Comment})
		}
		t.Columns = append(data, parts...)
		t.LastAccessTime = now
	case "set_tblproperties":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		if t.Properties == nil {
			t.Properties = map[string]string{}
		}
		for _, kv := range st.Props {
			if strings.EqualFold(kv.Key, "comment") {
				t.Description = kv.Value
				continue
			}
			t.Properties[kv.Key] = kv.Value
		}
		t.LastAccessTime = now
	case "change_column":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		i := t.ColumnIndex(st.ChangeFrom)
		if i < 0 {
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Can't find column `%s` given table data columns of %s", st.ChangeFrom, t.Name)
		}
		old := t.Columns[i]
		if st.Change.Name != old.Name || st.Change.Type != old.Type {
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: ALTER TABLE CHANGE COLUMN is not supported for changing column '%s' with type '%s' to '%s' with type '%s'",
				old.Name, old.Type, st.Change.Name, st.Change.Type)
		}
		if st.Comment != nil {
			t.Columns[i].Description = *st.Comment
		}
		t.LastAccessTime = now
	case "add_partition":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		return t.AddPartition(st.Props, st.Location, st.IfNotExists, now)
	}
	return ""
}

// tableFromDDL builds a table from CREATE TABLE: with LOCATION it is an OBS table, else a DLI table.
func tableFromDDL(st *sparksql.Statement, owner string, now int64) (*Table, string) {
	t := &Table{Name: st.Table, DataLocation: "DLI", Owner: owner, CreateTime: now, LastAccessTime: now, Properties: map[string]string{}}
	if st.Comment != nil {
		t.Description = *st.Comment
	}
	var parts []Column
	for _, c := range st.Columns {
		t.Columns = append(t.Columns, Column{Name: c.Name, Type: c.Type, Description: c.Comment})
	}
	for _, pc := range st.PartitionBy {
		i := t.ColumnIndex(pc.Name)
		switch {
		case pc.Type != "" && i >= 0:
			return nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: Found duplicate column(s) in the table definition of %s: `%s`", t.Name, pc.Name)
		case pc.Type != "":
			parts = append(parts, Column{Name: pc.Name, Type: pc.Type, Description: pc.Comment, IsPartition: true})
		case i < 0:
			return nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: partition column %s is not defined in table %s", pc.Name, t.Name)
		default:
			c := t.Columns[i]
			c.IsPartition = true
			t.Columns = append(t.Columns[:i], t.Columns[i+1:]...)
			parts = append(parts, c)
		}
	}
	if len(parts) > 0 && len(t.Columns) == 0 {
		return nil, "org.apache.spark.sql.AnalysisException: Cannot use all columns for partition columns"
	}
	t.Columns = append(t.Columns, parts...)
	if st.Location != "" {
		t.DataLocation, t.DataPath, t.DataType = "OBS", st.Location, "parquet"
	}
	if st.Format != "" {
		t.DataType = st.Format
	}
	if t.DataLocation == "DLI" {
		t.DataType = ""
	}
	for _, kv := range st.Props {
		t.Properties[kv.Key] = kv.Value
	}
	return t, ""
}

// sortedProps returns a map as key-sorted pairs.
func sortedProps(m map[string]string) []sparksql.Prop {
	out := make([]sparksql.Prop, 0, len(m))
	for k, v := range m {
		out = append(out, sparksql.Prop{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
