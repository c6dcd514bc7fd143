package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testProjectID = "pid-0123"
	testAK        = "AKTEST0123456789"
	testSK        = "SKTEST-secret"
)

// recorded is one request as the test server saw it.
type recorded struct {
	Method  string
	Path    string
	RawPath string // as sent, escaped
	Query   string
	Header  http.Header
	Body    []byte
	At      time.Time
}

// testServer is an httptest server whose behaviour each test scripts; it records every
// request it receives.
type testServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []recorded
}

// newTestServer starts a server that calls handle for every request; n is the 1-based index
// of the request among all requests the server has received.
func newTestServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, n int)) *testServer {
	t.Helper()
	ts := &testServer{}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ts.mu.Lock()
		ts.reqs = append(ts.reqs, recorded{
			Method: r.Method, Path: r.URL.Path, RawPath: r.URL.EscapedPath(), Query: r.URL.RawQuery,
			Header: r.Header.Clone(), Body: body, At: time.Now(),
		})
		n := len(ts.reqs)
		ts.mu.Unlock()
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		handle(w, r, n)
	}))
	t.Cleanup(ts.Close)
	return ts
}

func (ts *testServer) requests() []recorded {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]recorded(nil), ts.reqs...)
}

func (ts *testServer) count() int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return len(ts.reqs)
}

// countWhere counts recorded requests matching method and path.
func (ts *testServer) countWhere(method, path string) int {
	n := 0
	for _, r := range ts.requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

// testConfig is the base configuration of the tests: tiny timing knobs, both endpoints on
// the test server, a project id and credentials.
func testConfig(url string) Config {
	return Config{
		Region:         "cn-north-4",
		ProjectID:      testProjectID,
		AccessKey:      testAK,
		SecretKey:      testSK,
		Endpoints:      map[Service]string{ServiceDLI: url, ServiceIAM: url},
		MaxRetries:     3,
		RateLimit:      10000,
		RetryBaseDelay: time.Millisecond,
		RetryMaxDelay:  5 * time.Millisecond,
		PollMinDelay:   time.Millisecond,
		PollMaxDelay:   5 * time.Millisecond,
		// Short, so that tests of a real not-found do not wait long; tests of the window set
		// their own.
		ConsistencyWindow: 100 * time.Millisecond,
	}
}

func newTestClient(t *testing.T, url string, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := testConfig(url)
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeDLIError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"is_success": false, "error_code": code, "error_msg": msg})
}

// testRequest is a plain GET through the project-scoped DLI path.
func testRequest() Request {
	return Request{
		Service: ServiceDLI, Operation: "TestOp", Method: http.MethodGet,
		Path: "/v1.0/{project_id}/things",
	}
}

func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}
