package client

import "testing"

func TestParsePermissionObject(t *testing.T) {
	ok := map[string]PermissionObject{
		"queues.etl":                       {Kind: PermissionQueue, Name: "etl"},
		"databases.sales":                  {Kind: PermissionDatabase, Name: "sales"},
		"databases.sales.tables.orders":    {Kind: PermissionTable, Name: "sales", Table: "orders"},
		"databases.s.tables.o.columns.c_1": {Kind: PermissionColumn, Name: "s", Table: "o", Column: "c_1"},
		"jobs.flink.9561":                  {Kind: PermissionFlinkJob, Name: "9561"},
		"groups.udf-libs":                  {Kind: PermissionGroup, Name: "udf-libs"},
		"resources.udf.jar":                {Kind: PermissionPackage, Name: "udf.jar"},
		"resources.libs/udf.jar":           {Kind: PermissionPackage, Name: "libs/udf.jar"},
	}
	for s, want := range ok {
		want.Notation = s
		got, err := ParsePermissionObject(s)
		if err != nil || got != want {
			t.Errorf("ParsePermissionObject(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "queues", "queues.", "queues.a-b", "databases", "databases.a.", "databases.a.tables",
		"databases.a.table.b", "databases.a.tables.b.columns", "databases.a.tables.b.cols.c", "databases.a.tables.b.columns.c.d",
		"jobs.flink.", "jobs.flink.x1", "jobs.spark.1", "groups.a/b", "resources.", "resources.a/b/c", "edsconnections.x", "tables.t"} {
		if o, err := ParsePermissionObject(s); err == nil {
			t.Errorf("ParsePermissionObject(%q) = %+v, want an error", s, o)
		}
	}
}

// A column's grants are read from its table's user list (§5.5).
func TestColumnGrantsListedWithTable(t *testing.T) {
	o, _ := ParsePermissionObject("databases.sales.tables.orders.columns.email")
	if got := o.listNotation(); got != "databases.sales.tables.orders" {
		t.Errorf("a column's grants are listed with its table's, got %q", got)
	}
}
