package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

const connPrefix = "/v2.0/" + DemoProjectID + "/datasource/enhanced-connections"

// readyQueue creates a general queue and lets it finish provisioning.
func (env *testEnv) readyQueue(name string) {
	env.t.Helper()
	env.createQueue(name, 16, "general")
	env.emu.Advance(queueProvisionTime)
}

// createConn creates a connection, requires 201 and returns its id.
func (env *testEnv) createConn(body map[string]any) string {
	env.t.Helper()
	status, data := env.do("POST", connPrefix, nil, body)
	if status != http.StatusCreated {
		env.t.Fatalf("create connection: status %d, body %s", status, data)
	}
	var out model.CreateEnhancedConnectionResponse
	if err := json.Unmarshal(data, &out); err != nil || out.ConnectionId == nil || out.IsSuccess == nil || !*out.IsSuccess {
		env.t.Fatalf("create connection response %s (err %v)", data, err)
	}
	return *out.ConnectionId
}

func (env *testEnv) showConn(id string) model.ShowEnhancedConnectionResponse {
	env.t.Helper()
	var out model.ShowEnhancedConnectionResponse
	env.must("GET", connPrefix+"/"+id, nil, nil, &out)
	return out
}

// queueStatuses returns name -> status of a connection's peerings.
func queueStatuses(c model.ShowEnhancedConnectionResponse) map[string]string {
	out := map[string]string{}
	for _, q := range *c.AvailableQueueInfo {
		out[*q.Name] = *q.Status
	}
	return out
}

func connBody(name string, queues ...string) map[string]any {
	return map[string]any{"name": name, "dest_vpc_id": "vpc-1", "dest_network_id": "net-1", "queues": queues}
}

func TestConnectionLifecycle(t *testing.T) {
	env := newEnv(t, Options{})
	env.readyQueue("q1")
	body := connBody("conn_1", "Q1")
	body["routetable_id"] = "rt-1"
	body["tags"] = []map[string]string{{"key": "team", "value": "data"}}
	body["hosts"] = []map[string]string{{"name": "ecs-1", "ip": "192.168.0.1"}}
	id := env.createConn(body)

	c := env.showConn(id)
	if *c.Status != "ACTIVE" || *c.Name != "conn_1" || *c.DestVpcId != "vpc-1" || *c.DestNetworkId != "net-1" || *c.CreateTime == 0 {
		t.Fatalf("detail = %+v", c)
	}
	if got := queueStatuses(c); got["q1"] != "CREATING" || len(got) != 1 {
		t.Fatalf("queues right after create = %v, want q1 CREATING", got)
	}
	if h := *c.Hosts; len(h) != 1 || *h[0].Name != "ecs-1" || *h[0].Ip != "192.168.0.1" {
		t.Errorf("hosts = %+v", h)
	}
	_, raw := env.do("GET", connPrefix+"/"+id, nil, nil)
	for _, absent := range []string{"routetable_id", "tags", "rt-1"} {
		if strings.Contains(string(raw), absent) {
			t.Errorf("detail returns write-only %q: %s", absent, raw)
		}
	}
	if !strings.Contains(string(raw), `"isPrivis":true`) {
		t.Errorf("detail lacks isPrivis: %s", raw)
	}

	e := env.wantError("DELETE", connPrefix+"/"+id, nil, nil, 400, "DLI.0012")
	if !strings.Contains(e.Msg, "being created") {
		t.Errorf("delete while creating: %q", e.Msg)
	}
	env.emu.Advance(connectionActivateTime)
	c = env.showConn(id)
	if got := queueStatuses(c); got["q1"] != "ACTIVE" {
		t.Fatalf("queues after activation = %v", got)
	}
	if q := (*c.AvailableQueueInfo)[0]; *q.PeerId == "" || *q.UpdateTime <= *c.CreateTime {
		t.Errorf("peering = %+v, want a peer id and an update time after create", q)
	}

	var del model.DeleteEnhancedConnectionResponse
	env.must("DELETE", connPrefix+"/"+id, nil, nil, &del)
	if *del.Message != "Deleted" {
		t.Errorf("delete message = %q", *del.Message)
	}
	// A deleted connection stays visible with status DELETED ...
	if c = env.showConn(id); *c.Status != "DELETED" {
		t.Errorf("status after delete = %q, want DELETED", *c.Status)
	}
	var list model.ListEnhancedConnectionsResponse
	env.must("GET", connPrefix, map[string]string{"status": "deleted"}, nil, &list)
	if *list.Count != 1 || *(*list.Connections)[0].Id != id {
		t.Errorf("list status=deleted = %+v", list)
	}
	env.must("GET", connPrefix, map[string]string{"status": "ACTIVE"}, nil, &list)
	if *list.Count != 0 {
		t.Errorf("list status=ACTIVE after delete has %d items", *list.Count)
	}
	// ... but cannot be changed, and it frees its name.
	env.wantError("DELETE", connPrefix+"/"+id, nil, nil, 400, "DLI.0002")
	env.wantError("POST", connPrefix+"/"+id+"/associate-queue", nil, map[string]any{"queues": []string{"q1"}}, 400, "DLI.0002")
	env.wantError("PUT", connPrefix+"/"+id, nil, map[string]any{"hosts": []any{}}, 400, "DLI.0002")
	env.createConn(connBody("conn_1"))
	// §12.3/§12.4 keep it as DELETED (ambiguity 31): a day later it is still there.
	env.emu.Advance(24 * time.Hour)
	if c := env.showConn(id); *c.Status != "DELETED" {
		t.Errorf("a day after delete: status %s", *c.Status)
	}
	e = env.wantError("GET", connPrefix+"/"+id+"/privileges", nil, nil, 400, "DLI.0001")
	if e.Msg != fmt.Sprintf("Connection %s is not exist.", id) {
		t.Errorf("privileges of a deleted connection %q", e.Msg)
	}
}

