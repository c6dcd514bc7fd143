package sparksql

// Column is a column in DDL: name, canonical type and comment.
type Column struct {
	Name    string
	Type    string
	Comment string
}

// Prop is a key/value pair of TBLPROPERTIES, OPTIONS or a partition spec.
type Prop struct{ Key, Value string }

// Statement is a parsed statement.
type Statement struct {
	JobType string // DDL, DCL, QUERY, INSERT, IMPORT, UPDATE, DELETE
	Kind    string // create_database, drop_database, create_table, drop_table, add_columns, set_tblproperties, change_column, add_partition; "" = no catalog effect

	DB, Table   string
	IfExists    bool
	IfNotExists bool
	Cascade     bool
	Comment     *string
	Columns     []Column
	PartitionBy []Column // Type "" when only the name is given (datasource syntax)
	Props       []Prop   // TBLPROPERTIES, or the partition spec for add_partition
	Options     []Prop
	Location    string
	Format      string
	Change      Column // change_column: the column's new definition
	ChangeFrom  string

	// RefDB and RefTable name the table a statement without catalog effect reads or
	// writes (DESC t, SELECT … FROM db.t, INSERT INTO t), for the job detail.
	RefDB, RefTable string

	// Query is the SELECT of a query, or of an INSERT … SELECT; nil for other statements.
	Query *Query
}

// statementStarts maps a statement's first word to its job type (§7.3.3 job types).
var statementStarts = map[string]string{
	"select": "QUERY", "with": "QUERY", "values": "QUERY", "from": "QUERY", "table": "QUERY",
	"insert": "INSERT", "merge": "INSERT",
	"grant": "DCL", "revoke": "DCL",
	"load": "IMPORT", "update": "UPDATE", "delete": "DELETE",
	"create": "DDL", "drop": "DDL", "alter": "DDL", "show": "DDL", "desc": "DDL", "describe": "DDL",
	"use": "DDL", "explain": "DDL", "analyze": "DDL", "refresh": "DDL", "msck": "DDL", "truncate": "DDL",
	"cache": "DDL", "uncache": "DDL", "clear": "DDL", "set": "DDL", "reset": "DDL", "add": "DDL", "list": "DDL",
}
