package httpapi

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
)

const (
	bulkPath      = "/v1/" + DemoProjectID + "/datamap/lineage/bulk"
	guidPath      = "/v2/" + DemoProjectID + "/datamap/lineage/guid/"
	relationPath  = "/v2/" + DemoProjectID + "/design/relation"
	instancesPath = "/v1/" + DemoProjectID + "/datamap/node/937987/instances"
)

var (
	instanceHdr  = map[string]string{"instance": DemoDataArtsInstanceID}
	workspaceHdr = map[string]string{"workspace": DemoDataArtsWorkspaceID}
)

// get sends a GET signed by the SDK, with extra headers; query keys may repeat.
func (env *testEnv) get(path string, query [][2]string, headers map[string]string) (int, []byte) {
	env.t.Helper()
	b := request.NewHttpRequestBuilder().WithEndpoint(env.srv.URL).WithPath(path).WithMethod("GET")
	multi := map[string][]string{}
	var keys []string
	for _, kv := range query {
		if _, ok := multi[kv[0]]; !ok {
			keys = append(keys, kv[0])
		}
		multi[kv[0]] = append(multi[kv[0]], kv[1])
	}
	for _, k := range keys {
		b.AddQueryParam(k, reflect.ValueOf(multi[k]))
	}
	for k, v := range headers {
		b.AddHeaderParam(k, v)
	}
	req := b.Build()
	signed, err := signer.Sign(req, DemoAccessKey, DemoSecretKey)
	if err != nil {
		env.t.Fatal(err)
	}
	for k, v := range signed {
		req.AddHeaderParam(k, v)
	}
	hr, err := req.ConvertRequest()
	if err != nil {
		env.t.Fatal(err)
	}
	status, data, _ := env.send(hr)
	return status, data
}

func (env *testEnv) getJSON(path string, query [][2]string, headers map[string]string, out any) {
	env.t.Helper()
	status, data := env.get(path, query, headers)
	if status != http.StatusOK {
		env.t.Fatalf("GET %s: %d %s", path, status, data)
	}
	if err := json.Unmarshal(data, out); err != nil {
		env.t.Fatalf("decode %s: %v", data, err)
	}
}

func (env *testEnv) getError(path string, query [][2]string, headers map[string]string, status int, code string) string {
	env.t.Helper()
	got, data := env.get(path, query, headers)
	var body map[string]any
	_ = json.Unmarshal(data, &body)
	msg, _ := body["error_msg"].(string)
	if got != status || body["error_code"] != code || msg == "" {
		env.t.Fatalf("GET %s %v: got %d %s, want %d %s", path, query, got, data, status, code)
	}
	return msg
}

type bulkPage struct {
	Total int              `json:"total"`
	Data  []map[string]any `json:"data"`
}

func TestDataArtsBulkLineage(t *testing.T) {
	env := newEnv(t, Options{})
	fx := env.emu.DataArtsFixture()
	operators := 0
	for _, a := range fx.Assets {
		if a.Kind == AssetNode {
			operators++
		}
	}
	if operators < 500 {
		t.Fatalf("default fixture has %d operators, want the generated graph's", operators)
	}
	var first bulkPage
	env.getJSON(bulkPath, [][2]string{{"offset", "0"}, {"limit", "2"}}, instanceHdr, &first)
	if first.Total != operators || len(first.Data) != 2 {
		t.Fatalf("first page: total %d rows %d, want total %d and seed 000's two operators' rows", first.Total, len(first.Data), operators)
	}
	row := first.Data[0]
	if row["source_table"] != "dli_01" || row["target_table"] != "dli_02" || row["node_name"] != "DLI_SQL_6038" ||
		row["source_type"] != "dli_table_managed" || row["node_type"] != "dli_sql_node" || row["source_schema"] != nil {
		t.Fatalf("seed 000 row: %v", row)
	}
	if first.Data[1]["target_schema"] != "public" {
		t.Fatalf("dws row has no schema: %v", first.Data[1])
	}
	// All pages together list every operator once.
	nodes := map[string]bool{}
	for off := 0; off < operators; off += 100 {
		var p bulkPage
		env.getJSON(bulkPath, [][2]string{{"offset", itoa(off)}}, instanceHdr, &p)
		for _, r := range p.Data {
			guid, ok := r["node_guid"].(string)
			if !ok {
				t.Fatalf("row without a node_guid string: %v", r)
			}
			nodes[guid] = true
		}
	}
	// The import node (no inputs) contributes no row: pages can hold fewer rows than operators.
	if len(nodes) != operators-1 {
		t.Fatalf("operators with rows over all pages: %d, want %d", len(nodes), operators-1)
	}
	var past bulkPage
	env.getJSON(bulkPath, [][2]string{{"offset", itoa(operators)}}, instanceHdr, &past)
	if len(past.Data) != 0 || past.Total != operators {
		t.Fatalf("past the end: %+v", past)
	}

	env.getError(bulkPath, nil, nil, 400, "DLS.1000")
	env.getError(bulkPath, nil, map[string]string{"instance": "other"}, 403, "DLS.1003")
	env.getError(bulkPath, [][2]string{{"limit", "0"}}, instanceHdr, 400, "DLS.1000")
}