func TestConnectionCreateValidation(t *testing.T) {
	env := newEnv(t, Options{})
	env.readyQueue("ready")
	env.createConn(connBody("taken"))
	with := func(k string, v any) map[string]any {
		b := connBody("c1")
		b[k] = v
		return b
	}
	tooMany := make([]map[string]string, connectionMaxHosts+1)
	for i := range tooMany {
		tooMany[i] = map[string]string{"name": "h", "ip": "10.0.0.1"}
	}
	tests := []struct {
		name, code, field string
		body              any
	}{
		{"empty body", "DLI.0001", "", nil},
		{"missing name", "DLI.0001", "name", with("name", nil)},
		{"name too long", "DLI.0001", "name", with("name", strings.Repeat("a", 65))},
		{"name with dash", "DLI.0001", "name", with("name", "a-b")},
		{"missing vpc", "DLI.0001", "dest_vpc_id", with("dest_vpc_id", "")},
		{"missing network", "DLI.0001", "dest_network_id", with("dest_network_id", nil)},
		{"host without ip", "DLI.0001", "hosts[0].ip", with("hosts", []map[string]string{{"name": "h"}})},
		{"host name starts with digit", "DLI.0001", "hosts[0].name", with("hosts", []map[string]string{{"name": "1h", "ip": "10.0.0.1"}})},
		{"host name too long", "DLI.0001", "hosts[0].name", with("hosts", []map[string]string{{"name": "h" + strings.Repeat("a", 128), "ip": "10.0.0.1"}})},
		{"host ipv6", "DLI.0001", "hosts[0].ip", with("hosts", []map[string]string{{"name": "h", "ip": "::1"}})},
		{"host bad ip", "DLI.0001", "hosts[0].ip", with("hosts", []map[string]string{{"name": "h", "ip": "10.0.0.256"}})},
		{"too many hosts", "DLI.0001", "at most 20000", with("hosts", tooMany)},
		{"tag without value", "DLI.0001", "tags[0].value", with("tags", []map[string]string{{"key": "k"}})},
		{"unknown queue", "DLI.0002", "nope", with("queues", []string{"nope"})},
		{"duplicate name", "DLI.0006", "taken", connBody("taken")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := env.wantError("POST", connPrefix, nil, tc.body, 400, tc.code)
			if !strings.Contains(e.Msg, tc.field) {
				t.Errorf("message %q does not name %q", e.Msg, tc.field)
			}
		})
	}
	var list model.ListEnhancedConnectionsResponse
	env.must("GET", connPrefix, nil, nil, &list)
	if *list.Count != 1 {
		t.Errorf("refused creates left connections behind: %d", *list.Count)
	}
}

