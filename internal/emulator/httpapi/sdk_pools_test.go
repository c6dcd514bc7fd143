package httpapi

import (
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// dli-sdk-extras.md §1 through the SDK: a pool is CREATING, then AVAILABLE; queues join
// it (created inside it, or associated) with a default policy; policies are replaced
// whole and checked against the pool; a CU change scales the pool and leaves a record;
// a pool with queues cannot be deleted.
func TestSDKElasticResourcePools(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	created := must[*model.CreateElasticResourcePoolResponse](t, "CreateElasticResourcePool")(c.CreateElasticResourcePool(
		&model.CreateElasticResourcePoolRequest{Body: &model.CreateElasticResourcePoolRequestBody{
			ElasticResourcePoolName: "SDK_Pool", MinCu: 64, MaxCu: 128, Description: ptr("etl"), ChargingMode: ptr(int32(1)),
			Tags: &[]model.Tag{{Key: "team", Value: "data"}},
		}}))
	if !*created.IsSuccess || *created.ElasticResourcePoolName != "sdk_pool" {
		t.Fatalf("create: %+v", created)
	}
	list := func(name string) model.ElasticResourcePool {
		t.Helper()
		out := must[*model.ListElasticResourcePoolsResponse](t, "ListElasticResourcePools")(c.ListElasticResourcePools(
			&model.ListElasticResourcePoolsRequest{Name: ptr(name), Limit: ptr(int32(100))}))
		if *out.Count != 1 || len(*out.ElasticResourcePools) != 1 {
			t.Fatalf("list %s: %+v", name, out)
		}
		return (*out.ElasticResourcePools)[0]
	}
	if p := list("sdk_"); *p.Status != "CREATING" || *p.ActualCu != 0 || *p.CidrInVpc != "172.16.0.0/12" || *p.Id == 0 || *p.ResourceId == "" {
		t.Fatalf("new pool: %+v", p)
	}
	// The pool's tags are read through the tag API by resource_id (§11).
	tags := must[*model.ShowResourceTagsResponse](t, "ShowResourceTags")(c.ShowResourceTags(&model.ShowResourceTagsRequest{
		ResourceType: model.GetShowResourceTagsRequestResourceTypeEnum().DLI_ELASTIC_RESOURCE_POOL, ResourceId: *list("sdk_pool").ResourceId}))
	if *tags.Count != 1 || (*tags.Tags)[0].Key != "team" || (*tags.Tags)[0].Value != "data" {
		t.Fatalf("pool tags: %+v", tags)
	}
	_, err := c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "early", CuCount: 16, ElasticResourcePoolName: ptr("sdk_pool")}})
	wantSDKError(t, err, "DLI.0012") // not available yet
	s.emu.Advance(poolProvisionTime)
	if p := list("sdk_pool"); *p.Status != "AVAILABLE" || *p.ActualCu != 64 || *p.MinCu != 64 || *p.MaxCu != 128 {
		t.Fatalf("available pool: %+v", p)
	}

	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "etl", CuCount: 16, ElasticResourcePoolName: ptr("sdk_pool")}}))
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "bi", CuCount: 16}}))
	must[*model.AssociateQueueToElasticResourcePoolResponse](t, "AssociateQueueToElasticResourcePool")(c.AssociateQueueToElasticResourcePool(
		&model.AssociateQueueToElasticResourcePoolRequest{ElasticResourcePoolName: "sdk_pool",
			Body: &model.AssociateQueueToElasticResourcePoolRequestBody{QueueName: "bi"}}))
	if p := list("sdk_pool"); len(*p.Queues) != 2 || (*p.Queues)[0] != "bi" {
		t.Fatalf("pool queues: %+v", p.Queues)
	}

	policies := []model.QueueScalingPolicy{
		{Priority: 1, ImpactStartTime: "00:00", ImpactStopTime: "24:00", MinCu: 16, MaxCu: 32},
		{Priority: 50, ImpactStartTime: "08:00", ImpactStopTime: "20:00", MinCu: 32, MaxCu: 64},
	}
	must[*model.UpdateElasticResourcePoolQueueResponse](t, "UpdateElasticResourcePoolQueue")(c.UpdateElasticResourcePoolQueue(
		&model.UpdateElasticResourcePoolQueueRequest{ElasticResourcePoolName: "sdk_pool", QueueName: "etl",
			Body: &model.UpdateElasticResourcePoolQueueRequestBody{QueueScalingPolicies: policies}}))
	queues := must[*model.ListElasticResourcePoolQueuesResponse](t, "ListElasticResourcePoolQueues")(c.ListElasticResourcePoolQueues(
		&model.ListElasticResourcePoolQueuesRequest{ElasticResourcePoolName: "sdk_pool", QueueName: ptr("etl")}))
	if *queues.Count != 1 || len(*(*queues.Queues)[0].QueueScalingPolicies) != 2 || (*(*queues.Queues)[0].QueueScalingPolicies)[1].MaxCu != 64 {
		t.Fatalf("pool queue etl: %+v", queues)
	}
	// Without a default policy, or beyond the pool's max_cu: refused.
	_, err = c.UpdateElasticResourcePoolQueue(&model.UpdateElasticResourcePoolQueueRequest{ElasticResourcePoolName: "sdk_pool", QueueName: "etl",
		Body: &model.UpdateElasticResourcePoolQueueRequestBody{QueueScalingPolicies: policies[1:]}})
	wantSDKError(t, err, "DLI.0001")
	_, err = c.UpdateElasticResourcePoolQueue(&model.UpdateElasticResourcePoolQueueRequest{ElasticResourcePoolName: "sdk_pool", QueueName: "etl",
		Body: &model.UpdateElasticResourcePoolQueueRequestBody{QueueScalingPolicies: []model.QueueScalingPolicy{
			{Priority: 1, ImpactStartTime: "00:00", ImpactStopTime: "24:00", MinCu: 16, MaxCu: 256}}}})
	wantSDKError(t, err, "DLI.0001")

	// Scaling: SCALING, then AVAILABLE with a record; max_cu below a queue's max is refused.
	_, err = c.UpdateElasticResourcePool(&model.UpdateElasticResourcePoolRequest{ElasticResourcePoolName: "sdk_pool",
		Body: &model.UpdateElasticResourcePoolRequestBody{MinCu: ptr(int32(16))}})
	wantSDKError(t, err, "DLI.0001") // below the sum of the queues' min CUs (and the edition's range)
	must[*model.UpdateElasticResourcePoolResponse](t, "UpdateElasticResourcePool")(c.UpdateElasticResourcePool(&model.UpdateElasticResourcePoolRequest{
		ElasticResourcePoolName: "sdk_pool", Body: &model.UpdateElasticResourcePoolRequestBody{MinCu: ptr(int32(128)), MaxCu: ptr(int32(256)), Description: ptr("etl and bi")}}))
	if p := list("sdk_pool"); *p.Status != "SCALING" || *p.ActualCu != 64 || *p.MinCu != 128 || *p.Description != "etl and bi" {
		t.Fatalf("scaling pool: %+v", p)
	}
	s.emu.Advance(poolScaleTime)
	if p := list("sdk_pool"); *p.Status != "AVAILABLE" || *p.ActualCu != 128 {
		t.Fatalf("scaled pool: %+v", p)
	}
	records := must[*model.ListElasticResourcePoolScaleRecordsResponse](t, "ListElasticResourcePoolScaleRecords")(c.ListElasticResourcePoolScaleRecords(
		&model.ListElasticResourcePoolScaleRecordsRequest{ElasticResourcePoolName: "sdk_pool"}))
	if *records.Count != 1 || (*records.Items)[0].OriginCu != 64 || (*records.Items)[0].TargetCu != 128 || (*records.Items)[0].Status != "success" {
		t.Fatalf("scale records: %+v", records)
	}

	_, err = c.DeleteElasticResourcePool(&model.DeleteElasticResourcePoolRequest{ElasticResourcePoolName: "sdk_pool"})
	wantSDKError(t, err, "DLI.0007")
	for _, q := range []string{"etl", "bi"} {
		must[*model.DeleteQueueResponse](t, "DeleteQueue")(c.DeleteQueue(&model.DeleteQueueRequest{QueueName: q}))
	}
	must[*model.DeleteElasticResourcePoolResponse](t, "DeleteElasticResourcePool")(c.DeleteElasticResourcePool(
		&model.DeleteElasticResourcePoolRequest{ElasticResourcePoolName: "sdk_pool"}))
	_, err = c.DeleteElasticResourcePool(&model.DeleteElasticResourcePoolRequest{ElasticResourcePoolName: "sdk_pool"})
	wantSDKError(t, err, "DLI.0002")

	// The hook: a pool whose provisioning fails reports FAILED with the reason.
	s.emu.FailPoolsNamed("doomed", "insufficient resources in the AZ")
	must[*model.CreateElasticResourcePoolResponse](t, "CreateElasticResourcePool")(c.CreateElasticResourcePool(
		&model.CreateElasticResourcePoolRequest{Body: &model.CreateElasticResourcePoolRequestBody{ElasticResourcePoolName: "doomed", MinCu: 64, MaxCu: 64}}))
	s.emu.Advance(poolProvisionTime)
	if p := list("doomed"); *p.Status != "FAILED" || *p.FailReason != "insufficient resources in the AZ" {
		t.Fatalf("failed pool: %+v", p)
	}
	_, err = c.CreateElasticResourcePool(&model.CreateElasticResourcePoolRequest{Body: &model.CreateElasticResourcePoolRequestBody{
		ElasticResourcePoolName: "bad", MinCu: 16, MaxCu: 64}})
	wantSDKError(t, err, "DLI.0001") // standard edition: 64-32000
	must[*model.CreateElasticResourcePoolResponse](t, "CreateElasticResourcePool")(c.CreateElasticResourcePool(
		&model.CreateElasticResourcePoolRequest{Body: &model.CreateElasticResourcePoolRequestBody{ElasticResourcePoolName: "basic", MinCu: 16, MaxCu: 64,
			Label: map[string]string{"spec": "basic"}}}))
	_, err = c.CreateElasticResourcePool(&model.CreateElasticResourcePoolRequest{Body: &model.CreateElasticResourcePoolRequestBody{
		ElasticResourcePoolName: "Basic", MinCu: 16, MaxCu: 64, Label: map[string]string{"spec": "basic"}}})
	wantSDKError(t, err, "DLI.0006")
}