func itoa(i int) string { return strconv.Itoa(i) }

type lineageResp struct {
	Total         int              `json:"total"`
	Relationships []map[string]any `json:"relationships"`
	Entities      []map[string]any `json:"entities"`
}

func relGUIDs(t *testing.T, r lineageResp) []string {
	t.Helper()
	var out []string
	for _, rel := range r.Relationships {
		ep1, ok1 := rel["ep1_id"].(string)
		ep2, ok2 := rel["ep2_id"].(string)
		if !ok1 || !ok2 {
			t.Fatalf("relationship without ep1_id and ep2_id strings: %v", rel)
		}
		out = append(out, ep1+">"+ep2)
	}
	sort.Strings(out)
	return out
}

func TestDataArtsAssetLineage(t *testing.T) {
	env := newEnv(t, Options{})
	t1, t2, t3, t4, t0 := GeneratedTableGUID(1), GeneratedTableGUID(2), GeneratedTableGUID(3), GeneratedTableGUID(4), GeneratedTableGUID(0)
	n1, n0 := GeneratedNodeGUID(1), GeneratedNodeGUID(0)

	var out lineageResp
	env.getJSON(guidPath+t1, [][2]string{{"direction", "OUT"}, {"relationship_type_categories", "DATA_FLOW"}}, instanceHdr, &out)
	// t1 is read by node 1, which writes t3, t4 and (i%10 == 1) t2.
	want := []string{n1 + ">" + t2, n1 + ">" + t3, n1 + ">" + t4, t1 + ">" + n1}
	sort.Strings(want)
	if got := relGUIDs(t, out); !reflect.DeepEqual(got, want) || out.Total != 4 {
		t.Fatalf("OUT of t1: %v (total %d), want %v", got, out.Total, want)
	}
	for _, r := range out.Relationships {
		if r["relation_type_name"] != "DATA_FLOW" || (r["direction"] != "IN" && r["direction"] != "OUT") {
			t.Fatalf("relationship %v", r)
		}
	}
	if len(out.Entities) != 5 {
		t.Fatalf("entities: %d, want the 5 endpoints", len(out.Entities))
	}

	env.getJSON(guidPath+t1, [][2]string{{"direction", "IN"}}, instanceHdr, &out)
	want = []string{n0 + ">" + t1, t0 + ">" + n0}
	sort.Strings(want)
	if got := relGUIDs(t, out); !reflect.DeepEqual(got, want) {
		t.Fatalf("IN of t1: %v, want %v", got, want)
	}
	// The cycle: node 5 writes t0 (its grandparent), so t0 has an upstream.
	env.getJSON(guidPath+t0, [][2]string{{"direction", "IN"}}, instanceHdr, &out)
	if got := relGUIDs(t, out); len(got) != 2 || !strings.Contains(strings.Join(got, " "), GeneratedNodeGUID(5)+">"+t0) {
		t.Fatalf("IN of t0: %v, want node 5's cycle edge", got)
	}

	// Seed 001's table: BOTH brings the structural PARENT_CHILD relationships and the job
	// link; the DATA_FLOW filter leaves only the data flow.
	wk02 := "0c0f000e-d7b2-4aab-956c-cdc8b07083c6"
	env.getJSON(guidPath+wk02, nil, instanceHdr, &out)
	cats := map[string]int{}
	for _, r := range out.Relationships {
		name, ok := r["relation_type_name"].(string)
		if !ok {
			t.Fatalf("relationship without a relation_type_name string: %v", r)
		}
		cats[name]++
	}
	if cats["PARENT_CHILD"] != 3 || cats["DATA_FLOW"] != 2 {
		t.Fatalf("BOTH of wk_02: %v", cats)
	}
	env.getJSON(guidPath+wk02, [][2]string{{"relationship_type_categories", "DATA_FLOW"}}, instanceHdr, &out)
	if len(out.Relationships) != 2 {
		t.Fatalf("DATA_FLOW of wk_02: %v", relGUIDs(t, out))
	}
	env.getJSON(guidPath+wk02, [][2]string{{"relationship_types", "dataasset.tables_schema,dataasset.tables_database"}}, instanceHdr, &out)
	if len(out.Relationships) != 2 {
		t.Fatalf("relationship_types filter: %v", relGUIDs(t, out))
	}
	env.getJSON(guidPath+t1, [][2]string{{"direction", "OUT"}, {"related_entity_types", "dws.Table"}}, instanceHdr, &out)
	if len(out.Relationships) != 1 { // only t1 -> node 1 survives; the dli.Table outputs are dropped
		t.Fatalf("related_entity_types filter: %v", relGUIDs(t, out))
	}

	env.getError(guidPath+t1, nil, nil, 400, "DLS.1000")
	env.getError(guidPath+t1, [][2]string{{"direction", "UP"}}, instanceHdr, 400, "DLS.1000")
	env.getError(guidPath+t1, [][2]string{{"include_parent_entity", "maybe"}}, instanceHdr, 400, "DLS.1000")
	env.getError(guidPath+"no-such-guid", nil, instanceHdr, 404, "DLS.4106")
}

