package httpapi

import (
	"fmt"
	"slices"
	"testing"
)

func TestInventoryLeftoversAndDuplicates(t *testing.T) {
	env := newEnv(t, Options{})
	if got := env.emu.Inventory().Leftovers(); len(got) != 0 {
		t.Fatalf("fresh emulator has leftovers %v", got)
	}
	env.readyGeneralQueue("inv_q", 16)
	env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "inv_db"}, nil)
	env.must("POST", testPrefix+"/databases/inv_db/tables", nil, catalogTableBody("inv_t"), nil)
	env.must("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "inv_v", "var_value": "1"}, nil)
	j1 := env.createFlinkJob(map[string]any{"name": "twin", "sql_body": flinkSQL, "queue_name": "inv_q", "run_mode": "exclusive_cluster"})
	j2 := env.createFlinkJob(map[string]any{"name": "twin", "sql_body": flinkSQL, "queue_name": "inv_q", "run_mode": "exclusive_cluster"})
	b := env.createBatch(minimalBatch(map[string]any{"queue": "inv_q", "name": "inv_batch"}))
	conn := env.createConn(connBody("inv_conn"))

	// The admin JSON has the documented shape.
	var inv Inventory
	if env.admin("GET", "/_emulator/inventory", nil, &inv) != 200 {
		t.Fatal("GET inventory")
	}
	p, ok := inv.Projects[DemoProjectID]
	if !ok || len(p.Queues) != 1 || p.Queues[0].Name != "inv_q" || p.Queues[0].CUCount != 16 ||
		len(p.Databases) != 2 || len(p.Tables) != 1 || p.Tables[0].ID != "inv_db/inv_t" ||
		len(p.GlobalVariables) != 1 || len(p.FlinkJobs) != 2 || p.FlinkJobs[0].Status != "job_init" ||
		len(p.SparkBatches) != 1 || p.SparkBatches[0].Name != "inv_batch" || p.SparkBatches[0].State != "starting" ||
		len(p.EnhancedConnections) != 1 || p.EnhancedConnections[0].Status != "ACTIVE" {
		t.Fatalf("inventory %+v", inv)
	}

	want := []string{
		"queue inv_q", "database inv_db", "table inv_db/inv_t", "global_variable inv_v",
		fmt.Sprintf("flink_job %d (twin, job_init)", j1), fmt.Sprintf("flink_job %d (twin, job_init)", j2),
		fmt.Sprintf("spark_batch %s (inv_batch, starting)", b.ID),
		fmt.Sprintf("enhanced_connection %s (inv_conn, ACTIVE)", conn),
	}
	if got := env.emu.Inventory().Leftovers(); !slices.Equal(got, want) {
		t.Fatalf("leftovers\n got %q\nwant %q", got, want)
	}
	if got := env.emu.Inventory().Duplicates(); !slices.Equal(got, []string{"flink_job twin x2"}) {
		t.Fatalf("duplicates %q", got)
	}
	// GET /_emulator/leftovers serves the same two lists.
	var lo struct{ Leftovers, Duplicates []string }
	if env.admin("GET", "/_emulator/leftovers", nil, &lo) != 200 || !slices.Equal(lo.Leftovers, want) || !slices.Equal(lo.Duplicates, []string{"flink_job twin x2"}) {
		t.Fatalf("GET /_emulator/leftovers: %+v", lo)
	}

	// Deleted, terminal and DELETED objects do not count; default never does.
	env.must("DELETE", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, j2), nil, nil, nil)
	env.must("DELETE", batchPrefix+"/"+b.ID, nil, nil, nil)
	env.must("DELETE", connPrefix+"/"+conn, nil, nil, nil)
	env.must("DELETE", testPrefix+"/variables/inv_v", nil, nil, nil)
	env.must("DELETE", testPrefix+"/databases/inv_db", map[string]string{"cascade": "true"}, nil, nil)
	env.must("POST", testPrefix+"/jobs/submit-job", nil, map[string]any{"sql": "SELECT 1"}, nil)
	env.emu.Advance(batchCancelTime + sqlJobQueryRunTime)
	inv = env.emu.Inventory()
	want = []string{"queue inv_q", fmt.Sprintf("flink_job %d (twin, job_init)", j1)}
	if got := inv.Leftovers(); !slices.Equal(got, want) {
		t.Fatalf("leftovers after cleanup\n got %q\nwant %q", got, want)
	}
	if got := inv.Duplicates(); len(got) != 0 {
		t.Fatalf("duplicates after cleanup %q", got)
	}
	p = inv.Projects[DemoProjectID]
	if len(p.FlinkJobs) != 2 || !p.FlinkJobs[1].Deleted || len(p.EnhancedConnections) != 1 || p.EnhancedConnections[0].Status != "DELETED" ||
		len(p.SQLJobs) != 1 || p.SQLJobs[0].Status != "FINISHED" {
		t.Fatalf("inventory keeps deleted and finished objects: %+v", p)
	}
}

func TestInventoryPerProject(t *testing.T) {
	other := "11111111111111111111111111111111"
	env := newEnv(t, Options{Projects: map[string]string{DemoRegion: DemoProjectID, "cn-east-3": other}})
	env.createQueue("q_demo", 16, "sql")
	env.must("POST", "/v1.0/"+other+"/queues", nil, map[string]any{"queue_name": "q_other", "cu_count": 16}, nil)
	got := env.emu.Inventory().Leftovers()
	want := []string{DemoProjectID + ": queue q_demo", other + ": queue q_other"}
	if !slices.Equal(got, want) {
		t.Fatalf("leftovers %q, want %q", got, want)
	}
}
