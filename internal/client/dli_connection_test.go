package client

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

const connsPath = "/v2.0/" + testProjectID + "/datasource/enhanced-connections"

func connJSON(id, status string, queues ...[2]string) map[string]any {
	info := []map[string]any{}
	for _, q := range queues {
		info = append(info, map[string]any{"name": q[0], "status": q[1], "err_msg": "", "peer_id": "p-" + q[0]})
	}
	return map[string]any{
		"is_success": true, "id": id, "name": "c1", "status": status, "dest_vpc_id": "vpc", "dest_network_id": "net",
		"available_queue_info": info, "create_time": 1566888011125,
	}
}

func TestCreateEnhancedConnectionReconcilesAfter408(t *testing.T) {
	var mu sync.Mutex
	committed := false
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPost && r.URL.Path == connsPath:
			committed = true
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
		case r.Method == http.MethodGet && r.URL.Path == connsPath:
			conns := []any{}
			if committed {
				other := connJSON("other-id", "ACTIVE")
				other["dest_vpc_id"] = "another-vpc" // same name elsewhere: not ours
				conns = append(conns, other, connJSON("the-id", "ACTIVE"))
			}
			writeJSON(w, 200, map[string]any{"is_success": true, "connections": conns, "count": len(conns)})
		default:
			writeDLIError(w, 404, "", "no route")
		}
	})
	c := newTestClient(t, ts.URL)
	id, err := c.CreateEnhancedConnection(testCtx(t), &model.CreateEnhancedConnectionRequestBody{
		Name: "c1", DestVpcId: "vpc", DestNetworkId: "net",
	})
	if err != nil || id != "the-id" {
		t.Fatalf("CreateEnhancedConnection = %q, %v; want the-id", id, err)
	}
	if got := ts.countWhere(http.MethodPost, connsPath); got != 1 {
		t.Errorf("POSTs = %d, want exactly 1", got)
	}
	q, _ := url.ParseQuery(ts.requests()[1].Query)
	if q.Get("name") != "c1" || q.Get("status") != "ACTIVE" || q.Get("offset") != "0" {
		t.Errorf("reconcile list query = %v", q)
	}
}

func TestCreateEnhancedConnectionAccepts201(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, http.StatusCreated, map[string]any{"is_success": true, "message": "", "connection_id": "abc"})
	})
	id, err := newTestClient(t, ts.URL).CreateEnhancedConnection(testCtx(t), &model.CreateEnhancedConnectionRequestBody{Name: "c1"})
	if err != nil || id != "abc" {
		t.Fatalf("got %q, %v", id, err)
	}
}

func TestGetEnhancedConnectionTreatsDeletedAsNotFound(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch strings.TrimPrefix(r.URL.Path, connsPath+"/") {
		case "deleted":
			writeJSON(w, 200, connJSON("deleted", "DELETED"))
		case "live":
			writeJSON(w, 200, connJSON("live", "ACTIVE"))
		default:
			writeDLIError(w, 400, "DLI.0001", "Connection x is not exist.")
		}
	})
	c := newTestClient(t, ts.URL)
	if _, err := c.GetEnhancedConnection(testCtx(t), "deleted"); !IsNotFound(err) {
		t.Errorf("DELETED: err = %v, want not found", err)
	}
	if conn, err := c.ShowEnhancedConnection(testCtx(t), "deleted"); err != nil || *conn.Status != "DELETED" {
		t.Errorf("ShowEnhancedConnection of a DELETED connection = %v, %v", conn, err)
	}
	if _, err := c.GetEnhancedConnection(testCtx(t), "missing"); !IsNotFound(err) {
		t.Errorf("DLI.0001 is not exist: err = %v, want not found", err)
	}
	if conn, err := c.GetEnhancedConnection(testCtx(t), "live"); err != nil || *conn.Id != "live" {
		t.Errorf("live: %v, %v", conn, err)
	}
	if err := c.DeleteEnhancedConnection(testCtx(t), "missing"); err != nil {
		t.Errorf("deleting a missing connection: %v", err)
	}
	if err := c.WaitForConnectionDeleted(testCtx(t), "deleted"); err != nil {
		t.Errorf("waiting for a DELETED connection: %v", err)
	}
}

func TestListEnhancedConnectionsPages(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		size := 100
		if n == 2 {
			size = 30
		}
		conns := make([]any, size)
		for i := range conns {
			conns[i] = connJSON(fmt.Sprintf("id-%d-%d", n, i), "ACTIVE")
		}
		writeJSON(w, 200, map[string]any{"is_success": true, "connections": conns, "count": size})
	})
	c := newTestClient(t, ts.URL)
	conns, err := c.ListEnhancedConnections(testCtx(t), ConnectionFilter{Tags: map[string]string{"b": "2", "a": "1"}})
	if err != nil || len(conns) != 130 {
		t.Fatalf("got %d connections, %v; want 130", len(conns), err)
	}
	reqs := ts.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for i, want := range []string{"0", "100"} {
		q, _ := url.ParseQuery(reqs[i].Query)
		if q.Get("offset") != want || q.Get("limit") != "100" || q.Get("tags") != "a=1,b=2" {
			t.Errorf("request %d query = %v", i, q)
		}
	}
}

