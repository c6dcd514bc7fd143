package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// varsServer emulates the DLI global variable API with limit/offset paging.
type varsServer struct {
	*testServer
	mu          sync.Mutex
	vars        []string
	pageDelay   time.Duration
	failCreate  int // answer the first failCreate creates with this status, after committing
	createsSeen int
}

func newVarsServer(t *testing.T, n int) *varsServer {
	t.Helper()
	vs := &varsServer{}
	for i := 0; i < n; i++ {
		vs.vars = append(vs.vars, fmt.Sprintf("var%03d", i))
	}
	base := "/v1.0/" + testProjectID + "/variables"
	vs.testServer = newTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		vs.mu.Lock()
		defer vs.mu.Unlock()
		switch {
		case r.Method == http.MethodGet && r.URL.Path == base:
			if vs.pageDelay > 0 {
				time.Sleep(vs.pageDelay)
			}
			limit, err1 := strconv.Atoi(r.URL.Query().Get("limit"))
			offset, err2 := strconv.Atoi(r.URL.Query().Get("offset"))
			if err1 != nil || err2 != nil || limit <= 0 || limit > 100 {
				writeDLIError(w, 400, "DLI.0001", "bad limit/offset: "+r.URL.RawQuery)
				return
			}
			page := []map[string]any{}
			for i := offset; i < len(vs.vars) && i < offset+limit; i++ {
				page = append(page, map[string]any{"id": i, "var_name": vs.vars[i], "var_value": "v-" + vs.vars[i]})
			}
			writeJSON(w, 200, map[string]any{"is_success": true, "message": "", "count": len(vs.vars), "global_vars": page})
		case r.Method == http.MethodPost && r.URL.Path == base:
			var body model.CreateGlobalVariableRequestBody
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
				writeDLIError(w, 400, "DLI.0001", err.Error())
				return
			}
			vs.vars = append(vs.vars, body.VarName)
			vs.createsSeen++
			if vs.createsSeen <= vs.failCreate {
				writeDLIError(w, 500, "DLI.0999", "internal error")
				return
			}
			writeJSON(w, 200, map[string]any{"is_success": true, "message": ""})
		case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, base+"/"):
			writeJSON(w, 200, map[string]any{"is_success": true})
		case r.Method == http.MethodDelete && strings.HasPrefix(r.URL.Path, base+"/"):
			name := strings.TrimPrefix(r.URL.Path, base+"/")
			for i, v := range vs.vars {
				if v == name {
					vs.vars = append(vs.vars[:i], vs.vars[i+1:]...)
					writeJSON(w, 200, map[string]any{"is_success": true})
					return
				}
			}
			writeDLIError(w, 400, "DLI.12004", "The job does not exist.")
		default:
			writeDLIError(w, 404, "", "no route "+r.Method+" "+r.URL.Path)
		}
	})
	return vs
}

func (vs *varsServer) listCalls() int {
	return vs.countWhere(http.MethodGet, "/v1.0/"+testProjectID+"/variables")
}

func checkVars(t *testing.T, got []model.GlobalVariable, n int) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("got %d variables, want %d", len(got), n)
	}
	for i, v := range got {
		if want := fmt.Sprintf("var%03d", i); ptr.Deref(v.VarName) != want {
			t.Fatalf("variable %d = %q, want %q (paging broken?)", i, ptr.Deref(v.VarName), want)
		}
	}
}

func TestListGlobalVariablesSharedByConcurrentCallers(t *testing.T) {
	vs := newVarsServer(t, 250)
	vs.pageDelay = 5 * time.Millisecond
	c := newTestClient(t, vs.URL)
	ctx := testCtx(t)

	var wg sync.WaitGroup
	results := make([][]model.GlobalVariable, 100)
	errs := make([]error, 100)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = c.ListGlobalVariables(ctx)
		}()
	}
	wg.Wait()
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("caller %d: %v", i, errs[i])
		}
		checkVars(t, results[i], 250)
	}
	if got := vs.listCalls(); got != 3 {
		t.Errorf("page requests = %d, want 3 (one paged listing shared by all callers)", got)
	}
	var offsets []string
	for _, r := range vs.requests() {
		offsets = append(offsets, r.Query)
	}
	if !strings.Contains(strings.Join(offsets, " "), "offset=200") {
		t.Errorf("queries %v never asked for offset=200", offsets)
	}

	// Cached: no new requests.
	if _, err := c.ListGlobalVariables(ctx); err != nil {
		t.Fatal(err)
	}
	if got := vs.listCalls(); got != 3 {
		t.Errorf("page requests after cached read = %d, want 3", got)
	}

	// A write invalidates the cache: the next read lists afresh.
	if err := c.CreateGlobalVariable(ctx, &model.CreateGlobalVariableRequestBody{VarName: "var250", VarValue: "x"}); err != nil {
		t.Fatal(err)
	}
	got, err := c.ListGlobalVariables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkVars(t, got, 251)
	if got := vs.listCalls(); got != 6 {
		t.Errorf("page requests after create = %d, want 6", got)
	}
	if got := vs.countWhere(http.MethodPost, "/v1.0/"+testProjectID+"/variables"); got != 1 {
		t.Errorf("POSTs = %d, want 1", got)
	}
}