type instancesResp struct {
	StatusCode int               `json:"status_code"`
	Body       string            `json:"body"`
	HeaderMap  map[string]string `json:"header_map"`
}

type instancesBody struct {
	Msg     string           `json:"msg"`
	Success bool             `json:"success"`
	Total   int              `json:"total"`
	Rows    []map[string]any `json:"rows"`
}

func TestDataArtsNodeInstances(t *testing.T) {
	env := newEnv(t, Options{})
	query := func(start, end, offset, limit string) [][2]string {
		return [][2]string{{"job_name", "ETL_Job_dli2dws"}, {"start_time", start}, {"end_time", end}, {"offset", offset}, {"limit", limit}}
	}
	// 2024-01-11T00:00Z .. 10:00Z, with the SDK's float form for start_time: only seed 002's
	// row (the generated hourly instances end on 2024-01-10T23:00Z).
	var resp instancesResp
	env.getJSON(instancesPath, query("1.7049312e+12", "1704967200000", "0", "10"), instanceHdr, &resp)
	if resp.StatusCode != 200 || resp.HeaderMap["Server"] == "" {
		t.Fatalf("envelope: %+v", resp)
	}
	var body instancesBody
	if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
		t.Fatalf("body is not a JSON string: %v", err)
	}
	if body.Total != 1 || len(body.Rows) != 1 || body.Rows[0]["status"] != "running" {
		t.Fatalf("seed row window: %+v", body)
	}
	// 2024-01-10T00:00Z .. 2024-01-11T12:00Z: 24 hourly instances and seed 002's row, newest
	// first; the third page of 10 has 5.
	env.getJSON(instancesPath, query("1704844800000", "1704974400000", "20", "10"), instanceHdr, &resp)
	_ = json.Unmarshal([]byte(resp.Body), &body)
	if body.Total != 25 || len(body.Rows) != 5 || !body.Success || rowPlanTime(body.Rows[4]) != 1704844800000 {
		t.Fatalf("third page: total %d rows %d", body.Total, len(body.Rows))
	}

	env.getError(instancesPath, query("1704931200000", "1705017600000", "0", "10")[1:], instanceHdr, 400, "DLS.1000")
	env.getError(instancesPath, query("1704931200000", "1705017600000", "0", "10")[:4], instanceHdr, 400, "DLS.1000")
	env.getError(instancesPath, query("1705017600000", "1704931200000", "0", "10"), instanceHdr, 400, "DLS.1000")
	env.getError(instancesPath, query("soon", "1704931200000", "0", "10"), instanceHdr, 400, "DLS.1000")
	env.getError(instancesPath, query("1704931200000", "1705017600000", "0", "10"), nil, 400, "DLS.1000")
}

type relationsResp struct {
	Data struct {
		Value struct {
			Total   int        `json:"total"`
			Records []Relation `json:"records"`
		} `json:"value"`
	} `json:"data"`
}

