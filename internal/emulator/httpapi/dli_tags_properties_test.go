package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

const v3Prefix = "/v3/" + DemoProjectID

// dli-sdk-extras.md §2 (model_list_queue_properties_response.go, model_queue_property.go):
// properties are {key, value} with string values, maxInstance read back as maxInstances.
func TestQueueProperties(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("props", 16, "sql")
	var list model.ListQueuePropertiesResponse
	env.must("GET", v3Prefix+"/queues/props/properties", nil, nil, &list)
	if list.Properties == nil || len(*list.Properties) != 0 || !*list.IsSuccess {
		t.Fatalf("a queue without properties: %+v", list)
	}
	env.must("POST", v3Prefix+"/queues/props/properties", nil, map[string]any{"properties": map[string]any{
		"computeEngine.maxInstance": 20, "job.maxConcurrent": "32"}}, nil)
	env.must("PUT", v3Prefix+"/queues/props/properties", nil, map[string]any{"properties": map[string]any{
		"job.saveJobResultToJobBucket": "true", "network.cidrInVpc": "10.0.0.0/24"}}, nil)
	env.must("GET", v3Prefix+"/queues/props/properties", nil, nil, &list)
	got := map[string]string{}
	for _, p := range *list.Properties {
		got[p.Key.Value()] = p.Value
	}
	want := map[string]string{"computeEngine.maxInstances": "20", "job.maxConcurrent": "32", "job.saveJobResultToJobBucket": "true"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("properties %v, want %v", got, want)
	}
	env.must("DELETE", v3Prefix+"/queues/props/properties", nil, map[string]any{"keys": []string{"computeEngine.maxInstance"}}, nil)
	env.must("GET", v3Prefix+"/queues/props/properties", nil, nil, &list)
	if len(*list.Properties) != 2 {
		t.Fatalf("after delete: %+v", list)
	}
	env.wantError("DELETE", v3Prefix+"/queues/props/properties", nil, map[string]any{"keys": []string{"job.saveJobResultToJobBucket"}}, 400, "DLI.0001")
	env.wantError("POST", v3Prefix+"/queues/props/properties", nil, map[string]any{"properties": map[string]any{"job.maxConcurrent": -1}}, 400, "DLI.0001")
	env.wantError("POST", v3Prefix+"/queues/props/properties", nil, map[string]any{"properties": map[string]any{"network.cidrInVpc": "x"}}, 400, "DLI.0001")
	env.wantError("GET", v3Prefix+"/queues/nope/properties", nil, nil, 400, "DLI.0002")

	// Region tests: the API can be made unpublished, as the incumbent saw in one region.
	env.emu.SetUnpublished("ListQueueProperties")
	env.wantError("GET", v3Prefix+"/queues/props/properties", nil, nil, 404, "APIGW.0101")
}

// dli-sdk-extras.md §11: GET /v3/{project_id}/{resource_type}/{resource_id}/tags, which the
// incumbent calls for dli_flink_job with the numeric job id.
func TestResourceTags(t *testing.T) {
	env := newEnv(t, Options{})
	id := env.createFlinkJob(map[string]any{"name": "tagged", "sql_body": flinkSQL, "tags": []map[string]string{{"key": "a", "value": "1"}}})
	path := fmt.Sprintf("%s/dli_flink_job/%d/tags", v3Prefix, id)
	var show model.ShowResourceTagsResponse
	env.must("GET", path, nil, nil, &show)
	if *show.Count != 1 || (*show.Tags)[0].Key != "a" || (*show.Tags)[0].Value != "1" {
		t.Fatalf("tags %+v", show)
	}
	create := env.signedRequest("POST", path+"/create", nil, map[string]any{"tags": []map[string]string{{"key": "a", "value": "2"}, {"key": "b", "value": "3"}}}, DemoAccessKey, DemoSecretKey)
	if st, body, _ := env.send(create); st != http.StatusNoContent || len(body) != 0 {
		t.Fatalf("create tags: %d %s", st, body)
	}
	env.must("GET", path, nil, nil, &show)
	data, _ := json.Marshal(show.Tags)
	if string(data) != `[{"key":"a","value":"2"},{"key":"b","value":"3"}]` {
		t.Fatalf("after create: %s", data)
	}
	del := env.signedRequest("POST", path+"/delete", nil, map[string]any{"tags": []map[string]string{{"key": "a", "value": "2"}}}, DemoAccessKey, DemoSecretKey)
	if st, _, _ := env.send(del); st != http.StatusNoContent {
		t.Fatalf("delete tags: %d", st)
	}
	env.must("GET", path, nil, nil, &show)
	if *show.Count != 1 || (*show.Tags)[0].Key != "b" {
		t.Fatalf("after delete %+v", show)
	}

	env.createQueue("tq", 16, "sql")
	env.must("GET", v3Prefix+"/dli_queue/tq/tags", nil, nil, &show)
	if *show.Count != 0 || show.Tags == nil {
		t.Fatalf("queue tags %+v", show)
	}
	env.wantError("GET", v3Prefix+"/dli_table/x/tags", nil, nil, 400, "DLI.0001")
	env.wantError("GET", v3Prefix+"/dli_database/nope/tags", nil, nil, 400, "DLI.0002")
	env.must("DELETE", fmt.Sprintf("%s/streaming/jobs/%d", testPrefix, id), nil, nil, nil)
	env.wantError("GET", path, nil, nil, 400, "DLI.16001")
}
