package httpapi

import (
	"fmt"
	"testing"
	"time"
)

// TestConsistencyDelayEveryKind: for the delay after its creation an object is invisible to
// show, list and the reads that depend on it, while a second create of the same name still
// answers "already exists" and writes see it at once.
func TestConsistencyDelayEveryKind(t *testing.T) {
	env, realClock := newEnvFakeReal(t, Options{Faults: Faults{ConsistencyDelay: time.Second}})
	// Objects the new ones depend on are created, and become visible, first.
	env.readyGeneralQueue("base_q", 16)
	env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "base_db"}, nil)
	realClock.Add(time.Second)

	env.createQueue("lag_q", 16, "sql")
	env.must("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "lag_v", "var_value": "v"}, nil)
	env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "lag_db"}, nil)
	env.must("POST", testPrefix+"/databases/lag_db/tables", nil, catalogTableBody("in_new_db"), nil)
	env.must("POST", testPrefix+"/databases/base_db/tables", nil, catalogTableBody("lag_t"), nil)
	conn := env.createConn(connBody("lag_conn"))
	flink := env.createFlinkJob(map[string]any{"name": "lag_f", "sql_body": flinkSQL, "queue_name": "base_q", "run_mode": "exclusive_cluster"})
	batch := env.createBatch(minimalBatch(map[string]any{"queue": "base_q", "name": "lag_b"}))
	var sub struct {
		JobID string `json:"job_id"`
	}
	env.must("POST", testPrefix+"/jobs/submit-job", nil, map[string]any{"sql": "SELECT 1"}, &sub)

	counts := func() map[string]int {
		var q struct {
			Queues []any `json:"queues"`
		}
		env.must("GET", testPrefix+"/queues", nil, nil, &q)
		vars := listVars(t, env, nil)
		var dbs struct {
			Count int `json:"database_count"`
		}
		env.must("GET", testPrefix+"/databases", nil, nil, &dbs)
		var tbls struct {
			Count int `json:"table_count"`
		}
		env.must("GET", testPrefix+"/databases/base_db/tables", nil, nil, &tbls)
		var conns struct {
			Connections []any `json:"connections"`
		}
		env.must("GET", connPrefix, nil, nil, &conns)
		var fl struct {
			JobList struct {
				TotalCount int `json:"total_count"`
			} `json:"job_list"`
		}
		env.must("GET", testPrefix+"/streaming/jobs", nil, nil, &fl)
		var bl struct {
			Total int `json:"total"`
		}
		env.must("GET", batchPrefix, nil, nil, &bl)
		var jl struct {
			Count int `json:"job_count"`
		}
		env.must("GET", testPrefix+"/jobs", nil, nil, &jl)
		return map[string]int{"queues": len(q.Queues), "variables": int(*vars.Count), "databases": dbs.Count,
			"tables": tbls.Count, "connections": len(conns.Connections), "flink": fl.JobList.TotalCount,
			"batches": bl.Total, "sql_jobs": jl.Count}
	}
	before := map[string]int{"queues": 0, "variables": 0, "databases": 2, "tables": 0, "connections": 0,
		"flink": 0, "batches": 0, "sql_jobs": 0}
	if got := counts(); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Fatalf("lists during the delay: %v, want %v", got, before)
	}
	for _, r := range []struct{ method, path string }{
		{"GET", testPrefix + "/queues/lag_q"},
		{"GET", testPrefix + "/databases/lag_db/tables"},
		{"GET", testPrefix + "/databases/lag_db/tables/in_new_db"},
		{"GET", testPrefix + "/databases/base_db/tables/lag_t"},
		{"GET", connPrefix + "/" + conn},
		{"GET", batchPrefix + "/" + batch.ID},
		{"GET", batchPrefix + "/" + batch.ID + "/state"},
		{"GET", batchPrefix + "/" + batch.ID + "/log"},
		{"GET", testPrefix + "/jobs/" + sub.JobID + "/status"},
		{"GET", testPrefix + "/jobs/" + sub.JobID + "/detail"},
	} {
		env.wantError(r.method, r.path, nil, nil, 400, "DLI.0002")
	}
	env.wantError("GET", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, flink), nil, nil, 400, "DLI.16001")
	env.wantError("GET", connPrefix+"/"+conn+"/privileges", nil, nil, 400, "DLI.0001") // §12.8's not-found code
	// The objects exist: a second create is refused as a duplicate.
	env.wantError("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": "lag_q", "cu_count": 16}, 400, "DLI.0006")
	env.wantError("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "lag_v", "var_value": "v"}, 400, "DLI.0999")
	env.wantError("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "lag_db"}, 400, "DLI.0006")
	env.wantError("POST", testPrefix+"/databases/base_db/tables", nil, catalogTableBody("lag_t"), 400, "DLI.0006")

	realClock.Add(time.Second)
	after := map[string]int{"queues": 1, // the sql list; base_q is general
		"variables": 1, "databases": 3, "tables": 1, "connections": 1,
		"flink": 1, "batches": 1, "sql_jobs": 1}
	if got := counts(); fmt.Sprint(got) != fmt.Sprint(after) {
		t.Fatalf("lists after the delay: %v, want %v", got, after)
	}
	env.must("GET", testPrefix+"/queues/lag_q", nil, nil, nil)
	env.must("GET", testPrefix+"/databases/lag_db/tables/in_new_db", nil, nil, nil)
	env.must("GET", connPrefix+"/"+conn, nil, nil, nil)
	env.must("GET", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, flink), nil, nil, nil)
	env.must("GET", batchPrefix+"/"+batch.ID+"/state", nil, nil, nil)
	env.must("GET", testPrefix+"/jobs/"+sub.JobID+"/status", nil, nil, nil)
}
