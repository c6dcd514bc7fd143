package fwtypes

import (
	"strings"
	"testing"
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
		if got, err := NormalizeSparkType(in); err != nil || got != want {
			t.Errorf("NormalizeSparkType(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"": "missing", "int4": "not a Spark SQL type", "varchar": "needs a length", "char(256)": "out of range",
		"decimal(0)": "out of range", "decimal(5,6)": "out of range", "decimal(x)": "whole number",
		"array<int": "missing '>'", "map<int>": "key and a value", "struct<a int>": "':'", "int int": "unexpected",
		"array<>": "expected a type name",
	}
	for in, want := range bad {
		if _, err := NormalizeSparkType(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("NormalizeSparkType(%q) error = %v, want one containing %q", in, err, want)
		}
	}
}

func TestSameSparkType(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"INT", "integer", true},
		{"decimal", "DECIMAL(10, 0)", true},
		{"map<string,int>", "MAP< STRING , INT >", true},
		{"int", "bigint", false},
		{"int4", "int4", false}, // not a type: never the same as anything
	}
	for _, tc := range cases {
		if got := SameSparkType(tc.a, tc.b); got != tc.want {
			t.Errorf("SameSparkType(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
