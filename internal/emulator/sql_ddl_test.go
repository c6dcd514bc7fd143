package emulator

import (
	"strings"
	"testing"
)

func TestCanonicalType(t *testing.T) {
	good := map[string]string{
		"INT":                                   "int",
		"Integer":                               "int",
		"long":                                  "bigint",
		"string":                                "string",
		"DECIMAL":                               "decimal(10,0)",
		"decimal(12)":                           "decimal(12,0)",
		"Decimal( 10 , 2 )":                     "decimal(10,2)",
		"varchar(20)":                           "varchar(20)",
		"CHAR(3)":                               "char(3)",
		"array<INT>":                            "array<int>",
		"map<string, array<bigint>>":            "map<string,array<bigint>>",
		"struct<A:int, b : map<string,double>>": "struct<a:int,b:map<string,double>>",
		"array<array<int>>":                     "array<array<int>>",
	}
	for in, want := range good {
		got, err := canonicalType(in)
		if err != nil || got != want {
			t.Errorf("canonicalType(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "varchar", "int4", "decimal(39,0)", "decimal(5,6)", "char(256)", "array<int", "map<int>", "struct<a int>", "int int", "array<>"} {
		if got, err := canonicalType(bad); err == nil {
			t.Errorf("canonicalType(%q) = %q, want an error", bad, got)
		}
	}
}

func TestParseSQLClassifiesAndRejects(t *testing.T) {
	types := map[string]string{
		"select * from db1.t1":                        "QUERY",
		"WITH x AS (select 1) select * from x;":       "QUERY",
		"insert into t1 values (1)":                   "INSERT",
		"grant select on table t1 to user1":           "DCL",
		"show tables":                                 "DDL",
		"CREATE VIEW v AS select 1":                   "DDL",
		"alter table t rename to t2":                  "DDL",
		"ALTER TABLE db.t ADD COLUMNS (c int)":        "DDL",
		"alter table t set tblproperties ('a' = 'b')": "DDL",
	}
	for sql, want := range types {
		st, err := parseSQL(sql)
		if err != nil || st.JobType != want {
			t.Errorf("parseSQL(%q) = %+v, %v; want job type %s", sql, st, err, want)
		}
	}
	for _, bad := range []string{
		"", "   ;", "selec * from t", "select * from t where a = 'x", "select (1", "select 1)",
		"select 1; select 2", "insert t1 values (1)", "ALTER TABLE t ADD COLUMNS (c notatype)",
		"alter table t add columns c int", "create table t (a int", "drop table", "alter table t", "select",
		"create database", "drop table t extra", "alter tabel t", "create tabel t (a int)", "drop foo",
	} {
		if st, err := parseSQL(bad); err == nil {
			t.Errorf("parseSQL(%q) = %+v, want a syntax error", bad, st)
		} else if !strings.Contains(err.Error(), "PARSE_SYNTAX_ERROR") {
			t.Errorf("parseSQL(%q) error %q lacks the syntax-error marker", bad, err)
		}
	}
}

func TestApplyDDL(t *testing.T) {
	p := &projectData{}
	p.init()
	run := func(sql, currentDB string) string {
		t.Helper()
		st, err := parseSQL(sql)
		if err != nil {
			t.Fatalf("parseSQL(%q): %v", sql, err)
		}
		return applyDDL(p, st, currentDB, "u", 1)
	}
	mustRun := func(sql, currentDB string) {
		t.Helper()
		if msg := run(sql, currentDB); msg != "" {
			t.Fatalf("%s: %s", sql, msg)
		}
	}
	mustRun("CREATE DATABASE sales COMMENT 'orders'", "")
	if p.Databases["sales"] == nil || p.Databases["sales"].Description != "orders" {
		t.Fatalf("database not created: %+v", p.Databases["sales"])
	}
	if msg := run("create database sales", ""); !strings.Contains(msg, "already exists") {
		t.Errorf("duplicate create: %q", msg)
	}
	mustRun("create database if not exists sales", "")
	mustRun("CREATE TABLE t1 (id INT COMMENT 'key', name string, dt string) USING parquet PARTITIONED BY (dt)", "sales")
	tb := p.Databases["sales"].Tables["t1"]
	if tb == nil || len(tb.Columns) != 3 || !tb.Columns[2].IsPartition || tb.Columns[0].Description != "key" {
		t.Fatalf("table: %+v", tb)
	}
	mustRun("ALTER TABLE sales.t1 ADD COLUMNS (amount DECIMAL(10, 2) COMMENT 'eur', tags array<string>)", "")
	names := []string{}
	for _, c := range tb.Columns {
		names = append(names, c.Name+" "+c.Type)
	}
	if got := strings.Join(names, ", "); got != "id int, name string, amount decimal(10,2), tags array<string>, dt string" {
		t.Errorf("columns after ADD COLUMNS: %s", got)
	}
	if msg := run("alter table t1 add columns (ID bigint)", "sales"); !strings.Contains(msg, "duplicate column") {
		t.Errorf("duplicate column: %q", msg)
	}
	mustRun("alter table t1 set tblproperties ('comment' = 'fact table', 'k' = 'v')", "sales")
	if tb.Description != "fact table" || tb.Properties["k"] != "v" {
		t.Errorf("tblproperties: %q %v", tb.Description, tb.Properties)
	}
	mustRun("alter table t1 change column name name string comment 'who'", "sales")
	if tb.Columns[1].Description != "who" {
		t.Errorf("change column comment: %+v", tb.Columns[1])
	}
	if msg := run("alter table t1 change column name name int", "sales"); !strings.Contains(msg, "not supported") {
		t.Errorf("retype: %q", msg)
	}
	mustRun("alter table t1 add partition (dt='2024-01-01')", "sales")
	if len(tb.Partitions) != 1 || tb.Partitions[0].Name != "dt=2024-01-01" {
		t.Errorf("partitions: %+v", tb.Partitions)
	}
	if msg := run("alter table missing add columns (c int)", "sales"); !strings.Contains(msg, "not found") {
		t.Errorf("missing table: %q", msg)
	}
	if msg := run("alter table t1 add columns (c int)", ""); !strings.Contains(msg, "No database") {
		t.Errorf("no database: %q", msg)
	}
	if msg := run("drop database sales", ""); !strings.Contains(msg, "non-empty") {
		t.Errorf("drop non-empty: %q", msg)
	}
	mustRun("CREATE TABLE sales.ext (a string) LOCATION 'obs://b/p'", "")
	if ext := p.Databases["sales"].Tables["ext"]; ext.DataLocation != "OBS" || ext.DataPath != "obs://b/p" {
		t.Errorf("external table: %+v", ext)
	}
	mustRun("drop table sales.ext", "")
	mustRun("drop table if exists sales.ext", "")
	mustRun("drop database sales cascade", "")
	if p.Databases["sales"] != nil {
		t.Error("database not dropped")
	}
	if msg := run("drop database default", ""); !strings.Contains(msg, "default") {
		t.Errorf("drop default: %q", msg)
	}
	mustRun("select * from x.y", "") // no catalog effect
}