// The pool's current_cu follows its queues' active policies on the emulated clock (UTC).
func TestPoolPoliciesFollowTheClock(t *testing.T) {
	proj := store.NewState().Project(DemoProjectID)
	pl := &store.Pool{Name: "clock_pool", MinCU: 64, MaxCU: 128}
	if err := proj.AddPool(pl, 1); err != nil {
		t.Fatal(err)
	}
	night := time.Date(2026, 12, 1, 1, 30, 0, 0, time.UTC).UnixMilli()
	day := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC).UnixMilli()
	q := &store.Queue{Name: "clock_q", CUSpec: 16}
	proj.Queues[q.Name] = q
	if err := proj.PlaceQueue(pl, q, night); err != nil {
		t.Fatal(err)
	}
	if err := proj.SetPolicies(pl, q, []store.ScalingPolicy{store.DefaultPolicy(16), {Priority: 50, Start: "08:00", Stop: "20:00", MinCU: 32, MaxCU: 64}}); err != nil {
		t.Fatal(err)
	}
	if n, d := poolItemOf(proj, pl, night).CurrentCU, poolItemOf(proj, pl, day).CurrentCU; n != 16 || d != 32 {
		t.Fatalf("current_cu %d at night and %d by day, want 16 and 32", n, d)
	}
}
