package httpapi

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
)

const testPrefix = "/v1.0/" + DemoProjectID

// testEnv is an emulator behind an httptest server.
type testEnv struct {
	t   *testing.T
	emu *Server
	srv *httptest.Server
}

func newEnv(t *testing.T, opts Options) *testEnv {
	t.Helper()
	emu, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &testEnv{t: t, emu: emu, srv: srv}
}

// signedRequest builds a request with the SDK's request builder and signs it
// with the SDK's signer, returning the converted *http.Request.
func (env *testEnv) signedRequest(method, path string, query map[string]string, body any, ak, sk string) *http.Request {
	env.t.Helper()
	b := request.NewHttpRequestBuilder().
		WithEndpoint(env.srv.URL).
		WithPath(path).
		WithMethod(method).
		AddHeaderParam("Content-Type", "application/json")
	for k, v := range query {
		b.AddQueryParam(k, reflect.ValueOf(v))
	}
	if body != nil {
		b.WithBody("application/json", body)
	}
	req := b.Build()
	headers, err := signer.Sign(req, ak, sk)
	if err != nil {
		env.t.Fatalf("Sign: %v", err)
	}
	for k, v := range headers {
		req.AddHeaderParam(k, v)
	}
	hr, err := req.ConvertRequest()
	if err != nil {
		env.t.Fatalf("ConvertRequest: %v", err)
	}
	return hr
}

// send performs a request and returns the status and body.
func (env *testEnv) send(hr *http.Request) (int, []byte, http.Header) {
	env.t.Helper()
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		env.t.Fatalf("%s %s: %v", hr.Method, hr.URL, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data, resp.Header
}

// do sends a request signed with the demo credentials.
func (env *testEnv) do(method, path string, query map[string]string, body any) (int, []byte) {
	env.t.Helper()
	status, data, _ := env.send(env.signedRequest(method, path, query, body, DemoAccessKey, DemoSecretKey))
	return status, data
}

// must sends a signed request, requires 200 and decodes into out (if non-nil).
func (env *testEnv) must(method, path string, query map[string]string, body, out any) {
	env.t.Helper()
	status, data := env.do(method, path, query, body)
	if status != http.StatusOK {
		env.t.Fatalf("%s %s: status %d, body %s", method, path, status, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			env.t.Fatalf("decode %s: %v", data, err)
		}
	}
}

// wantError sends a signed request and requires an error with status and code.
func (env *testEnv) wantError(method, path string, query map[string]string, body any, status int, code string) apiError {
	env.t.Helper()
	got, data := env.do(method, path, query, body)
	var e apiError
	_ = json.Unmarshal(data, &e)
	if got != status || e.Code != code || e.Msg == "" {
		env.t.Fatalf("%s %s: got %d %s, want %d %s with a message", method, path, got, data, status, code)
	}
	return e
}

// admin calls an unauthenticated admin endpoint.
func (env *testEnv) admin(method, path string, body any, out any) int {
	env.t.Helper()
	var rd io.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		rd = bytes.NewReader(data)
	}
	req, _ := http.NewRequest(method, env.srv.URL+path, rd)
	req.Header.Set(AdminHeader, "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		env.t.Fatalf("admin %s: %v", path, err)
	}
	defer resp.Body.Close()
	if out != nil {
		data, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(data, out); err != nil {
			env.t.Fatalf("admin decode %s: %v", data, err)
		}
	}
	return resp.StatusCode
}

// createQueue creates a queue and fails the test on error.
func (env *testEnv) createQueue(name string, cu int, qtype string) {
	env.t.Helper()
	env.must("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": name, "cu_count": cu, "queue_type": qtype}, nil)
}

// fakeReal is a manual real clock for the consistency delay and the rate limit.
type fakeReal struct {
	mu  sync.Mutex
	now time.Time
}

func (f *fakeReal) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeReal) Add(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

// newEnvFakeReal is newEnv with the emulator's real clock replaced by a manual one.
func newEnvFakeReal(t *testing.T, opts Options) (*testEnv, *fakeReal) {
	t.Helper()
	env := newEnv(t, opts)
	fr := &fakeReal{now: time.Unix(1_700_000_000, 0)}
	env.emu.realNow = fr.Now
	return env, fr
}