func TestListGlobalVariablesPaging(t *testing.T) {
	for _, tc := range []struct{ n, calls int }{{0, 1}, {99, 1}, {100, 1}, {101, 2}, {250, 3}, {500, 5}} {
		t.Run(strconv.Itoa(tc.n), func(t *testing.T) {
			vs := newVarsServer(t, tc.n)
			c := newTestClient(t, vs.URL)
			got, err := c.ListGlobalVariables(testCtx(t))
			if err != nil {
				t.Fatal(err)
			}
			checkVars(t, got, tc.n)
			if calls := vs.listCalls(); calls != tc.calls {
				t.Errorf("page requests = %d, want %d", calls, tc.calls)
			}
		})
	}
}

func TestGetGlobalVariable(t *testing.T) {
	vs := newVarsServer(t, 120)
	c := newTestClient(t, vs.URL)
	ctx := testCtx(t)
	v, err := c.GetGlobalVariable(ctx, "var105")
	if err != nil {
		t.Fatal(err)
	}
	if ptr.Deref(v.VarName) != "var105" || ptr.Deref(v.VarValue) != "v-var105" {
		t.Errorf("got %+v", v)
	}
	_, err = c.GetGlobalVariable(ctx, "missing")
	if !IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.Name != "missing" {
		t.Errorf("err = %#v, want *NotFoundError for missing", err)
	}
	if got := vs.listCalls(); got != 2 {
		t.Errorf("page requests = %d, want 2 (the second Get uses the cache)", got)
	}
}

func TestGlobalVariableWritesInvalidateCache(t *testing.T) {
	vs := newVarsServer(t, 3)
	c := newTestClient(t, vs.URL)
	ctx := testCtx(t)
	list := func() {
		t.Helper()
		if _, err := c.ListGlobalVariables(ctx); err != nil {
			t.Fatal(err)
		}
	}
	list()
	if err := c.UpdateGlobalVariable(ctx, "var001", "new"); err != nil {
		t.Fatal(err)
	}
	list()
	if got := vs.listCalls(); got != 2 {
		t.Errorf("after update: list calls = %d, want 2", got)
	}
	put := vs.requests()[1]
	if put.Method != http.MethodPut || put.Path != "/v1.0/"+testProjectID+"/variables/var001" || !strings.Contains(string(put.Body), `"var_value":"new"`) {
		t.Errorf("update request = %s %s %s", put.Method, put.Path, put.Body)
	}
	if err := c.DeleteGlobalVariable(ctx, "var002"); err != nil {
		t.Fatal(err)
	}
	list()
	if got := vs.listCalls(); got != 3 {
		t.Errorf("after delete: list calls = %d, want 3", got)
	}
	// Deleting what is already gone (DLI.12004) is not an error, and still invalidates.
	if err := c.DeleteGlobalVariable(ctx, "var002"); err != nil {
		t.Errorf("delete of a missing variable: %v", err)
	}
	list()
	if got := vs.listCalls(); got != 4 {
		t.Errorf("after second delete: list calls = %d, want 4", got)
	}
}

func TestGlobalVariableNameInPath(t *testing.T) {
	vs := newVarsServer(t, 0)
	c := newTestClient(t, vs.URL)
	if err := c.UpdateGlobalVariable(testCtx(t), "my_var_01", "v"); err != nil {
		t.Fatal(err)
	}
	r := vs.requests()[0]
	if r.RawPath != "/v1.0/"+testProjectID+"/variables/my_var_01" {
		t.Errorf("path as sent = %q", r.RawPath)
	}
	if err := verifySignature(r, strings.TrimPrefix(vs.URL, "http://"), testSK); err != nil {
		t.Error(err)
	}
}

