package resources

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNormalizeSparkType(t *testing.T) {
	good := map[string]string{
		"INT": "int", "Integer": "int", "LONG": "bigint", "short": "smallint", "byte": "tinyint", "real": "float",
		"decimal": "decimal(10,0)", "NUMERIC(5)": "decimal(5,0)", " decimal ( 12 , 2 ) ": "decimal(12,2)",
		"VARCHAR(20)": "varchar(20)", "char(1)": "char(1)", "Array< INT >": "array<int>",
		"map<STRING, array<bigint>>":           "map<string,array<bigint>>",
		"struct<Sku:string, qty : int>":        "struct<sku:string,qty:int>",
		"array<struct<a:map<string,decimal>>>": "array<struct<a:map<string,decimal(10,0)>>>",
		"struct<>":                             "struct<>",
	}
	for in, want := range good {
		if got, err := normalizeSparkType(in); err != nil || got != want {
			t.Errorf("normalizeSparkType(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"": "missing", "int4": "not a Spark SQL type", "varchar": "needs a length", "char(256)": "out of range",
		"decimal(0)": "out of range", "decimal(5,6)": "out of range", "decimal(x)": "whole number",
		"array<int": "missing '>'", "map<int>": "key and a value", "struct<a int>": "':'", "int int": "unexpected",
		"array<>": "expected a type name",
	}
	for in, want := range bad {
		if _, err := normalizeSparkType(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("normalizeSparkType(%q) error = %v, want one containing %q", in, err, want)
		}
	}
	eq, _ := newSparkType("DECIMAL(10, 2)").StringSemanticEquals(context.Background(), newSparkType("decimal(10,2)"))
	ne, _ := newSparkType("int").StringSemanticEquals(context.Background(), newSparkType("bigint"))
	if !eq || ne {
		t.Errorf("semantic equality: DECIMAL(10, 2)~decimal(10,2) = %v, int~bigint = %v", eq, ne)
	}
}

func col(name, typ, desc string, part bool) tableColumnModel {
	return tableColumnModel{Name: types.StringValue(name), Type: newSparkType(typ), Description: types.StringValue(desc), IsPartition: types.BoolValue(part)}
}

func TestDiffColumns(t *testing.T) {
	old := []tableColumnModel{col("id", "INT", "", false), col("name", "string", "", false), col("dt", "string", "", true)}
	cases := []struct {
		name     string
		cur      []tableColumnModel
		view     bool
		replace  string // substring of the reason; "" = in place or nothing
		appended int
		comments int
	}{
		{"respelled", []tableColumnModel{col("id", "int", "", false), col("name", "STRING", "", false), col("dt", "String", "", true)}, false, "", 0, 0},
		{"appended before partitions", []tableColumnModel{col("id", "int", "", false), col("name", "string", "", false), col("x", "bigint", "", false), col("dt", "string", "", true)}, false, "", 1, 0},
		{"comment", []tableColumnModel{col("id", "int", "key", false), col("name", "string", "", false), col("dt", "string", "", true)}, false, "", 0, 1},
		{"removed", []tableColumnModel{col("id", "int", "", false), col("dt", "string", "", true)}, false, "removed", 0, 0},
		{"renamed", []tableColumnModel{col("id", "int", "", false), col("title", "string", "", false), col("dt", "string", "", true)}, false, "renamed or reordered", 0, 0},
		{"reordered", []tableColumnModel{col("name", "string", "", false), col("id", "int", "", false), col("dt", "string", "", true)}, false, "renamed or reordered", 0, 0},
		{"retyped", []tableColumnModel{col("id", "bigint", "", false), col("name", "string", "", false), col("dt", "string", "", true)}, false, "changes type", 0, 0},
		{"partition added", []tableColumnModel{col("id", "int", "", false), col("name", "string", "", false), col("dt", "string", "", true), col("h", "int", "", true)}, false, "partition columns change", 0, 0},
		{"partition comment", []tableColumnModel{col("id", "int", "", false), col("name", "string", "", false), col("dt", "string", "day", true)}, false, "partition column", 0, 0},
		{"view append", []tableColumnModel{col("id", "int", "", false), col("name", "string", "", false), col("x", "int", "", false), col("dt", "string", "", true)}, true, "view", 0, 0},
		{"unknown type", []tableColumnModel{{Name: types.StringValue("id"), Type: sparkTypeValue{StringValue: types.StringUnknown()}, Description: types.StringValue(""), IsPartition: types.BoolValue(false)}}, false, "not known", 0, 0},
	}
	for _, tc := range cases {
		ch := diffColumns(old, tc.cur, tc.view)
		if tc.replace == "" && ch.replace != "" || tc.replace != "" && !strings.Contains(ch.replace, tc.replace) ||
			len(ch.appended) != tc.appended || len(ch.commentOnly) != tc.comments {
			t.Errorf("%s: got replace=%q appended=%d comments=%d", tc.name, ch.replace, len(ch.appended), len(ch.commentOnly))
		}
	}
}

func TestTableHelpers(t *testing.T) {
	if got := badPatternLetter("yyyy-MM-dd'T'HH:mm:ss.SSS z"); got != "" {
		t.Errorf("valid format rejected at %q", got)
	}
	if got := badPatternLetter("yyyy-MM-dd HH:mm:ssXXX"); got != "X" {
		t.Errorf("badPatternLetter = %q, want X", got)
	}
	if got := viewQuery("CREATE VIEW `db`.`v` (id, name) AS\nselect * from db.t\n").ValueString(); got != "select * from db.t" {
		t.Errorf("viewQuery = %q", got)
	}
	if got := sqlString(`it's a \ test`); got != `'it\'s a \\ test'` {
		t.Errorf("sqlString = %s", got)
	}
	if got := columnDDL(col("note", "VARCHAR(10)", "who's", false)); got != "`note` varchar(10) COMMENT 'who\\'s'" {
		t.Errorf("columnDDL = %s", got)
	}
}
