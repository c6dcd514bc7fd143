package httpapi

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestFault503RetryAfter(t *testing.T) {
	env := newEnv(t, Options{Faults: Faults{ErrorRates: map[int]float64{503: 1}, RetryAfterSeconds: 7}})
	for i := 0; i < 3; i++ {
		status, data, hdr := env.send(env.signedRequest("GET", testPrefix+"/queues", nil, nil, DemoAccessKey, DemoSecretKey))
		var e apiError
		_ = json.Unmarshal(data, &e)
		if status != 503 || hdr.Get("Retry-After") != "7" || e.Code == "" || e.Msg == "" {
			t.Fatalf("got %d %q %s", status, hdr.Get("Retry-After"), data)
		}
	}
	// Admin endpoints are never faulted or counted.
	if env.admin("GET", "/_emulator/health", nil, nil) != 200 {
		t.Fatal("health faulted")
	}
	if c := env.emu.RequestCounts(); c["ListQueues"] != 3 || len(c) != 1 {
		t.Fatalf("counts %v", c)
	}
}

func TestFault429AndOperationFilter(t *testing.T) {
	env := newEnv(t, Options{Faults: Faults{ErrorRates: map[int]float64{429: 1}, Operations: []string{"ShowQueue"}}})
	status, data, hdr := env.send(env.signedRequest("GET", testPrefix+"/queues/x", nil, nil, DemoAccessKey, DemoSecretKey))
	if status != 429 || hdr.Get("Retry-After") != "1" {
		t.Fatalf("got %d %s", status, data)
	}
	var e apiError
	_ = json.Unmarshal(data, &e)
	if e.Code != "APIGW.0308" {
		t.Fatalf("body %s", data)
	}
	env.must("GET", testPrefix+"/queues", nil, nil, nil) // not in Operations
}

func TestFault408AfterCommit(t *testing.T) {
	env := newEnv(t, Options{Faults: Faults{ErrorRates: map[int]float64{408: 1}}})
	env.wantError("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": "committed", "cu_count": 16}, 408, "DLI.0019")
	env.emu.SetFaults(Faults{})
	env.must("GET", testPrefix+"/queues/committed", nil, nil, nil)
	env.wantError("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": "committed", "cu_count": 16}, 400, "DLI.0006")
}

func TestFaultsDeterministicPerSeed(t *testing.T) {
	run := func(seed int64) []int {
		env := newEnv(t, Options{Seed: seed, Faults: Faults{ErrorRates: map[int]float64{500: 0.3, 502: 0.2}}})
		var out []int
		for i := 0; i < 30; i++ {
			status, _ := env.do("GET", testPrefix+"/variables", nil, nil)
			out = append(out, status)
		}
		return out
	}
	a, b := run(42), run(42)
	saw := map[int]bool{}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("seed 42 not deterministic: %v vs %v", a, b)
		}
		saw[a[i]] = true
	}
	if !saw[200] || !saw[500] && !saw[502] {
		t.Fatalf("unexpected statuses %v", a)
	}
}

func TestLatency(t *testing.T) {
	env := newEnv(t, Options{Faults: Faults{Latency: 50 * time.Millisecond}})
	start := time.Now()
	env.must("GET", testPrefix+"/queues", nil, nil, nil)
	if time.Since(start) < 50*time.Millisecond {
		t.Fatal("latency not applied")
	}
}

func TestAdminAPI(t *testing.T) {
	env := newEnv(t, Options{})
	var health map[string]string
	if env.admin("GET", "/_emulator/health", nil, &health) != 200 || health["status"] != "ok" {
		t.Fatalf("health %v", health)
	}
	env.createQueue("counted", 16, "sql")
	env.must("GET", testPrefix+"/queues/counted", nil, nil, nil)
	env.must("GET", testPrefix+"/queues/counted", nil, nil, nil)
	var reqs struct {
		Counts map[string]int `json:"counts"`
		Total  int            `json:"total"`
	}
	env.admin("GET", "/_emulator/requests", nil, &reqs)
	if reqs.Counts["ShowQueue"] != 2 || reqs.Counts["CreateQueue"] != 1 || reqs.Total != 3 {
		t.Fatalf("requests %+v", reqs)
	}
	if env.admin("DELETE", "/_emulator/requests", nil, nil) != 200 || len(env.emu.RequestCounts()) != 0 {
		t.Fatal("counts not reset")
	}

	put := map[string]any{"error_rates": map[string]float64{"500": 0.2, "429": 0.1}, "retry_after_seconds": 2,
		"latency_ms": 5, "consistency_delay_ms": 10, "operations": []string{"ShowQueue"}}
	var faults map[string]any
	if env.admin("PUT", "/_emulator/faults", put, &faults) != 200 {
		t.Fatalf("put faults %v", faults)
	}
	f := env.emu.currentFaults()
	if f.ErrorRates[500] != 0.2 || f.ErrorRates[429] != 0.1 || f.RetryAfterSeconds != 2 || f.Latency != 5*time.Millisecond ||
		f.ConsistencyDelay != 10*time.Millisecond || len(f.Operations) != 1 {
		t.Fatalf("faults %+v", f)
	}
	env.admin("GET", "/_emulator/faults", nil, &faults)
	rates, _ := faults["error_rates"].(map[string]any) // not an object: nil, so the rate is missing
	if faults["latency_ms"] != float64(5) || rates["500"] != 0.2 {
		t.Fatalf("get faults %v", faults)
	}
	if env.admin("PUT", "/_emulator/faults", map[string]any{"error_rates": map[string]float64{"404": 1}}, nil) != 400 {
		t.Fatal("invalid fault status accepted")
	}

	var clk struct {
		Now   string  `json:"now"`
		Speed float64 `json:"speed"`
	}
	env.admin("GET", "/_emulator/clock", nil, &clk)
	before, _ := time.Parse(time.RFC3339, clk.Now)
	env.admin("POST", "/_emulator/clock", map[string]any{"advance_seconds": 3600}, &clk)
	after, _ := time.Parse(time.RFC3339, clk.Now)
	if after.Sub(before) < time.Hour || clk.Speed != 1 {
		t.Fatalf("clock %v -> %v speed %v", before, after, clk.Speed)
	}

	if env.admin("POST", "/_emulator/reset", nil, nil) != 200 {
		t.Fatal("reset")
	}
	if len(env.emu.currentFaults().ErrorRates) != 0 || len(env.emu.RequestCounts()) != 0 {
		t.Fatal("reset left faults or counts")
	}
	env.wantError("GET", testPrefix+"/queues/counted", nil, nil, 400, "DLI.0002")
	if env.admin("GET", "/_emulator/nothing", nil, nil) != http.StatusNotFound {
		t.Fatal("unknown admin path")
	}
}
