package httpapi

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// §6.1–§6.5 through the SDK, incl. the sequence: create a queue, then scale it
// out at once (accepted; cuCount is the current count and reaches the target).
func TestSDKQueues(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	created := must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "SdkQueue", CuCount: 16, QueueType: ptr("general"), Description: ptr("sdk"),
		Tags: &[]model.Tag{{Key: "team", Value: "data"}},
	}}))
	if !*created.IsSuccess || *created.QueueName != "sdkqueue" {
		t.Fatalf("create: %+v", created)
	}
	// Scale out at once.
	acted := must[*model.RunQueueActionResponse](t, "RunQueueAction")(c.RunQueueAction(&model.RunQueueActionRequest{
		QueueName: "sdkqueue", Body: &model.RunQueueActionRequestBody{Action: "scale_out", CuCount: ptr(int32(16))}}))
	if !*acted.IsSuccess || !*acted.Result || *acted.QueueName != "sdkqueue" {
		t.Fatalf("scale right after create: %+v", acted)
	}
	shown := must[*model.ShowQueueResponse](t, "ShowQueue")(c.ShowQueue(&model.ShowQueueRequest{QueueName: "sdkqueue"}))
	if *shown.QueueName != "sdkqueue" || *shown.QueueType != "general" || *shown.CuCount != 16 || *shown.CuSpec != 16 ||
		*shown.Description != "sdk" || *shown.ResourceId == "" || *shown.CuScaleOutLimit != queueMaxCUs {
		t.Fatalf("show: %+v", shown)
	}
	s.emu.Advance(queueProvisionTime + queueScaleStepTime)
	if cu := *must[*model.ShowQueueResponse](t, "ShowQueue")(c.ShowQueue(&model.ShowQueueRequest{QueueName: "sdkqueue"})).CuCount; cu != 32 {
		t.Fatalf("cuCount after the scale %d, want 32", cu)
	}

	list := must[*model.ListQueuesResponse](t, "ListQueues")(c.ListQueues(&model.ListQueuesRequest{QueueType: ptr("all"), Tags: ptr("team=data")}))
	if len(*list.Queues) != 1 {
		t.Fatalf("list: %+v", list)
	}
	q := (*list.Queues)[0]
	if *q.QueueName != "sdkqueue" || *q.CuCount != 32 || q.QueueType.Value() != "general" || q.Engine.Value() != "spark" || *q.IsRestarting {
		t.Fatalf("list item: %+v", q)
	}
	// Errors surface as typed SDK errors with the documented codes.
	_, err := c.ShowQueue(&model.ShowQueueRequest{QueueName: "absent"})
	wantSDKError(t, err, "DLI.0002")
	_, err = c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "sdkqueue", CuCount: 16}})
	wantSDKError(t, err, "DLI.0006")

	// A SQL queue restarts once provisioned (§6.5), with a job id when forced.
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "sdk_sql", CuCount: 16}}))
	_, err = c.RunQueueAction(&model.RunQueueActionRequest{QueueName: "sdk_sql", Body: &model.RunQueueActionRequestBody{Action: "restart"}})
	wantSDKError(t, err, "DLI.0012")
	s.emu.Advance(queueProvisionTime)
	restarted := must[*model.RunQueueActionResponse](t, "RunQueueAction")(c.RunQueueAction(&model.RunQueueActionRequest{
		QueueName: "sdk_sql", Body: &model.RunQueueActionRequestBody{Action: "restart", Force: ptr(true)}}))
	if restarted.JobId == nil || *restarted.JobId == "" {
		t.Fatalf("forced restart: %+v", restarted)
	}

	del := must[*model.DeleteQueueResponse](t, "DeleteQueue")(c.DeleteQueue(&model.DeleteQueueRequest{QueueName: "sdk_sql"}))
	if !*del.IsSuccess {
		t.Fatalf("delete: %+v", del)
	}
	_, err = c.DeleteQueue(&model.DeleteQueueRequest{QueueName: "sdk_sql"})
	wantSDKError(t, err, "DLI.0002")
}

// dli-sdk-extras.md §2 through the SDK's property models.
func TestSDKQueueProperties(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "propq", CuCount: 16}}))
	empty := must[*model.ListQueuePropertiesResponse](t, "ListQueueProperties")(c.ListQueueProperties(&model.ListQueuePropertiesRequest{QueueName: "propq"}))
	if !*empty.IsSuccess || empty.Properties == nil || len(*empty.Properties) != 0 {
		t.Fatalf("no properties yet: %+v", empty)
	}
	must[*model.CreateQueuePropertyResponse](t, "CreateQueueProperty")(c.CreateQueueProperty(&model.CreateQueuePropertyRequest{
		QueueName: "propq", Body: &model.CreateQueuePropertyRequestBody{Properties: &model.CommonQueueProperty{
			ComputeEngineMaxInstance: ptr(int32(20)), JobMaxConcurrent: ptr(int32(8))}}}))
	must[*model.UpdateQueuePropertyResponse](t, "UpdateQueueProperty")(c.UpdateQueueProperty(&model.UpdateQueuePropertyRequest{
		QueueName: "propq", Body: &model.UpdateQueuePropertyRequestBody{Properties: &model.AdvancedQueueProperty{
			JobMaxConcurrent: ptr(int32(32)), ComputeEngineSparkNativeEnabled: ptr("true")}}}))
	must[*model.DeleteQueuePropertyResponse](t, "DeleteQueueProperty")(c.DeleteQueueProperty(&model.DeleteQueuePropertyRequest{
		QueueName: "propq", Body: &model.DeleteQueuePropertyRequestBody{Keys: []string{"computeEngine.maxInstance"}}}))
	got := must[*model.ListQueuePropertiesResponse](t, "ListQueueProperties")(c.ListQueueProperties(&model.ListQueuePropertiesRequest{QueueName: "propq"}))
	props := map[string]string{}
	for _, p := range *got.Properties {
		props[p.Key.Value()] = p.Value
	}
	if len(props) != 2 || props["job.maxConcurrent"] != "32" || props["computeEngine.spark.nativeEnabled"] != "true" {
		t.Fatalf("properties %v", props)
	}
}
