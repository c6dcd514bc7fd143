package client

import (
	"net/http"
	"testing"
)

// A refresh of another queue may cache the listing while a scale is in progress; the wait's
// end must drop it so the resource reads the final CU count, not the intermediate one.
func TestWaitForQueueCUsDropsCachedListing(t *testing.T) {
	cu := 16
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == queuesPath {
			writeJSON(w, 200, map[string]any{"is_success": true, "queues": []map[string]any{
				{"queue_name": "q1", "queue_type": "sql", "cu_count": cu},
			}})
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "queueName": "q1", "queueType": "sql", "cuCount": cu})
	})
	c := newTestClient(t, ts.URL)
	ctx := testCtx(t)
	if q, err := c.GetQueue(ctx, "q1"); err != nil || *q.CuCount != 16 {
		t.Fatalf("GetQueue = %v, %v; want 16 CUs", q, err)
	}
	cu = 32 // the scale finished on the server
	if err := c.WaitForQueueCUs(ctx, "q1", 32); err != nil {
		t.Fatal(err)
	}
	q, err := c.GetQueue(ctx, "q1")
	if err != nil {
		t.Fatal(err)
	}
	if got := *q.CuCount; got != 32 {
		t.Errorf("GetQueue after the wait = %d CUs, want 32 (stale cached listing)", got)
	}
	if got := ts.countWhere(http.MethodGet, queuesPath); got != 2 {
		t.Errorf("queue listings = %d, want 2 (one before, one after the wait)", got)
	}
}

func TestListQueuesAskForAllTypes(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true, "queues": []map[string]any{}})
	})
	c := newTestClient(t, ts.URL)
	if _, err := c.GetQueue(testCtx(t), "general_one"); !IsNotFound(err) {
		t.Fatalf("GetQueue of a missing queue: err = %v, want not found", err)
	}
	if q := ts.reqs[0].Query; q != "current-page=1&page-size=100&queue_type=all" {
		t.Errorf("list query = %q, want queue_type=all with paging (general queues are hidden otherwise)", q)
	}
}
