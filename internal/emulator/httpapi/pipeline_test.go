package httpapi

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestUnroutedRequestsCountedLoggedAndAnswered(t *testing.T) {
	var mu sync.Mutex
	var logs []string
	env := newEnv(t, Options{Logf: func(format string, args ...any) {
		mu.Lock()
		logs = append(logs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}})
	path := "/v3/" + DemoProjectID + "/no/such/api"
	e := env.wantError("GET", path, nil, nil, 404, "APIGW.0101")
	if e.Msg != "The API does not exist or has not been published in the environment" || e.RequestID == "" {
		t.Fatalf("error %+v", e)
	}
	key := "GET /v3/{project_id}/no/such/api"
	if got := env.emu.RequestCounts()[key]; got != 1 {
		t.Fatalf("count of %q = %d (counts %v)", key, got, env.emu.RequestCounts())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(logs) != 1 || !strings.Contains(logs[0], path) || !strings.Contains(logs[0], "status=404") {
		t.Fatalf("log %q", logs)
	}
}

func TestUnpublishedOperation(t *testing.T) {
	env := newEnv(t, Options{Unpublished: []string{"ListQueues"}})
	env.wantError("GET", testPrefix+"/queues", nil, nil, 404, "APIGW.0101")
	if env.emu.RequestCounts()["ListQueues"] != 1 {
		t.Fatalf("counts %v", env.emu.RequestCounts())
	}
	env.emu.SetUnpublished()
	env.must("GET", testPrefix+"/queues", nil, nil, nil)

	var out struct {
		Operations []string `json:"operations"`
	}
	if st := env.admin("PUT", "/_emulator/unpublished", map[string]any{"operations": []string{"ShowQueue"}}, &out); st != 200 || len(out.Operations) != 1 {
		t.Fatalf("put unpublished: %d %v", st, out)
	}
	env.wantError("GET", testPrefix+"/queues/x", nil, nil, 404, "APIGW.0101")
	if st := env.admin("PUT", "/_emulator/unpublished", map[string]any{"operations": []string{"NoSuchOp"}}, nil); st != 400 {
		t.Fatalf("unknown operation accepted: %d", st)
	}
}
