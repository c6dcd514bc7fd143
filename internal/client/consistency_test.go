package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

func notFoundErr() error {
	return &APIError{Operation: "ShowThing", StatusCode: 400, Code: "DLI.0002", Message: "The object does not exist"}
}

func TestAwaitVisible(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1", func(c *Config) { c.ConsistencyWindow = time.Minute })
	ctx := testCtx(t)

	t.Run("polls a not-found until the object is visible", func(t *testing.T) {
		calls := 0
		err := c.AwaitVisible(ctx, time.Now(), func(context.Context) error {
			calls++
			if calls <= 3 {
				return notFoundErr()
			}
			return nil
		})
		if err != nil || calls != 4 {
			t.Fatalf("err = %v after %d lookups, want nil after 4", err, calls)
		}
	})
	t.Run("any other error at once", func(t *testing.T) {
		calls := 0
		boom := errors.New("boom")
		err := c.AwaitVisible(ctx, time.Now(), func(context.Context) error { calls++; return boom })
		if !errors.Is(err, boom) || calls != 1 {
			t.Fatalf("err = %v after %d lookups, want boom after 1", err, calls)
		}
	})
	t.Run("not-found once the window has passed", func(t *testing.T) {
		calls := 0
		err := c.AwaitVisible(ctx, time.Now().Add(-2*time.Minute), func(context.Context) error { calls++; return notFoundErr() })
		if !IsNotFound(err) || calls != 1 {
			t.Fatalf("err = %v after %d lookups, want the not-found after 1 (the write is older than the window)", err, calls)
		}
	})
	t.Run("window ends while polling", func(t *testing.T) {
		short := newTestClient(t, "http://127.0.0.1:1", func(c *Config) { c.ConsistencyWindow = 30 * time.Millisecond })
		calls := 0
		err := short.AwaitVisible(ctx, time.Now(), func(context.Context) error { calls++; return notFoundErr() })
		if !IsNotFound(err) || calls < 2 {
			t.Fatalf("err = %v after %d lookups, want the not-found after polling", err, calls)
		}
	})
	t.Run("context ends: unknown, not not-found", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		calls := 0
		err := c.AwaitVisible(cctx, time.Now(), func(context.Context) error {
			calls++
			if calls == 2 {
				cancel()
			}
			return notFoundErr()
		})
		if IsNotFound(err) || !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled and not a not-found", err)
		}
	})
	t.Run("no window", func(t *testing.T) {
		none := newTestClient(t, "http://127.0.0.1:1", func(c *Config) { c.ConsistencyWindow = -1 })
		if none.ConsistencyWindow() != 0 {
			t.Fatalf("ConsistencyWindow = %v, want 0", none.ConsistencyWindow())
		}
		calls := 0
		err := none.AwaitVisible(ctx, time.Now(), func(context.Context) error { calls++; return notFoundErr() })
		if !IsNotFound(err) || calls != 1 {
			t.Fatalf("err = %v after %d lookups", err, calls)
		}
	})
}

func TestConsistencyWindowDefault(t *testing.T) {
	c, err := New(Config{Region: "r"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.ConsistencyWindow(); got != time.Minute {
		t.Errorf("ConsistencyWindow = %v, want the 60 s default", got)
	}
}

// A connection that this process just created may be invisible for a while: the waiter
// polls through the not-founds instead of failing.
func TestWaitForConnectionQueuesNotVisibleYet(t *testing.T) {
	var visible atomic.Bool
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost:
			writeJSON(w, 200, map[string]any{"is_success": true, "message": "", "connection_id": "cid"})
		case !visible.Load():
			if n >= 4 {
				visible.Store(true)
			}
			writeDLIError(w, 400, "DLI.0002", "The connection does not exist")
		default:
			writeJSON(w, 200, connJSON("cid", "ACTIVE", [2]string{"q1", "ACTIVE"}))
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = time.Minute })
	ctx := testCtx(t)
	id, err := c.CreateEnhancedConnection(ctx, connBody())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.WaitForConnectionQueues(ctx, id, []string{"q1"}, nil); err != nil {
		t.Fatalf("WaitForConnectionQueues: %v (a not-found right after the create is not fatal)", err)
	}
	if got := ts.countWhere(http.MethodGet, connsPath+"/cid"); got < 4 {
		t.Errorf("polled %d times, want the not-founds polled through", got)
	}
}

// Outside the window (here: none), a not-found during the wait is what it says.
func TestWaitForQueueCUsNotFoundAfterWindow(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeDLIError(w, 400, "DLI.0002", "There is no queue named q1")
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = -1 })
	err := c.WaitForQueueCUs(testCtx(t), "q1", 16)
	if !IsNotFound(err) {
		t.Fatalf("err = %v, want not found", err)
	}
	if got := ts.count(); got != 1 {
		t.Errorf("polled %d times, want 1", got)
	}
}

// A variable missing from a cached listing that predates this process's write of it is
// listed afresh before being reported missing; without such a write it is not.
func TestGetGlobalVariableRelistsAfterOwnWrite(t *testing.T) {
	var created atomic.Bool
	var listsAfterCreate atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost:
			created.Store(true)
			writeJSON(w, 200, map[string]any{"is_success": true, "message": ""})
		case created.Load() && strings.Contains(r.URL.RawQuery, "offset=0") && listsAfterCreate.Add(1) > 1:
			writeJSON(w, 200, map[string]any{"is_success": true, "count": 1, "global_vars": []map[string]any{{"var_name": "v1", "var_value": "x"}}})
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "count": 0, "global_vars": []map[string]any{}})
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = time.Minute })
	ctx := testCtx(t)
	if _, err := c.GetGlobalVariable(ctx, "other"); !IsNotFound(err) {
		t.Fatalf("err = %v", err)
	}
	if err := c.CreateGlobalVariable(ctx, varBody("x")); err != nil {
		t.Fatal(err)
	}
	// The first listing after the create does not show it yet (and is cached); the lookup
	// lists once more and finds it.
	v, err := c.GetGlobalVariable(ctx, "v1")
	if err != nil || v.VarName == nil || *v.VarName != "v1" {
		t.Fatalf("GetGlobalVariable = %v, %v", v, err)
	}
	before := ts.count()
	if _, err := c.GetGlobalVariable(ctx, "other"); !IsNotFound(err) {
		t.Fatalf("err = %v", err)
	}
	if ts.count() != before {
		t.Errorf("a lookup of a name this process did not write listed again (%d requests)", ts.count()-before)
	}
}

func connBody() *model.CreateEnhancedConnectionRequestBody {
	return &model.CreateEnhancedConnectionRequestBody{Name: "c1", DestVpcId: "vpc", DestNetworkId: "net", Queues: &[]string{"q1"}}
}

// varBody is the create request of the global variable v1 with the given value.
func varBody(value string) *model.CreateGlobalVariableRequestBody {
	return &model.CreateGlobalVariableRequestBody{VarName: "v1", VarValue: value}
}
