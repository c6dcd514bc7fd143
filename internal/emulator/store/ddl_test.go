package store

import (
	"strings"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/sparksql"
)

func TestApplyDDL(t *testing.T) {
	p := &Project{}
	p.Init()
	run := func(sql, currentDB string) string {
		t.Helper()
		st, err := sparksql.Parse(sql)
		if err != nil {
			t.Fatalf("sparksql.Parse(%q): %v", sql, err)
		}
		return ApplyDDL(p, st, currentDB, "u", 1)
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
