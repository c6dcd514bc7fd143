package httpapi

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

func TestCreateQueueValidation(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("existing", 16, "sql")
	long := strings.Repeat("a", 129)
	tests := []struct {
		name  string
		body  any
		code  string
		field string // expected in error_msg
	}{
		{"empty body", nil, "DLI.0001", ""},
		{"not an object", []int{1}, "DLI.0001", ""},
		{"missing name", map[string]any{"cu_count": 16}, "DLI.0001", "queue_name"},
		{"empty name", map[string]any{"queue_name": "", "cu_count": 16}, "DLI.0001", "queue_name"},
		{"name too long", map[string]any{"queue_name": long, "cu_count": 16}, "DLI.0001", "queue_name"},
		{"name all digits", map[string]any{"queue_name": "12345", "cu_count": 16}, "DLI.0001", "queue_name"},
		{"name leading underscore", map[string]any{"queue_name": "_q", "cu_count": 16}, "DLI.0001", "queue_name"},
		{"name bad char", map[string]any{"queue_name": "q-1", "cu_count": 16}, "DLI.0001", "queue_name"},
		{"name wrong type", map[string]any{"queue_name": 5, "cu_count": 16}, "DLI.0001", "queue_name"},
		{"duplicate case-insensitive", map[string]any{"queue_name": "EXISTING", "cu_count": 16}, "DLI.0006", "already exists"},
		{"bad queue_type", map[string]any{"queue_name": "q", "cu_count": 16, "queue_type": "spark"}, "DLI.0001", "queue_type"},
		{"missing cu_count", map[string]any{"queue_name": "q"}, "DLI.0001", "cu_count"},
		{"bad cu_count", map[string]any{"queue_name": "q", "cu_count": 32}, "DLI.0001", "cu_count"},
		{"cu_count string", map[string]any{"queue_name": "q", "cu_count": "16"}, "DLI.0001", "cu_count"},
		{"bad resource_mode", map[string]any{"queue_name": "q", "cu_count": 16, "resource_mode": 2}, "DLI.0001", "resource_mode"},
		{"bad platform", map[string]any{"queue_name": "q", "cu_count": 16, "platform": "arm"}, "DLI.0001", "platform"},
		{"bad label", map[string]any{"queue_name": "q", "cu_count": 16, "labels": []string{"multi_az=3"}}, "DLI.0001", "labels"},
		{"tag without key", map[string]any{"queue_name": "q", "cu_count": 16, "tags": []map[string]string{{"value": "v"}}}, "DLI.0001", "tags[0].key"},
		{"tag without value", map[string]any{"queue_name": "q", "cu_count": 16, "tags": []map[string]string{{"key": "k"}}}, "DLI.0001", "tags[0].value"},
		{"bad charging_mode", map[string]any{"queue_name": "q", "cu_count": 16, "charging_mode": 2}, "DLI.0001", "charging_mode"},
		{"bad feature", map[string]any{"queue_name": "q", "cu_count": 16, "feature": "gpu"}, "DLI.0001", "feature"},
		{"bad engine", map[string]any{"queue_name": "q", "cu_count": 16, "engine": "flink"}, "DLI.0001", "engine"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := env.wantError("POST", testPrefix+"/queues", nil, tc.body, 400, tc.code)
			if !strings.Contains(e.Msg, tc.field) {
				t.Errorf("message %q does not name %q", e.Msg, tc.field)
			}
		})
	}
	t.Run("malformed JSON", func(t *testing.T) {
		env.wantError("POST", testPrefix+"/queues", nil, `{"queue_name":`, 400, "DLI.0001")
	})
}

func TestCreateQueueDefaultsAndSDKFields(t *testing.T) {
	env := newEnv(t, Options{})
	// The queue is created in an available pool (dli-sdk-extras.md §1.9).
	env.must("POST", "/v3/"+DemoProjectID+"/elastic-resource-pools", nil, map[string]any{
		"elastic_resource_pool_name": "pool", "min_cu": 64, "max_cu": 64}, nil)
	env.emu.Advance(poolProvisionTime)
	var created model.CreateQueueResponse
	env.must("POST", testPrefix+"/queues", nil, map[string]any{
		"queue_name": "MyQueue", "cu_count": 64, "description": "d", "labels": []string{"multi_az=2"},
		"tags": []map[string]string{{"key": "env", "value": "dev"}}, "charging_mode": 1, "feature": "basic",
		"engine": "spark", "elastic_resource_pool_name": "pool", "properties": map[string]string{"computeEngine.spark.nativeEnabled": "true"},
	}, &created)
	if created.QueueName == nil || *created.QueueName != "myqueue" || created.IsSuccess == nil || !*created.IsSuccess {
		t.Fatalf("create response %v", created)
	}
	var list model.ListQueuesResponse
	env.must("GET", testPrefix+"/queues", nil, nil, &list)
	if list.Queues == nil || len(*list.Queues) != 1 {
		t.Fatalf("list %v", list)
	}
	q := (*list.Queues)[0]
	if *q.QueueName != "myqueue" || q.QueueType.Value() != "sql" || *q.Platform != "x86_64" || *q.ResourceMode != 0 ||
		*q.EnterpriseProjectId != "0" || *q.Owner != "demo_user" || *q.Labels != "multi_az=2" || *q.CuSpec != 64 ||
		*q.IsRestarting || len(*q.ResourceId) != 36 || *q.CreateTime <= 0 || *q.CuScaleInLimit != 16 || *q.CuScaleOutLimit != 4096 {
		t.Fatalf("defaults wrong: %v", q)
	}
}

