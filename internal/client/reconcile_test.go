package client

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// A create that commits but answers 408, for an object that stays invisible to reads for a
// while: the client polls the lookup through the not-founds (within the consistency
// window) instead of sending the create again. Exactly one create, and success.
func TestCreateQueueAfter408WaitsForLateVisibility(t *testing.T) {
	var mu sync.Mutex
	var committedAt time.Time
	const invisible = 60 * time.Millisecond
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPost:
			committedAt = time.Now()
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
		case committedAt.IsZero() || time.Since(committedAt) < invisible:
			writeDLIError(w, 400, "DLI.0002", "There is no queue named q1")
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 0})
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = 10 * time.Second })
	if err := c.CreateQueue(testCtx(t), &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16}); err != nil {
		t.Fatalf("CreateQueue: %v", err)
	}
	if got := ts.countWhere(http.MethodPost, queuesPath); got != 1 {
		t.Errorf("creates sent = %d, want exactly 1", got)
	}
	if got := ts.countWhere(http.MethodGet, queuesPath+"/q1"); got < 2 {
		t.Errorf("lookups = %d, want the not-founds polled through", got)
	}
}

// The same through a list-only collection (global variables): the lookup lists afresh on
// each poll, never from the cache.
func TestCreateGlobalVariableAfter500WaitsForLateVisibility(t *testing.T) {
	var posts, lists atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodPost {
			posts.Add(1)
			writeDLIError(w, 500, "DLI.0999", "internal error")
			return
		}
		items := []map[string]any{}
		if lists.Add(1) > 3 { // visible from the fourth listing on
			items = append(items, map[string]any{"var_name": "v1", "var_value": "x", "is_sensitive": false})
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "count": len(items), "global_vars": items})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = 10 * time.Second })
	if err := c.CreateGlobalVariable(testCtx(t), varBody("x")); err != nil {
		t.Fatalf("CreateGlobalVariable: %v", err)
	}
	if posts.Load() != 1 || lists.Load() != 4 {
		t.Errorf("creates = %d (want 1), listings = %d (want 4)", posts.Load(), lists.Load())
	}
}

// The lookup after an unknown outcome misses (a lagging replica), so the create is sent
// again and answered "already exists": the queue the first attempt created is adopted.
func TestCreateQueueAdoptsOnAlreadyExists(t *testing.T) {
	var posts atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost && posts.Add(1) == 1:
			writeDLIError(w, 502, "", "bad gateway") // but DLI did create it
		case r.Method == http.MethodPost:
			writeDLIError(w, 400, "DLI.0006", "queue q1 already exists")
		case posts.Load() < 2:
			writeDLIError(w, 400, "DLI.0002", "There is no queue named q1")
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "general", "cuCount": 16})
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = 20 * time.Millisecond })
	body := &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16, QueueType: queueType("general")}
	if err := c.CreateQueue(testCtx(t), body); err != nil {
		t.Fatalf("CreateQueue: %v (want the existing queue adopted)", err)
	}
	if got := posts.Load(); got != 2 {
		t.Errorf("creates = %d, want 2", got)
	}
}

// "Already exists" with different settings after an unknown outcome: a clear error naming
// the queue, and nothing adopted.
func TestCreateQueueAlreadyExistsWithDifferentSettings(t *testing.T) {
	var posts atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost && posts.Add(1) == 1:
			writeDLIError(w, 503, "", "unavailable")
		case r.Method == http.MethodPost:
			writeDLIError(w, 400, "DLI.0006", "queue q1 already exists")
		case posts.Load() < 2:
			writeDLIError(w, 400, "DLI.0002", "There is no queue named q1")
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "general", "cuCount": 16})
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = 20 * time.Millisecond })
	err := c.CreateQueue(testCtx(t), &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16})
	var mismatch *ExistsMismatchError
	if !errors.As(err, &mismatch) || !strings.Contains(err.Error(), `queue "q1" already exists with different settings`) ||
		!strings.Contains(err.Error(), `queue_type "general", requested "sql"`) {
		t.Fatalf("err = %v, want an ExistsMismatchError naming the queue and the difference", err)
	}
}

// "Already exists" to a first attempt is the user's conflict: returned as is, nothing
// looked up or adopted.
func TestCreateQueueAlreadyExistsOnFirstAttempt(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodPost {
			writeDLIError(w, 400, "DLI.0006", "queue q1 already exists")
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
	})
	c := newTestClient(t, ts.URL)
	err := c.CreateQueue(testCtx(t), &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16})
	if !IsAlreadyExists(err) || ts.count() != 1 {
		t.Fatalf("err = %v after %d requests, want the DLI.0006 error after 1", err, ts.count())
	}
}