func TestConnectionBindUnbind(t *testing.T) {
	env := newEnv(t, Options{})
	env.readyQueue("q1")
	env.readyQueue("q2")
	id := env.createConn(connBody("c1", "q1"))
	env.emu.Advance(connectionActivateTime)
	peer := *(*env.showConn(id).AvailableQueueInfo)[0].PeerId

	bind := func(qs ...string) map[string]any { return map[string]any{"queues": qs} }
	env.wantError("POST", connPrefix+"/"+id+"/associate-queue", nil, bind("nope"), 400, "DLI.0002")
	env.wantError("POST", connPrefix+"/"+id+"/associate-queue", nil, map[string]any{}, 400, "DLI.0001")
	env.wantError("POST", connPrefix+"/"+id+"/disassociate-queue", nil, bind(), 400, "DLI.0001")
	env.wantError("POST", connPrefix+"/nope/associate-queue", nil, bind("q2"), 400, "DLI.0002")

	var out model.AssociateQueueToEnhancedConnectionResponse
	env.must("POST", connPrefix+"/"+id+"/associate-queue", nil, bind("q1", "q2"), &out)
	if !strings.Contains(*out.Message, "q1,q2") {
		t.Errorf("associate message %q", *out.Message)
	}
	c := env.showConn(id)
	if got := queueStatuses(c); got["q1"] != "ACTIVE" || got["q2"] != "CREATING" {
		t.Fatalf("after binding q2: %v (binding the ACTIVE q1 again must be a no-op)", got)
	}
	if p := *(*c.AvailableQueueInfo)[0].PeerId; p != peer {
		t.Errorf("q1 peer id changed from %s to %s", peer, p)
	}
	env.emu.Advance(connectionActivateTime)
	if got := queueStatuses(env.showConn(id)); got["q2"] != "ACTIVE" {
		t.Fatalf("q2 = %v", got)
	}
	env.must("POST", connPrefix+"/"+id+"/disassociate-queue", nil, bind("Q1", "never_bound"), nil)
	if got := queueStatuses(env.showConn(id)); len(got) != 1 || got["q2"] != "ACTIVE" {
		t.Errorf("after unbinding q1: %v", got)
	}
}

func TestConnectionActivationFailure(t *testing.T) {
	env := newEnv(t, Options{})
	env.readyQueue("q1")
	env.readyQueue("q2")
	// The Go hook turns a binding that is still CREATING into a failure.
	id := env.createConn(connBody("c1", "q1"))
	if err := env.emu.FailConnectionActivation("", "q1", ""); err != nil {
		t.Fatal(err)
	}
	env.emu.Advance(connectionActivateTime)
	q := (*env.showConn(id).AvailableQueueInfo)[0]
	if *q.Status != "FAILED" || *q.ErrMsg != defaultConnectionFailure {
		t.Fatalf("q1 = %s %q, want FAILED with the default message", *q.Status, *q.ErrMsg)
	}
	// The admin endpoint applies to later binds, with its own message.
	if st := env.admin("PUT", "/_emulator/connection-failures", map[string]string{"queue_name": "Q2", "err_msg": "no route"}, nil); st != 200 {
		t.Fatalf("admin PUT status %d", st)
	}
	env.must("POST", connPrefix+"/"+id+"/associate-queue", nil, map[string]any{"queues": []string{"q2"}}, nil)
	env.emu.Advance(connectionActivateTime)
	q = (*env.showConn(id).AvailableQueueInfo)[1]
	if *q.Name != "q2" || *q.Status != "FAILED" || *q.ErrMsg != "no route" {
		t.Fatalf("q2 = %s %s %q", *q.Name, *q.Status, *q.ErrMsg)
	}
	if st := env.admin("PUT", "/_emulator/connection-failures", map[string]string{"project_id": "other"}, nil); st != 400 {
		t.Errorf("admin PUT for an unknown project: status %d, want 400", st)
	}
	// Once cleared, binding a FAILED queue again restarts its activation.
	if st := env.admin("DELETE", "/_emulator/connection-failures?queue_name=q2", nil, nil); st != 200 {
		t.Fatalf("admin DELETE status %d", st)
	}
	env.must("POST", connPrefix+"/"+id+"/associate-queue", nil, map[string]any{"queues": []string{"q2"}}, nil)
	if got := queueStatuses(env.showConn(id)); got["q2"] != "CREATING" || got["q1"] != "FAILED" {
		t.Fatalf("after rebinding q2: %v", got)
	}
	env.emu.Advance(connectionActivateTime)
	if got := queueStatuses(env.showConn(id)); got["q2"] != "ACTIVE" || got["q1"] != "FAILED" {
		t.Fatalf("after reactivation: %v", got)
	}
	// A connection whose peerings all ended (even FAILED) can be deleted.
	env.must("DELETE", connPrefix+"/"+id, nil, nil, nil)
}