func TestShowQueueCamelCase(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("camel", 16, "general")
	status, data := env.do("GET", testPrefix+"/queues/CAMEL", nil, nil)
	if status != 200 {
		t.Fatalf("status %d %s", status, data)
	}
	var raw map[string]any
	_ = json.Unmarshal(data, &raw)
	for _, k := range []string{"queueName", "queueType", "cuCount", "chargingMode", "create_time", "resource_id", "cu_spec", "owner", "is_success"} {
		if _, found := raw[k]; !found {
			t.Errorf("detail lacks %q: %s", k, data)
		}
	}
	for _, k := range []string{"queue_name", "queue_type", "cu_count"} {
		if _, found := raw[k]; found {
			t.Errorf("detail has snake_case %q", k)
		}
	}
	var show model.ShowQueueResponse
	_ = json.Unmarshal(data, &show)
	if *show.QueueName != "camel" || *show.QueueType != "general" || *show.CuCount != 16 || *show.CuSpec != 16 {
		t.Fatalf("show %v", show)
	}
	env.wantError("GET", testPrefix+"/queues/absent", nil, nil, 400, "DLI.0002")
}

func TestListQueuesFilterPagingOrder(t *testing.T) {
	env := newEnv(t, Options{})
	for _, q := range []struct {
		name string
		cu   int
		typ  string
	}{{"b_sql", 64, "sql"}, {"a_sql", 256, "sql"}, {"c_sql", 16, "sql"}, {"d_gen", 16, "general"}} {
		env.createQueue(q.name, q.cu, q.typ)
	}
	env.must("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": "e_tag", "cu_count": 16,
		"tags": []map[string]string{{"key": "k1", "value": "v1"}, {"key": "k2", "value": "v2"}}}, nil)
	env.emu.Advance(queueProvisionTime)

	names := func(query map[string]string) string {
		t.Helper()
		var list model.ListQueuesResponse
		env.must("GET", testPrefix+"/queues", query, nil, &list)
		var out []string
		for _, q := range *list.Queues {
			out = append(out, *q.QueueName)
		}
		return strings.Join(out, ",")
	}
	tests := []struct {
		query map[string]string
		want  string
	}{
		{nil, "a_sql,b_sql,c_sql,e_tag"},
		{map[string]string{"queue_type": "general"}, "d_gen"},
		{map[string]string{"queue_type": "all"}, "a_sql,b_sql,c_sql,d_gen,e_tag"},
		{map[string]string{"queue_type": "all", "order": "queue_name_desc"}, "e_tag,d_gen,c_sql,b_sql,a_sql"},
		{map[string]string{"queue_type": "all", "order": "cu_asc"}, "c_sql,d_gen,e_tag,b_sql,a_sql"},
		{map[string]string{"queue_type": "all", "order": "cu_desc"}, "a_sql,b_sql,c_sql,d_gen,e_tag"},
		{map[string]string{"queue_type": "all", "page-size": "2"}, "a_sql,b_sql"},
		{map[string]string{"queue_type": "all", "page-size": "2", "current-page": "3"}, "e_tag"},
		{map[string]string{"queue_type": "all", "page-size": "2", "current-page": "4"}, ""},
		{map[string]string{"queue_type": "all", "tags": "k1=v1,k2=v2"}, "e_tag"},
		{map[string]string{"queue_type": "all", "tags": "k1=v2"}, ""},
	}
	for _, tc := range tests {
		if got := names(tc.query); got != tc.want {
			t.Errorf("query %v: got %q, want %q", tc.query, got, tc.want)
		}
	}
	for _, q := range []map[string]string{{"queue_type": "spark"}, {"page-size": "0"}, {"current-page": "x"}, {"order": "size"}, {"tags": "novalue"}} {
		env.wantError("GET", testPrefix+"/queues", q, nil, 400, "DLI.0001")
	}
	// Booleans are real JSON booleans.
	_, data := env.do("GET", testPrefix+"/queues", nil, nil)
	if !strings.Contains(string(data), `"is_success":true`) || !strings.Contains(string(data), `"is_restarting":false`) {
		t.Fatalf("booleans not JSON booleans: %s", data)
	}
}