// When the retries run out after an unknown outcome, the lookup decides: a create that took
// effect is a success, not an error that would orphan it.
func TestCreateQueueOutOfRetriesButCreated(t *testing.T) {
	var committed atomic.Bool
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodPost {
			committed.Store(true)
			writeDLIError(w, 500, "DLI.0999", "internal error")
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": 16})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.MaxRetries = 0 })
	if err := c.CreateQueue(testCtx(t), &model.CreateQueueRequestBody{QueueName: "q1", CuCount: 16}); err != nil {
		t.Fatalf("CreateQueue: %v", err)
	}
	if got := ts.countWhere(http.MethodGet, queuesPath+"/q1"); got != 1 {
		t.Errorf("lookups = %d, want 1", got)
	}
}

// A malformed 2xx to a create is an unknown outcome too: the lookup finds the connection,
// whose id is returned; the create is not sent again.
func TestCreateConnectionMalformedAnswerIsReconciled(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodPost {
			writeJSON(w, 201, map[string]any{"is_success": true, "message": ""}) // no connection_id
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "count": 1, "connections": []map[string]any{
			{"id": "cid-7", "name": "c1", "status": "ACTIVE", "dest_vpc_id": "vpc", "dest_network_id": "net"},
		}})
	})
	c := newTestClient(t, ts.URL)
	id, err := c.CreateEnhancedConnection(testCtx(t), connBody())
	if err != nil || id != "cid-7" {
		t.Fatalf("CreateEnhancedConnection = %q, %v; want the listed connection's id", id, err)
	}
	if got := ts.countWhere(http.MethodPost, connsPath); got != 1 {
		t.Errorf("creates = %d, want 1", got)
	}
}

// A connection re-sent after an unknown outcome and answered "already exists" is adopted,
// and its id returned.
func TestCreateConnectionAdoptsOnAlreadyExists(t *testing.T) {
	var posts atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost && posts.Add(1) == 1:
			writeDLIError(w, 504, "", "gateway timeout")
		case r.Method == http.MethodPost:
			writeDLIError(w, 400, "DLI.0006", "Connection c1 already exists.")
		case posts.Load() < 2:
			writeJSON(w, 200, map[string]any{"is_success": true, "count": 0, "connections": []map[string]any{}})
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "count": 1, "connections": []map[string]any{
				{"id": "cid-9", "name": "c1", "status": "ACTIVE", "dest_vpc_id": "vpc", "dest_network_id": "net"},
			}})
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = 20 * time.Millisecond })
	id, err := c.CreateEnhancedConnection(testCtx(t), connBody())
	if err != nil || id != "cid-9" {
		t.Fatalf("CreateEnhancedConnection = %q, %v; want cid-9 adopted", id, err)
	}
}

// A global variable re-sent after an unknown outcome is answered with the variable API's
// "already exists" (DLI.0999 with HTTP 400): adopted when sensitivity and value match.
func TestCreateGlobalVariableAdoptsOnAlreadyExists(t *testing.T) {
	var posts atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost && posts.Add(1) == 1:
			writeDLIError(w, 500, "DLI.0999", "internal error")
		case r.Method == http.MethodPost:
			writeDLIError(w, 400, "DLI.0999", "The global variable v1 already exists: object already exists.")
		case posts.Load() < 2:
			writeJSON(w, 200, map[string]any{"is_success": true, "count": 0, "global_vars": []map[string]any{}})
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "count": 1, "global_vars": []map[string]any{
				{"var_name": "v1", "var_value": "x", "is_sensitive": false}}})
		}
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = 20 * time.Millisecond })
	if err := c.CreateGlobalVariable(testCtx(t), varBody("x")); err != nil {
		t.Fatalf("CreateGlobalVariable: %v", err)
	}
	if err := c.CreateGlobalVariable(testCtx(t), varBody("y")); !IsAlreadyExists(err) {
		t.Fatalf("a create answered 'already exists' at once: err = %v, want it returned", err)
	}
}

func TestIsAlreadyExists(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&APIError{StatusCode: 400, Code: "DLI.0006", Message: "Database db1 already exists."}, true},
		{&APIError{StatusCode: 400, Code: "DLI.0999", Message: "The global variable v already exists: object already exists."}, true},
		{&APIError{StatusCode: 409, Message: "conflict"}, true},
		{&APIError{StatusCode: 500, Code: "DLI.0999", Message: "server system error"}, false},
		{&APIError{StatusCode: 400, Code: "DLI.0002", Message: "not exist"}, false},
		{errors.New("already exists"), false},
	} {
		if got := IsAlreadyExists(tc.err); got != tc.want {
			t.Errorf("IsAlreadyExists(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func queueType(s string) *string { return &s }
