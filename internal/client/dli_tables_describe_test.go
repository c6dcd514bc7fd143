package client

import (
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// TestDescribeTables: one describe per table, in the order asked, nil for a table that is
// gone; another error fails the whole call.
func TestDescribeTables(t *testing.T) {
	c, emu := newEmulatorClient(t)
	ctx := testCtx(t)
	if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "db1"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b"} {
		if err := c.CreateTable(ctx, "db1", &model.CreateTableRequestBody{
			TableName: name, DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	emu.ResetCounts()
	descs, err := c.DescribeTables(ctx, "db1", []string{"b", "gone", "a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(descs) != 3 || descs[0] == nil || descs[1] != nil || descs[2] == nil || descs[0].Columns[0].ColumnName != "id" {
		t.Fatalf("got %+v, want b, nil, a", descs)
	}
	if n := emu.RequestCounts()["ShowTable"]; n != 3 {
		t.Errorf("%d ShowTable requests, want 3", n)
	}
	emu.SetFaults(emulator.Faults{ErrorRates: map[int]float64{500: 1}, Operations: []string{"ShowTable"}})
	if _, err := c.DescribeTables(ctx, "db1", []string{"a", "b"}); err == nil || !strings.Contains(err.Error(), "describing table db1/") {
		t.Errorf("describe answered 500: err = %v, want the table named", err)
	}
}
