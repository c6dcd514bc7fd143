package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// emuEnv is a client against an in-process emulator whose request queries are recorded.
type emuEnv struct {
	emu    *emulator.Emulator
	client *Client
	mu     sync.Mutex
	seen   []string // "Operation-less" raw queries, in order
}

func newEmuEnv(t *testing.T) *emuEnv {
	t.Helper()
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	env := &emuEnv{emu: emu}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env.mu.Lock()
		env.seen = append(env.seen, r.URL.Path+"?"+r.URL.RawQuery)
		env.mu.Unlock()
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	env.client, err = New(Config{
		Region: emulator.DemoRegion, ProjectID: emulator.DemoProjectID,
		AccessKey: emulator.DemoAccessKey, SecretKey: emulator.DemoSecretKey,
		Endpoints:          map[Service]string{ServiceDataArts: srv.URL},
		DataArtsInstanceID: emulator.DemoDataArtsInstanceID, DataArtsWorkspaceID: emulator.DemoDataArtsWorkspaceID,
		RateLimit: 10000, RetryBaseDelay: time.Millisecond, RetryMaxDelay: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func (env *emuEnv) count(op string) int { return env.emu.RequestCounts()[op] }

func TestDataArtsAccessors(t *testing.T) {
	env := newEmuEnv(t)
	if env.client.DataArtsInstanceID() != emulator.DemoDataArtsInstanceID || env.client.DataArtsWorkspaceID() != emulator.DemoDataArtsWorkspaceID {
		t.Fatal("accessors do not return the configured DataArts ids")
	}
}

func TestBulkLineage_allPagesStableOrder(t *testing.T) {
	env := newEmuEnv(t)
	fx := env.emu.DataArtsFixture()
	operators, rows := 0, 0
	for _, a := range fx.Assets {
		if a.Kind == emulator.AssetNode {
			operators++
			rows += len(a.Inputs) * len(a.Outputs)
		}
	}
	res, err := env.client.BulkLineage(testCtx(t), env.client.DataArtsInstanceID())
	if err != nil {
		t.Fatal(err)
	}
	pages := (operators + LineageBulkPageSize - 1) / LineageBulkPageSize
	if got := env.count("ShowLineageBulk"); got != pages || pages < 5 {
		t.Fatalf("ShowLineageBulk calls: %d, want one per page of %d operators (%d)", got, operators, pages)
	}
	if len(res.Edges) != rows {
		t.Fatalf("edges: %d, want every row of every page (%d)", len(res.Edges), rows)
	}
	if !slices.IsSortedFunc(res.Edges, func(a, b LineageEdge) int { return strings.Compare(a.SourceQualifiedName, b.SourceQualifiedName) }) {
		t.Fatal("edges are not sorted by source qualified name")
	}
	again, err := env.client.BulkLineage(testCtx(t), env.client.DataArtsInstanceID())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, again) {
		t.Fatal("two reads of the same data differ: ordering is not stable")
	}
	var seed LineageEdge
	for _, e := range res.Edges {
		if e.NodeName == "DLI_SQL_6038" {
			seed = e
		}
	}
	if seed.SourceTable != "dli_01" || seed.TargetTable != "dli_02" || seed.SourceSchema != "" || seed.SourceType != "dli_table_managed" {
		t.Fatalf("seed 000 edge: %+v", seed)
	}
	res.FilterEdges(func(e LineageEdge) bool { return e.SourceDatabase == "demo_db" && e.SourceTable == "orders_raw" })
	if len(res.Edges) != 1 || res.Edges[0].TargetTable != "orders_clean" || len(res.Entities) != 3 {
		t.Fatalf("filtered: %+v / %+v", res.Edges, res.Entities)
	}
}

func TestTraverseLineage_oneCallPerVisitedAsset(t *testing.T) {
	env := newEmuEnv(t)
	fx := env.emu.DataArtsFixture()
	for _, start := range []int{0, 2, 5, 12} {
		byDir := map[string]*LineageResult{}
		for _, dir := range []string{DirectionOut, DirectionIn, DirectionBoth} {
			t.Run(fmt.Sprintf("t%d/%s", start, dir), func(t *testing.T) {
				env.emu.ResetCounts()
				g := emulator.GeneratedTableGUID(start)
				res, err := env.client.TraverseLineage(testCtx(t), emulator.DemoDataArtsInstanceID, g, dir, 3, 1000)
				if err != nil {
					t.Fatal(err)
				}
				want := len(fx.ExpectedTraversal(g, dir, 3))
				if got := env.count("ShowDatamapLineage"); got != want || res.Visited != want || res.Truncated {
					t.Fatalf("calls %d, visited %d (truncated %v), want %d: one call per visited asset", got, res.Visited, res.Truncated, want)
				}
				t.Logf("depth 3 from t%04d %s: %d calls, %d edges", start, dir, want, len(res.Edges))
				byDir[dir] = res
			})
		}
		// BOTH is exactly the union of the upstream and the downstream walks.
		union := map[string]bool{}
		for _, d := range []string{DirectionOut, DirectionIn} {
			for _, e := range byDir[d].Edges {
				union[e.key()] = true
			}
		}
		both := map[string]bool{}
		for _, e := range byDir[DirectionBoth].Edges {
			both[e.key()] = true
		}
		if !reflect.DeepEqual(both, union) {
			t.Errorf("t%d: BOTH has %d edges, OUT ∪ IN %d", start, len(both), len(union))
		}
	}
	root := emulator.GeneratedTableGUID(0)
	// OUT from t0 over three hops: t1, t2 (twice: via t0 and t1), t3..t6 at hop 2, their
	// children at hop 3, and the cycle edge t5 -> t0.
	res, err := env.client.TraverseLineage(testCtx(t), emulator.DemoDataArtsInstanceID, root, DirectionOut, 3, 1000)
	if err != nil {
		t.Fatal(err)
	}
	has := func(s, d int) bool {
		for _, e := range res.Edges {
			if e.SourceGUID == emulator.GeneratedTableGUID(s) && e.TargetGUID == emulator.GeneratedTableGUID(d) {
				return true
			}
		}
		return false
	}
	for _, e := range [][2]int{{0, 1}, {0, 2}, {1, 2}, {2, 5}, {5, 0}, {5, 11}, {6, 14}} {
		if !has(e[0], e[1]) {
			t.Errorf("missing edge t%d -> t%d", e[0], e[1])
		}
	}
	if has(11, 23) {
		t.Error("an edge four hops away was followed")
	}
	keys := map[string]bool{}
	for _, e := range res.Edges {
		if keys[e.key()] {
			t.Fatalf("duplicate edge %s", e.key())
		}
		keys[e.key()] = true
	}
	if !slices.IsSortedFunc(res.Entities, func(a, b LineageEntity) int { return strings.Compare(a.QualifiedName, b.QualifiedName) }) {
		t.Fatal("entities are not sorted")
	}
	// The emulator shuffles every response: the result is still identical.
	for i := 0; i < 3; i++ {
		again, err := env.client.TraverseLineage(testCtx(t), emulator.DemoDataArtsInstanceID, root, DirectionOut, 3, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(res, again) {
			t.Fatal("traversal result depends on response order")
		}
	}
}

func TestTraverseLineage_cap(t *testing.T) {
	env := newEmuEnv(t)
	res, err := env.client.TraverseLineage(testCtx(t), emulator.DemoDataArtsInstanceID, emulator.GeneratedTableGUID(0), DirectionOut, 10, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Truncated || res.Visited != 5 || env.count("ShowDatamapLineage") != 5 {
		t.Fatalf("truncated %v visited %d calls %d, want the cap of 5", res.Truncated, res.Visited, env.count("ShowDatamapLineage"))
	}
}

func TestShowLineage_seedEntities(t *testing.T) {
	env := newEmuEnv(t)
	res, err := env.client.ShowLineage(testCtx(t), emulator.DemoDataArtsInstanceID, "0c0f000e-d7b2-4aab-956c-cdc8b07083c6", DirectionIn)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Edges) != 1 || env.count("ShowDatamapLineage") != 1 {
		t.Fatalf("edges %+v", res.Edges)
	}
	e := res.Edges[0]
	if e.SourceTable != "wk_01" || e.TargetTable != "wk_02" || e.TargetDatabase != "wk" || e.TargetSchema != "public" ||
		e.NodeName != "xxxx" || e.NodeType != "dws_sql_node" || e.TargetType != "dws.Table" {
		t.Fatalf("seed 001 edge: %+v", e)
	}
	for _, ent := range res.Entities {
		if ent.GUID == e.TargetGUID && ent.Attributes["ddlCreateTime"] != "1691478978133" {
			t.Fatalf("numeric attribute not exact: %q", ent.Attributes["ddlCreateTime"])
		}
	}
	_, err = env.client.ShowLineage(testCtx(t), emulator.DemoDataArtsInstanceID, "no-such-asset", DirectionIn)
	if !IsNotFound(err) {
		t.Fatalf("unknown asset: %v", err)
	}
}

func TestDataArts_missingHeaders(t *testing.T) {
	env := newEmuEnv(t)
	_, err := env.client.BulkLineage(testCtx(t), "")
	if !HasCode(err, "DLS.1000") || !strings.Contains(err.Error(), "instance header") {
		t.Fatalf("bulk without instance: %v", err)
	}
	_, err = env.client.ListRelations(testCtx(t), RelationQuery{})
	if !HasCode(err, "DS.6000") || !strings.Contains(err.Error(), "workspace header") {
		t.Fatalf("relations without workspace: %v", err)
	}
	_, err = env.client.ListNodeInstances(testCtx(t), NodeInstancesQuery{TaskID: "1", JobName: "j", EndMillis: 1})
	if !HasCode(err, "DLS.1000") {
		t.Fatalf("instances without instance: %v", err)
	}
}

func TestListRelations_pagesAndFilters(t *testing.T) {
	env := newEmuEnv(t)
	all, err := env.client.ListRelations(testCtx(t), RelationQuery{Workspace: emulator.DemoDataArtsWorkspaceID})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 234 || env.count("ListRelations") != 3 {
		t.Fatalf("relations %d in %d calls, want 234 in 3 pages", len(all), env.count("ListRelations"))
	}
	for _, q := range env.seen {
		if !strings.Contains(q, "limit=100") || !(strings.Contains(q, "offset=0") || strings.Contains(q, "offset=100") || strings.Contains(q, "offset=200")) {
			t.Fatalf("offset is not a multiple of limit: %s", q)
		}
	}
	if all[0].ID != "1225137038202957824" || all[0].Mappings[0].SourceFieldName != "id" || all[0].CreateTime != "2024-04-03T17:37:12+08:00" {
		t.Fatalf("seed record: %+v", all[0])
	}
	some, err := env.client.ListRelations(testCtx(t), RelationQuery{
		Workspace: emulator.DemoDataArtsWorkspaceID, CreateBy: "alice", Name: "sales",
		BeginTime: "2023-12-31T00:00:00Z", EndTime: "2024-01-31T00:00:00Z",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) != 20 {
		t.Fatalf("filtered: %d", len(some))
	}
	// One end of the window alone is not sent.
	env.seen = nil
	if _, err := env.client.ListRelations(testCtx(t), RelationQuery{Workspace: emulator.DemoDataArtsWorkspaceID, Name: "orders", BeginTime: "2024-01-01T00:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(env.seen[0], "begin_time") {
		t.Fatalf("a one-sided window was sent: %s", env.seen[0])
	}
}

func TestListNodeInstances_pagesTypedRows(t *testing.T) {
	env := newEmuEnv(t)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	end := time.Date(2024, 1, 12, 0, 0, 0, 0, time.UTC).UnixMilli()
	rows, err := env.client.ListNodeInstances(testCtx(t), NodeInstancesQuery{
		Instance: emulator.DemoDataArtsInstanceID, WorkspaceID: emulator.DemoDataArtsWorkspaceID,
		TaskID: "937987", JobName: "ETL_Job_dli2dws", StartMillis: start, EndMillis: end,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 241 || env.count("ShowInstanceInfos") != 3 {
		t.Fatalf("rows %d in %d calls, want 241 in 3 pages", len(rows), env.count("ShowInstanceInfos"))
	}
	if !strings.Contains(env.seen[0], "start_time=1704067200000") {
		t.Fatalf("start_time is not integer milliseconds: %s", env.seen[0])
	}
	if !slices.IsSortedFunc(rows, func(a, b NodeInstance) int { return int(a.PlanTime - b.PlanTime) }) || rows[0].PlanTime != flexInt(start) {
		t.Fatal("rows are not sorted by plan time")
	}
	last := rows[len(rows)-1]
	if last.Status != "running" || last.TaskRunningLogID != 126074594 || last.StartTime != 1704934916000 || last.FailCount != -1 ||
		!strings.Contains(last.RunningParam, "ETLJobRunner") {
		t.Fatalf("seed 002 row: %+v", last)
	}
}

// instancesServer answers ShowInstanceInfos with a fixed envelope.
func instancesServer(t *testing.T, envelope string) *Client {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(envelope))
	})
	return newTestClient(t, ts.URL, func(c *Config) { c.Endpoints[ServiceDataArts] = ts.URL })
}

func TestListNodeInstances_bodyForms(t *testing.T) {
	q := NodeInstancesQuery{Instance: "i", TaskID: "1", JobName: "j", StartMillis: 1, EndMillis: 2}
	body := func(s string) string {
		b, _ := json.Marshal(map[string]any{"status_code": 200, "body": s})
		return string(b)
	}

	// Epoch milliseconds as floats/exponents and strings decode exactly.
	c := instancesServer(t, body(`{"success":true,"total":1,"rows":[{"status":"success","planTime":1.705248e+12,"startTime":"1705248001000","endTime":1705248002000.0,"taskRunningLogId":7}]}`))
	rows, err := c.ListNodeInstances(testCtx(t), q)
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].PlanTime != 1705248000000 || rows[0].StartTime != 1705248001000 || rows[0].EndTime != 1705248002000 {
		t.Fatalf("times: %+v", rows[0])
	}

	for name, tc := range map[string]struct{ envelope, want string }{
		"not json":       {body(`{"rows": [`), "body field is not the expected JSON document"},
		"wrong type":     {body(`{"rows": [{"status": 5}]}`), "body field is not the expected JSON document"},
		"empty":          {body(""), "body is empty"},
		"success false":  {body(`{"success":false,"msg":"job not found"}`), "success=false: job not found"},
		"wrapped status": {`{"status_code":500,"body":"{\"msg\":\"scheduler down\"}"}`, "status_code 500: {\"msg\":\"scheduler down\"}"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := instancesServer(t, tc.envelope).ListNodeInstances(testCtx(t), q)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			var mb *MalformedBodyError
			if strings.Contains(tc.want, "JSON document") && !errors.As(err, &mb) {
				t.Fatalf("not a MalformedBodyError: %T", err)
			}
		})
	}
}

func TestFlexDecoding(t *testing.T) {
	for in, want := range map[string]int64{`1705248000000`: 1705248000000, `1.705248e+12`: 1705248000000, `"42"`: 42, `null`: 0, `-1`: -1, `12.0`: 12} {
		var f flexInt
		if err := json.Unmarshal([]byte(in), &f); err != nil || int64(f) != want {
			t.Errorf("flexInt(%s) = %d, %v; want %d", in, f, err, want)
		}
	}
	var f flexInt
	if json.Unmarshal([]byte(`"soon"`), &f) == nil {
		t.Error("flexInt accepted a word")
	}
	for in, want := range map[string]string{`"1225137038202957824"`: "1225137038202957824", `1225137038202957824`: "1225137038202957824", `null`: ""} {
		var s flexString
		if err := json.Unmarshal([]byte(in), &s); err != nil || string(s) != want {
			t.Errorf("flexString(%s) = %q, %v", in, s, err)
		}
	}
}