func showCU(t *testing.T, env *testEnv, name string) int {
	t.Helper()
	var show model.ShowQueueResponse
	env.must("GET", testPrefix+"/queues/"+name, nil, nil, &show)
	return int(*show.CuCount)
}

func TestQueueProvisioningAndScaling(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("scaler", 16, "sql")
	// §6.4: cuCount is the current CU count; a created queue has its CUs at once.
	if cu := showCU(t, env, "scaler"); cu != 16 {
		t.Fatalf("new queue cuCount %d, want 16", cu)
	}
	scale := func(action string, cu any) (int, []byte) {
		return env.do("PUT", testPrefix+"/queues/scaler/action", nil, map[string]any{"action": action, "cu_count": cu})
	}
	// §6.5 lets only an available queue restart; a new one is not yet.
	env.wantError("PUT", testPrefix+"/queues/scaler/action", nil, map[string]any{"action": "restart"}, 400, "DLI.0012")

	env.emu.Advance(queueProvisionTime)
	var resp model.RunQueueActionResponse
	env.must("PUT", testPrefix+"/queues/scaler/action", nil, map[string]any{"action": "scale_out", "cu_count": 48}, &resp)
	if !*resp.IsSuccess || !*resp.Result || *resp.QueueName != "scaler" || resp.Message == nil {
		t.Fatalf("scale response %v", resp)
	}
	env.emu.Advance(queueScaleStepTime)
	if cu := showCU(t, env, "scaler"); cu != 32 {
		t.Fatalf("intermediate cuCount %d, want 32", cu)
	}
	// A new scale and delete are refused while scaling.
	env.wantError("PUT", testPrefix+"/queues/scaler/action", nil, map[string]any{"action": "scale_in", "cu_count": 16}, 400, "DLI.0012")
	env.wantError("DELETE", testPrefix+"/queues/scaler", nil, nil, 400, "DLI.0012")
	env.emu.Advance(2 * queueScaleStepTime)
	if cu := showCU(t, env, "scaler"); cu != 64 {
		t.Fatalf("final cuCount %d, want 64", cu)
	}
	// Scale in below 16, bad deltas.
	for _, bad := range []any{0, 20, -16, "x", nil} {
		if status, data := scale("scale_in", bad); status != 400 || !strings.Contains(string(data), "DLI.0001") {
			t.Errorf("scale_in %v: %d %s", bad, status, data)
		}
	}
	env.wantError("PUT", testPrefix+"/queues/scaler/action", nil, map[string]any{"action": "scale_in", "cu_count": 64}, 400, "DLI.0001")
	env.must("PUT", testPrefix+"/queues/scaler/action", nil, map[string]any{"action": "scale_in", "cu_count": 48}, nil)
	env.emu.Advance(30 * time.Second)
	if cu := showCU(t, env, "scaler"); cu != 48 {
		t.Fatalf("scale-in intermediate cuCount %d, want 48", cu)
	}
	env.emu.Advance(60 * time.Second)
	if cu := showCU(t, env, "scaler"); cu != 16 {
		t.Fatalf("scale-in final cuCount %d, want 16", cu)
	}
	env.wantError("PUT", testPrefix+"/queues/scaler/action", nil, map[string]any{"action": "explode"}, 400, "DLI.0001")
	env.wantError("PUT", testPrefix+"/queues/absent/action", nil, map[string]any{"action": "restart"}, 400, "DLI.0002")
	env.must("DELETE", testPrefix+"/queues/scaler", nil, nil, nil)
	env.wantError("GET", testPrefix+"/queues/scaler", nil, nil, 400, "DLI.0002")
	env.wantError("DELETE", testPrefix+"/queues/scaler", nil, nil, 400, "DLI.0002")
}

func TestQueueRestart(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("sqlq", 16, "sql")
	env.createQueue("genq", 16, "general")
	env.emu.Advance(queueProvisionTime)
	env.wantError("PUT", testPrefix+"/queues/genq/action", nil, map[string]any{"action": "restart"}, 400, "DLI.0007")
	for _, force := range []any{false, "false", nil} {
		var resp model.RunQueueActionResponse
		body := map[string]any{"action": "restart"}
		if force != nil {
			body["force"] = force
		}
		env.must("PUT", testPrefix+"/queues/sqlq/action", nil, body, &resp)
		if !*resp.IsSuccess || *resp.Message != "Restart success" || resp.JobId != nil {
			t.Fatalf("force=%v: %v", force, resp)
		}
	}
	for _, force := range []any{true, "true"} {
		var resp model.RunQueueActionResponse
		env.must("PUT", testPrefix+"/queues/sqlq/action", nil, map[string]any{"action": "restart", "force": force}, &resp)
		if !*resp.IsSuccess || resp.JobId == nil || len(*resp.JobId) != 36 {
			t.Fatalf("force=%v: %v", force, resp)
		}
	}
	env.wantError("PUT", testPrefix+"/queues/sqlq/action", nil, map[string]any{"action": "restart", "force": "yes"}, 400, "DLI.0001")
}