func TestDataArtsRelations(t *testing.T) {
	env := newEnv(t, Options{})
	var r relationsResp
	env.getJSON(relationPath, nil, workspaceHdr, &r)
	if r.Data.Value.Total != 234 || len(r.Data.Value.Records) != 50 {
		t.Fatalf("default page: total %d records %d", r.Data.Value.Total, len(r.Data.Value.Records))
	}
	seed := r.Data.Value.Records[0]
	if seed.ID != "1225137038202957824" || seed.Mappings[0].RelationID != seed.ID || seed.Role != nil {
		t.Fatalf("seed record: %+v", seed)
	}
	// The seed's own request (offset=1&limit=100) is rounded down to offset 0.
	env.getJSON(relationPath, [][2]string{{"offset", "1"}, {"limit", "100"}}, workspaceHdr, &r)
	if r.Data.Value.Records[0].ID != seed.ID || len(r.Data.Value.Records) != 100 {
		t.Fatalf("offset 1 is not rounded down")
	}
	env.getJSON(relationPath, [][2]string{{"offset", "230"}, {"limit", "100"}}, workspaceHdr, &r)
	if len(r.Data.Value.Records) != 34 {
		t.Fatalf("offset 230 rounds to 200: %d records", len(r.Data.Value.Records))
	}
	env.getJSON(relationPath, [][2]string{{"name", "ORDERS"}}, workspaceHdr, &r)
	if r.Data.Value.Total != 2 {
		t.Fatalf("name filter (case-insensitive substring): %d", r.Data.Value.Total)
	}
	env.getJSON(relationPath, [][2]string{{"create_by", "alice"}, {"name", "sales"}}, workspaceHdr, &r)
	if r.Data.Value.Total != 20 { // i%3 == 0 and i%4 == 0 among 230
		t.Fatalf("create_by+name: %d", r.Data.Value.Total)
	}
	window := [][2]string{{"begin_time", "2024-01-01T00:00:00+08:00"}, {"end_time", "2024-01-01T09:00:00Z"}}
	env.getJSON(relationPath, window, workspaceHdr, &r)
	if r.Data.Value.Total != 18 { // hours 0..17 in +08:00
		t.Fatalf("window: %d", r.Data.Value.Total)
	}
	env.getJSON(relationPath, window[:1], workspaceHdr, &r)
	if r.Data.Value.Total != 234 {
		t.Fatalf("a one-sided window must be ignored: %d", r.Data.Value.Total)
	}
	env.getError(relationPath, nil, nil, 400, "DS.6000")
	env.getError(relationPath, nil, map[string]string{"workspace": "nope"}, 403, "DS.6000")
	env.getError(relationPath, [][2]string{{"limit", "101"}}, workspaceHdr, 400, "DS.6000")
	env.getError(relationPath, [][2]string{{"begin_time", "yesterday"}, {"end_time", "2024-01-01T00:00:00Z"}}, workspaceHdr, 400, "DS.6000")
}

func TestDataArtsFixtureLoading(t *testing.T) {
	raw := "not json"
	fx := DataArtsFixture{
		Assets: []LineageAsset{
			{GUID: "a", TypeName: "dli.Table", Name: "a"},
			{GUID: "b", TypeName: "dli.Table", Name: "b"},
			{GUID: "n", TypeName: "dlf.dli_sql", Name: "n", Inputs: []string{"a"}, Outputs: []string{"b"}},
		},
		NodeTasks: []NodeTask{{TaskID: "1", JobName: "broken", RawBody: &raw}},
		Generate:  &GenerateSpec{LineageTables: 10},
	}
	data, _ := json.Marshal(fx)
	path := filepath.Join(t.TempDir(), "fx.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	env := newEnv(t, Options{DataArtsFixtures: path})
	// No instance_id in the fixture: any instance is accepted.
	var p bulkPage
	env.getJSON(bulkPath, nil, map[string]string{"instance": "anything"}, &p)
	if p.Total != 7 { // n + generated operators 0-4 (tree) and 5 (cycle to t0)
		t.Fatalf("file fixture: %d operators, want 1 + 6 generated", p.Total)
	}
	var resp instancesResp
	env.getJSON("/v1/"+DemoProjectID+"/datamap/node/1/instances",
		[][2]string{{"job_name", "broken"}, {"start_time", "0"}, {"end_time", "1"}, {"offset", "0"}, {"limit", "1"}},
		map[string]string{"instance": "x"}, &resp)
	if resp.Body != raw {
		t.Fatalf("raw body not served verbatim: %q", resp.Body)
	}

	// Admin: replace, read back, reject a bad one, restore the start fixture.
	if st := env.admin("PUT", "/_emulator/fixtures/dataarts", DataArtsFixture{InstanceID: "i2"}, nil); st != 200 {
		t.Fatalf("PUT fixture: %d", st)
	}
	env.getError(bulkPath, nil, map[string]string{"instance": "x"}, 403, "DLS.1003")
	var got DataArtsFixture
	env.admin("GET", "/_emulator/fixtures/dataarts", nil, &got)
	if got.InstanceID != "i2" {
		t.Fatalf("GET fixture: %+v", got)
	}
	bad := DataArtsFixture{Assets: []LineageAsset{{GUID: "n", TypeName: "x", Inputs: []string{"missing"}}}}
	if st := env.admin("PUT", "/_emulator/fixtures/dataarts", bad, nil); st != 400 {
		t.Fatalf("a dangling input must be rejected, got %d", st)
	}
	env.admin("POST", "/_emulator/reset", nil, nil)
	env.getJSON(bulkPath, nil, map[string]string{"instance": "x"}, &p)
	if p.Total != 7 {
		t.Fatalf("reset must restore the start fixture: %d", p.Total)
	}
	if _, err := New(Options{DataArtsFixtures: filepath.Join(t.TempDir(), "missing.json")}); err == nil {
		t.Fatal("a missing fixture file must fail New")
	}
}