func TestWaitForConnectionQueues(t *testing.T) {
	t.Run("activates", func(t *testing.T) {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			switch n {
			case 1:
				writeJSON(w, 200, connJSON("id", "ACTIVE", [2]string{"q1", "CREATING"}, [2]string{"old", "ACTIVE"}))
			case 2:
				writeJSON(w, 200, connJSON("id", "ACTIVE", [2]string{"q1", "ACTIVE"}, [2]string{"old", "ACTIVE"}))
			default:
				writeJSON(w, 200, connJSON("id", "ACTIVE", [2]string{"Q1", "active"}))
			}
		})
		if err := newTestClient(t, ts.URL).WaitForConnectionQueues(testCtx(t), "id", []string{"q1"}, []string{"old"}); err != nil {
			t.Fatal(err)
		}
		if got := ts.count(); got != 3 {
			t.Errorf("polled %d times, want 3 (until q1 is ACTIVE and old is unbound)", got)
		}
	})
	t.Run("fails at once", func(t *testing.T) {
		body := connJSON("id", "ACTIVE", [2]string{"q1", "FAILED"})
		info, ok := body["available_queue_info"].([]map[string]any)
		if !ok || len(info) != 1 {
			t.Fatalf("connJSON available_queue_info = %#v, want one queue", body["available_queue_info"])
		}
		info[0]["err_msg"] = "subnet full"
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, body) })
		err := newTestClient(t, ts.URL).WaitForConnectionQueues(testCtx(t), "id", []string{"q1"}, nil)
		var failed *ConnectionQueueFailedError
		if !errors.As(err, &failed) || failed.Queue != "q1" || !strings.Contains(err.Error(), "subnet full") {
			t.Fatalf("err = %v, want a FAILED error with DLI's reason", err)
		}
		if got := ts.count(); got != 1 {
			t.Errorf("polled %d times after FAILED, want 1", got)
		}
	})
	t.Run("deleted meanwhile", func(t *testing.T) {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			writeJSON(w, 200, connJSON("id", "DELETED"))
		})
		if err := newTestClient(t, ts.URL).WaitForConnectionQueues(testCtx(t), "id", []string{"q1"}, nil); !IsNotFound(err) {
			t.Fatalf("err = %v, want not found", err)
		}
	})
}

func TestWaitForConnectionSettled(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n < 3 {
			writeJSON(w, 200, connJSON("id", "ACTIVE", [2]string{"q1", "FAILED"}, [2]string{"q2", "CREATING"}))
			return
		}
		writeJSON(w, 200, connJSON("id", "ACTIVE", [2]string{"q1", "FAILED"}, [2]string{"q2", "ACTIVE"}))
	})
	if err := newTestClient(t, ts.URL).WaitForConnectionSettled(testCtx(t), "id"); err != nil {
		t.Fatal(err)
	}
	if got := ts.count(); got != 3 {
		t.Errorf("polled %d times, want 3", got)
	}
}

func TestConnectionWritesSendDocumentedBodies(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true, "message": ""})
	})
	c := newTestClient(t, ts.URL)
	ctx := testCtx(t)
	if err := c.UpdateEnhancedConnectionHosts(ctx, "id", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.AssociateConnectionQueues(ctx, "id", []string{"q1", "q2"}); err != nil {
		t.Fatal(err)
	}
	if err := c.DisassociateConnectionQueues(ctx, "id", []string{"q3"}); err != nil {
		t.Fatal(err)
	}
	if err := c.AssociateConnectionQueues(ctx, "id", nil); err != nil { // nothing to do: no request
		t.Fatal(err)
	}
	want := []struct{ method, path, body string }{
		{"PUT", connsPath + "/id", `{"hosts":[]}`},
		{"POST", connsPath + "/id/associate-queue", `{"queues":["q1","q2"]}`},
		{"POST", connsPath + "/id/disassociate-queue", `{"queues":["q3"]}`},
	}
	reqs := ts.requests()
	if len(reqs) != len(want) {
		t.Fatalf("%d requests, want %d", len(reqs), len(want))
	}
	for i, w := range want {
		if reqs[i].Method != w.method || reqs[i].Path != w.path || string(reqs[i].Body) != w.body {
			t.Errorf("request %d = %s %s %s, want %s %s %s", i, reqs[i].Method, reqs[i].Path, reqs[i].Body, w.method, w.path, w.body)
		}
	}
}
