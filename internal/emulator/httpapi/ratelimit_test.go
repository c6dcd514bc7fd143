package httpapi

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestRateLimitTokenBucket(t *testing.T) {
	other := "11111111111111111111111111111111"
	env, realClock := newEnvFakeReal(t, Options{RateLimit: 2, Projects: map[string]string{DemoRegion: DemoProjectID, "cn-east-3": other}})
	list := func(project string) (int, http.Header, []byte) {
		hr := env.signedRequest("GET", "/v1.0/"+project+"/queues", nil, nil, DemoAccessKey, DemoSecretKey)
		st, body, h := env.send(hr)
		return st, h, body
	}
	for i := 0; i < 2; i++ { // burst = limit
		if st, _, _ := list(DemoProjectID); st != 200 {
			t.Fatalf("request %d within the burst: %d", i, st)
		}
	}
	st, h, body := list(DemoProjectID)
	var e apiError
	_ = json.Unmarshal(body, &e)
	if st != http.StatusTooManyRequests || h.Get("Retry-After") != "1" || e.Code != "APIGW.0308" || e.Msg == "" {
		t.Fatalf("third request: %d Retry-After=%q %s", st, h.Get("Retry-After"), body)
	}
	if st, _, _ := list(other); st != 200 { // buckets are per project
		t.Fatalf("other project throttled: %d", st)
	}
	realClock.Add(499 * time.Millisecond) // 0.998 tokens: still refused
	if st, _, _ := list(DemoProjectID); st != 429 {
		t.Fatalf("before the next token: %d", st)
	}
	realClock.Add(2 * time.Millisecond)
	if st, _, _ := list(DemoProjectID); st != 200 {
		t.Fatalf("after the next token: %d", st)
	}
	if env.emu.ThrottledCount() != 2 || env.emu.RequestCounts()["ListQueues"] != 6 {
		t.Fatalf("throttled %d, counts %v", env.emu.ThrottledCount(), env.emu.RequestCounts())
	}
	var reqs struct {
		Throttled int `json:"throttled"`
	}
	env.admin("GET", "/_emulator/requests", nil, &reqs)
	if reqs.Throttled != 2 {
		t.Fatalf("admin throttled %d", reqs.Throttled)
	}

	// A slow limit gives a longer Retry-After; the admin faults set it at runtime.
	if env.admin("PUT", "/_emulator/faults", map[string]any{"rate_limit": 0.25}, nil) != 200 {
		t.Fatal("PUT faults")
	}
	list(DemoProjectID)
	if st, h, _ := list(DemoProjectID); st != 429 || h.Get("Retry-After") != "4" {
		t.Fatalf("0.25/s: %d Retry-After=%q", st, h.Get("Retry-After"))
	}
	env.emu.SetFaults(Faults{})
	for i := 0; i < 5; i++ {
		if st, _, _ := list(DemoProjectID); st != 200 {
			t.Fatalf("limit removed, request %d: %d", i, st)
		}
	}
}