func TestCreateGlobalVariableReconciles(t *testing.T) {
	vs := newVarsServer(t, 5)
	vs.failCreate = 1 // commits, then answers 500
	c := newTestClient(t, vs.URL)
	if err := c.CreateGlobalVariable(testCtx(t), &model.CreateGlobalVariableRequestBody{VarName: "var005", VarValue: "v-var005"}); err != nil {
		t.Fatalf("create: %v", err)
	}
	if got := vs.countWhere(http.MethodPost, "/v1.0/"+testProjectID+"/variables"); got != 1 {
		t.Errorf("POSTs = %d, want 1: the reconcile listing found the variable", got)
	}
	if got := vs.listCalls(); got != 1 {
		t.Errorf("reconcile list calls = %d, want 1", got)
	}
}

func TestListGlobalVariablesErrorIsNotCached(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if fail.Load() {
			writeDLIError(w, 403, "DLI.0003", "forbidden")
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "count": 1, "global_vars": []map[string]any{{"var_name": "a"}}})
	})
	c := newTestClient(t, ts.URL)
	ctx := testCtx(t)
	if _, err := c.ListGlobalVariables(ctx); err == nil || !strings.Contains(err.Error(), "DLI.0003") {
		t.Fatalf("err = %v", err)
	}
	fail.Store(false)
	got, err := c.ListGlobalVariables(ctx)
	if err != nil || len(got) != 1 {
		t.Fatalf("got %v, %v", got, err)
	}
	if ts.count() != 2 {
		t.Errorf("requests = %d, want 2", ts.count())
	}
}

func TestListCacheTTL(t *testing.T) {
	lc := newListCache[int](30 * time.Millisecond)
	var fetches atomic.Int32
	fetch := func(context.Context) ([]int, error) { return []int{int(fetches.Add(1))}, nil }
	ctx := context.Background()
	v1, _ := lc.get(ctx, "k", fetch)
	v2, _ := lc.get(ctx, "k", fetch)
	if v1[0] != 1 || v2[0] != 1 {
		t.Fatalf("values %v %v, want cached 1", v1, v2)
	}
	other, _ := lc.get(ctx, "other", fetch)
	if other[0] != 2 {
		t.Errorf("another key should be fetched on its own, got %v", other)
	}
	time.Sleep(40 * time.Millisecond)
	if v, _ := lc.get(ctx, "k", fetch); v[0] != 3 {
		t.Errorf("after TTL got %v, want a fresh fetch (3)", v)
	}
}

// A listing that was in flight when a write invalidated the key must not be cached.
func TestListCacheInvalidationDuringFetch(t *testing.T) {
	lc := newListCache[string](time.Hour)
	started, release := make(chan struct{}), make(chan struct{})
	var fetches atomic.Int32
	ctx := context.Background()
	done := make(chan []string)
	go func() {
		v, _ := lc.get(ctx, "k", func(context.Context) ([]string, error) {
			fetches.Add(1)
			close(started)
			<-release
			return []string{"stale"}, nil
		})
		done <- v
	}()
	<-started
	lc.invalidate("k")
	close(release)
	if v := <-done; len(v) != 1 || v[0] != "stale" {
		t.Errorf("in-flight caller got %v", v)
	}
	v, _ := lc.get(ctx, "k", func(context.Context) ([]string, error) {
		fetches.Add(1)
		return []string{"fresh"}, nil
	})
	if len(v) != 1 || v[0] != "fresh" || fetches.Load() != 2 {
		t.Errorf("after invalidation got %v with %d fetches, want fresh after 2", v, fetches.Load())
	}
}

// A caller whose context ends stops waiting; the shared fetch goes on for the others.
func TestListCacheCallerCancellation(t *testing.T) {
	lc := newListCache[string](time.Hour)
	release := make(chan struct{})
	started := make(chan struct{})
	fetchErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() {
		_, err := lc.get(ctx, "k", func(fetchCtx context.Context) ([]string, error) {
			close(started)
			<-release
			fetchErr <- fetchCtx.Err()
			return []string{"ok"}, nil
		})
		errc <- err
	}()
	<-started
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled caller got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancelled caller kept waiting for the fetch")
	}
	close(release)
	if err := <-fetchErr; err != nil {
		t.Errorf("the shared fetch saw its context end with the caller: %v", err)
	}
	// Its result is still cached for the others.
	deadline := time.Now().Add(5 * time.Second)
	for {
		lc.mu.Lock()
		e, ok := lc.entries["k"]
		lc.mu.Unlock()
		if ok {
			if len(e.value) != 1 || e.value[0] != "ok" {
				t.Errorf("cached %v", e.value)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the shared fetch's result was not cached")
		}
		time.Sleep(time.Millisecond)
	}
}
