package client

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// iamServer answers the IAM project lookup with projects (or status when not 200) and every
// other request with 200.
func iamServer(t *testing.T, answer func(n int) (int, []map[string]string)) *testServer {
	t.Helper()
	var mu sync.Mutex
	iamCalls := 0
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == "/v3/projects" {
			mu.Lock()
			iamCalls++
			n := iamCalls
			mu.Unlock()
			status, projects := answer(n)
			if status != 200 {
				writeJSON(w, status, map[string]any{"error": map[string]any{"code": status, "message": "denied"}})
				return
			}
			writeJSON(w, 200, map[string]any{"projects": projects})
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true})
	})
	return ts
}

func TestProjectIDLookedUpOnceFromIAM(t *testing.T) {
	ts := iamServer(t, func(int) (int, []map[string]string) {
		return 200, []map[string]string{
			{"id": "p-other", "name": "cn-north-4_sub"},
			{"id": "p-north4", "name": "cn-north-4"},
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ProjectID = "" })
	if got := ts.count(); got != 0 {
		t.Fatalf("New made %d requests, want 0", got)
	}
	ctx := testCtx(t)
	for i := 0; i < 3; i++ {
		if err := c.Do(ctx, testRequest(), nil); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if got := ts.countWhere("GET", "/v3/projects"); got != 1 {
		t.Errorf("IAM requests = %d, want 1", got)
	}
	if got := ts.countWhere("GET", "/v1.0/p-north4/things"); got != 3 {
		t.Errorf("API requests with the looked-up project = %d, want 3 (requests: %+v)", got, ts.requests())
	}
	iamReq := ts.requests()[0]
	if q, _ := url.ParseQuery(iamReq.Query); q.Get("name") != "cn-north-4" {
		t.Errorf("IAM lookup query = %q, want name=cn-north-4", iamReq.Query)
	}
	if !strings.HasPrefix(iamReq.Header.Get("Authorization"), "SDK-HMAC-SHA256 Access="+testAK) {
		t.Errorf("IAM lookup not signed: %q", iamReq.Header.Get("Authorization"))
	}
	if pid, err := c.ProjectID(ctx); err != nil || pid != "p-north4" {
		t.Errorf("ProjectID() = %q, %v", pid, err)
	}
}

func TestProjectIDConcurrentCallersShareOneLookup(t *testing.T) {
	ts := iamServer(t, func(int) (int, []map[string]string) {
		return 200, []map[string]string{{"id": "p1", "name": "cn-north-4"}}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ProjectID = "" })
	ctx := testCtx(t)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Do(ctx, testRequest(), nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := ts.countWhere("GET", "/v3/projects"); got != 1 {
		t.Errorf("IAM requests = %d, want 1", got)
	}
}

func TestProjectIDNoProject(t *testing.T) {
	ts := iamServer(t, func(int) (int, []map[string]string) {
		return 200, []map[string]string{{"id": "px", "name": "cn-south-1"}}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ProjectID = "" })
	err := c.Do(testCtx(t), testRequest(), nil)
	if err == nil || !strings.Contains(err.Error(), "project_id") || !strings.Contains(err.Error(), "cn-north-4") {
		t.Errorf("err = %v, want a message naming the region and project_id", err)
	}
	if got := ts.count(); got != 1 {
		t.Errorf("requests = %d, want only the IAM lookup", got)
	}
}

func TestProjectIDAmbiguous(t *testing.T) {
	ts := iamServer(t, func(int) (int, []map[string]string) {
		return 200, []map[string]string{{"id": "a", "name": "cn-north-4"}, {"id": "b", "name": "cn-north-4"}}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ProjectID = "" })
	_, err := c.ProjectID(testCtx(t))
	if err == nil || !strings.Contains(err.Error(), "project_id") || !strings.Contains(err.Error(), "2 projects") {
		t.Errorf("err = %v", err)
	}
}

func TestProjectIDFailedLookupIsRetriedOnNextCall(t *testing.T) {
	ts := iamServer(t, func(n int) (int, []map[string]string) {
		if n == 1 {
			return 403, nil
		}
		return 200, []map[string]string{{"id": "p2", "name": "cn-north-4"}}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ProjectID = "" })
	ctx := testCtx(t)
	err := c.Do(ctx, testRequest(), nil)
	if err == nil || !strings.Contains(err.Error(), "looking up the project") || !strings.Contains(err.Error(), "HTTP 403") {
		t.Fatalf("first call: err = %v", err)
	}
	if err := c.Do(ctx, testRequest(), nil); err != nil {
		t.Fatalf("second call: %v", err)
	}
	if ts.countWhere("GET", "/v3/projects") != 2 {
		t.Errorf("IAM requests = %d, want 2", ts.countWhere("GET", "/v3/projects"))
	}
	if got := ts.countWhere("GET", "/v1.0/p2/things"); got != 1 {
		t.Errorf("API requests = %d, want 1", got)
	}
}

func TestProjectIDNeedsRegion(t *testing.T) {
	ts := iamServer(t, func(int) (int, []map[string]string) { return 200, nil })
	c := newTestClient(t, ts.URL, func(c *Config) { c.ProjectID = ""; c.Region = "" })
	err := c.Do(testCtx(t), testRequest(), nil)
	if err == nil || !strings.Contains(err.Error(), "project_id") {
		t.Errorf("err = %v", err)
	}
	if got := ts.count(); got != 0 {
		t.Errorf("requests = %d, want 0", got)
	}
}

func TestConfiguredProjectIDMakesNoLookup(t *testing.T) {
	ts := iamServer(t, func(int) (int, []map[string]string) { return 200, nil })
	c := newTestClient(t, ts.URL)
	if err := c.Do(testCtx(t), testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	if ts.countWhere("GET", "/v3/projects") != 0 {
		t.Errorf("IAM requests = %d, want 0", ts.countWhere("GET", "/v3/projects"))
	}
}
