package httpapi

import (
	"net/http"
	"testing"
)

func TestReplaceNextResponse(t *testing.T) {
	env := newEnv(t, Options{})
	env.emu.ReplaceNextResponse("CreateQueue", 200, `{}`, 1)
	status, data := env.do("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": "ghost", "cu_count": 16})
	if status != 200 || string(data) != `{}` {
		t.Fatalf("replaced create: %d %s", status, data)
	}
	// The real handler did not run: the queue does not exist, and the next create is real.
	env.wantError("GET", testPrefix+"/queues/ghost", nil, nil, 400, "DLI.0002")
	env.createQueue("ghost", 16, "sql")
	if got := env.emu.RequestCounts()["CreateQueue"]; got != 2 {
		t.Fatalf("CreateQueue count %d", got)
	}

	// Admin form, with a count and a content type.
	rep := map[string]any{"operation": "ListQueues", "status": 503, "body": "busy", "content_type": "text/plain", "count": 2}
	if st := env.admin("PUT", "/_emulator/responses", rep, nil); st != 200 {
		t.Fatalf("PUT responses: %d", st)
	}
	for i := 0; i < 2; i++ {
		hr := env.signedRequest("GET", testPrefix+"/queues", nil, nil, DemoAccessKey, DemoSecretKey)
		status, data, h := env.send(hr)
		if status != http.StatusServiceUnavailable || string(data) != "busy" || h.Get("Content-Type") != "text/plain" {
			t.Fatalf("replaced list %d: %d %q %q", i, status, data, h.Get("Content-Type"))
		}
	}
	env.must("GET", testPrefix+"/queues", nil, nil, nil)

	if st := env.admin("PUT", "/_emulator/responses", map[string]any{"operation": "Nope", "status": 200}, nil); st != 400 {
		t.Fatalf("unknown operation accepted: %d", st)
	}
	env.emu.ReplaceNextResponse("ShowQueue", 500, `{}`, 3)
	if env.admin("DELETE", "/_emulator/responses", nil, nil) != 200 || len(env.emu.PendingReplacements()) != 0 {
		t.Fatal("clear responses")
	}
	env.must("GET", testPrefix+"/queues/ghost", nil, nil, nil)
}
