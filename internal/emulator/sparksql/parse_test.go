package sparksql

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
		got, err := CanonicalType(in)
		if err != nil || got != want {
			t.Errorf("CanonicalType(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "varchar", "int4", "decimal(39,0)", "decimal(5,6)", "char(256)", "array<int", "map<int>", "struct<a int>", "int int", "array<>"} {
		if got, err := CanonicalType(bad); err == nil {
			t.Errorf("CanonicalType(%q) = %q, want an error", bad, got)
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
		st, err := Parse(sql)
		if err != nil || st.JobType != want {
			t.Errorf("Parse(%q) = %+v, %v; want job type %s", sql, st, err, want)
		}
	}
	for _, bad := range []string{
		"", "   ;", "selec * from t", "select * from t where a = 'x", "select (1", "select 1)",
		"select 1; select 2", "insert t1 values (1)", "ALTER TABLE t ADD COLUMNS (c notatype)",
		"alter table t add columns c int", "create table t (a int", "drop table", "alter table t", "select",
		"create database", "drop table t extra", "alter tabel t", "create tabel t (a int)", "drop foo",
	} {
		if st, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %+v, want a syntax error", bad, st)
		} else if !strings.Contains(err.Error(), "PARSE_SYNTAX_ERROR") {
			t.Errorf("Parse(%q) error %q lacks the syntax-error marker", bad, err)
		}
	}
}

func TestReferencedTable(t *testing.T) {
	for sql, want := range map[string][2]string{
		"DESC t_src":                         {"", "t_src"},
		"describe formatted db.t":            {"db", "t"},
		"SELECT a FROM (SELECT 1) x":         {"", ""},
		"select * from `Db`.`T` where":       {"db", "t"},
		"INSERT OVERWRITE TABLE t2 SELECT 1": {"", "t2"},
		"SHOW TABLES":                        {"", ""},
	} {
		st, err := Parse(sql)
		if err != nil {
			t.Fatalf("Parse(%q): %v", sql, err)
		}
		if st.RefDB != want[0] || st.RefTable != want[1] {
			t.Errorf("Parse(%q) refers to %q.%q, want %q.%q", sql, st.RefDB, st.RefTable, want[0], want[1])
		}
	}
}