func TestConnectionListPagingAndFilters(t *testing.T) {
	env := newEnv(t, Options{})
	var ids []string
	for i := range 5 {
		b := connBody(fmt.Sprintf("c%d", i))
		b["tags"] = []map[string]string{{"key": "env", "value": []string{"dev", "prod"}[i%2]}, {"key": "team", "value": "data"}}
		ids = append(ids, env.createConn(b))
		env.emu.Advance(time.Second)
	}
	page := func(q map[string]string) []string {
		t.Helper()
		var list model.ListEnhancedConnectionsResponse
		env.must("GET", connPrefix, q, nil, &list)
		var got []string
		for _, c := range *list.Connections {
			got = append(got, *c.Id)
		}
		if int(*list.Count) != len(got) {
			t.Errorf("count %d for %d items", *list.Count, len(got))
		}
		return got
	}
	same := func(what string, got, want []string) {
		t.Helper()
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	same("default", page(nil), ids)
	same("limit 2", page(map[string]string{"limit": "2"}), ids[:2])
	same("limit 2 offset 4", page(map[string]string{"limit": "2", "offset": "4"}), ids[4:])
	same("offset past end", page(map[string]string{"offset": "9"}), nil)
	same("limit 0 is all", page(map[string]string{"limit": "0", "offset": "1"}), ids[1:])
	same("name", page(map[string]string{"name": "c3"}), ids[3:4])
	same("tags", page(map[string]string{"tags": "env=prod,team=data"}), []string{ids[1], ids[3]})
	same("status", page(map[string]string{"status": "active"}), ids)
	env.wantError("GET", connPrefix, map[string]string{"status": "CREATING"}, nil, 400, "DLI.0001")
	env.wantError("GET", connPrefix, map[string]string{"limit": "-1"}, nil, 400, "DLI.0001")
	env.wantError("GET", connPrefix, map[string]string{"tags": "novalue"}, nil, 400, "DLI.0001")
}

func TestConnectionUpdateHostsAndPrivileges(t *testing.T) {
	env := newEnv(t, Options{})
	b := connBody("c1")
	b["hosts"] = []map[string]string{{"name": "a", "ip": "10.0.0.1"}, {"name": "b", "ip": "10.0.0.2"}}
	id := env.createConn(b)
	env.must("PUT", connPrefix+"/"+id, nil, map[string]any{"hosts": []map[string]string{{"name": "c.example-1", "ip": "10.0.0.3"}}}, nil)
	if h := *env.showConn(id).Hosts; len(h) != 1 || *h[0].Name != "c.example-1" || *h[0].Ip != "10.0.0.3" {
		t.Errorf("hosts after full overwrite = %+v", h)
	}
	env.wantError("PUT", connPrefix+"/"+id, nil, map[string]any{}, 400, "DLI.0001")
	env.wantError("PUT", connPrefix+"/"+id, nil, map[string]any{"hosts": []map[string]string{{"name": "a", "ip": "1.2.3"}}}, 400, "DLI.0001")
	env.must("PUT", connPrefix+"/"+id, nil, map[string]any{"hosts": []any{}}, nil)
	if h := *env.showConn(id).Hosts; len(h) != 0 {
		t.Errorf("hosts after clearing = %+v", h)
	}
	var priv model.ShowEnhancedConnectionPrivilegeResponse
	env.must("GET", connPrefix+"/"+id+"/privileges", nil, nil, &priv)
	if *priv.ConnectionId != id || priv.Privileges == nil || len(*priv.Privileges) != 0 {
		t.Errorf("privileges = %+v", priv)
	}
}

// A new connection is invisible to reads during the consistency delay.
func TestConnectionConsistencyDelay(t *testing.T) {
	env := newEnv(t, Options{Faults: Faults{ConsistencyDelay: time.Hour}})
	id := env.createConn(connBody("c1"))
	env.wantError("GET", connPrefix+"/"+id, nil, nil, 400, "DLI.0002")
	var list model.ListEnhancedConnectionsResponse
	env.must("GET", connPrefix, nil, nil, &list)
	if *list.Count != 0 {
		t.Errorf("list shows a connection inside the consistency delay")
	}
	env.must("PUT", connPrefix+"/"+id, nil, map[string]any{"hosts": []any{}}, nil) // writes see it
}
