package resources

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/fwtypes"
)

func col(name, typ, desc string, part bool) tableColumnModel {
	return tableColumnModel{Name: types.StringValue(name), Type: fwtypes.NewSparkTypeValue(typ), Description: types.StringValue(desc), IsPartition: types.BoolValue(part)}
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
		{"unknown type", []tableColumnModel{{Name: types.StringValue("id"), Type: fwtypes.NewSparkTypeUnknown(), Description: types.StringValue(""), IsPartition: types.BoolValue(false)}}, false, "not known", 0, 0},
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

// TestTableDescriptionWithoutColumns: a describe answer without columns is an error for a
// table, never data (it would plan a replacement); only a view without columns may have none.
func TestTableDescriptionWithoutColumns(t *testing.T) {
	ctx := context.Background()
	noCols := types.ListNull(tableColumnObjectType)
	someCols, _ := types.ListValueFrom(ctx, tableColumnObjectType, []tableColumnModel{col("id", "int", "", false)})
	cases := []struct {
		name    string
		d       client.TableDescription
		columns types.List
		wantErr bool
	}{
		{"table with columns", client.TableDescription{TableType: "MANAGED", Columns: []model.Column{{ColumnName: "id", Type: "int"}}}, someCols, false},
		{"table without columns", client.TableDescription{TableType: "MANAGED"}, someCols, true},
		{"imported table without columns", client.TableDescription{TableType: "EXTERNAL"}, noCols, true},
		{"view without columns", client.TableDescription{TableType: "VIEW"}, noCols, false},
		{"view that had columns", client.TableDescription{TableType: "VIEW"}, someCols, true},
	}
	for _, tc := range cases {
		m := dliTableModel{DatabaseName: types.StringValue("db"), Name: types.StringValue("t"), Columns: tc.columns}
		err := m.checkDescription(&tc.d)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: checkDescription = %v, want error %v", tc.name, err, tc.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "db.t") {
			t.Errorf("%s: error %q does not name the table", tc.name, err)
		}
	}
}
