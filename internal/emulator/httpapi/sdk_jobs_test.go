package httpapi

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// §10 through the SDK (Livy-style camelCase body), incl. the sequence: create a
// Spark batch on a queue created a moment ago (accepted; it starts once provisioned).
func TestSDKSparkBatches(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "spark_fresh", CuCount: 16, QueueType: ptr("general")}}))
	created := must[*model.CreateSparkJobResponse](t, "CreateSparkJob")(c.CreateSparkJob(&model.CreateSparkJobRequest{Body: &model.CreateSparkJobRequestBody{
		File: "obs://bucket/app.jar", ClassName: "com.example.Main", Queue: ptr("spark_fresh"), Name: ptr("sdk_batch"),
		Args: &[]string{"a"}, DriverMemory: ptr("1G"), NumExecutors: ptr(int32(2)),
	}}))
	if *created.State != batchStarting || *created.Queue != "spark_fresh" || *created.Name != "sdk_batch" {
		t.Fatalf("create on a fresh queue: %+v", created)
	}
	id := *created.Id
	state := func() string {
		st := must[*model.ShowSparkJobStatusResponse](t, "ShowSparkJobStatus")(c.ShowSparkJobStatus(&model.ShowSparkJobStatusRequest{BatchId: id}))
		return st.State.Value()
	}
	s.emu.Advance(queueProvisionTime)
	if st := state(); st != batchStarting {
		t.Fatalf("state when provisioning ends %s", st)
	}
	s.emu.Advance(batchStartTime)
	if st := state(); st != batchRunning {
		t.Fatalf("state after start %s", st)
	}
	d := must[*model.ShowSparkJobResponse](t, "ShowSparkJob")(c.ShowSparkJob(&model.ShowSparkJobRequest{BatchId: id}))
	if *d.ScType != "CUSTOMIZED" || d.AppId == nil || *d.ReqBody == "" || *d.SparkVersion == "" {
		t.Fatalf("detail: %+v", d)
	}
	list := must[*model.ListSparkJobsResponse](t, "ListSparkJobs")(c.ListSparkJobs(&model.ListSparkJobsRequest{QueueName: ptr("spark_fresh")}))
	if *list.Total != 1 || *(*list.Sessions)[0].Id != id {
		t.Fatalf("list: %+v", list)
	}
	logs := must[*model.ShowSparkJobLogResponse](t, "ShowSparkJobLog")(c.ShowSparkJobLog(&model.ShowSparkJobLogRequest{BatchId: id, Type: ptr("driver")})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if *logs.Total == 0 || len(*logs.Log) == 0 {
		t.Fatalf("log: %+v", logs)
	}
	cancelled := must[*model.CancelSparkJobResponse](t, "CancelSparkJob")(c.CancelSparkJob(&model.CancelSparkJobRequest{BatchId: id}))
	if *cancelled.Msg != "deleted" {
		t.Fatalf("cancel: %+v", cancelled)
	}
	s.emu.Advance(batchCancelTime)
	if st := state(); st != batchDead {
		t.Fatalf("state after cancel %s", st)
	}
	_, err := c.CancelSparkJob(&model.CancelSparkJobRequest{BatchId: id})
	wantSDKError(t, err, "DLI.0007")
	_, err = c.ShowSparkJob(&model.ShowSparkJobRequest{BatchId: "nope"})
	wantSDKError(t, err, "DLI.0002")
}

// §9 through the SDK: create, update, run (on a queue created a moment ago), stop with a
// savepoint, list, delete, batch delete.
func TestSDKFlinkJobs(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "flink_fresh", CuCount: 16, QueueType: ptr("general")}}))
	created := must[*model.CreateFlinkSqlJobResponse](t, "CreateFlinkSqlJob")(c.CreateFlinkSqlJob(&model.CreateFlinkSqlJobRequest{Body: &model.CreateFlinkSqlJobRequestBody{
		Name: "sdk_flink", SqlBody: ptr(flinkSQL), RunMode: ptr("exclusive_cluster"), QueueName: ptr("flink_fresh"),
		CuNumber: ptr(int32(2)), TmSlotNum: ptr(int32(0)), ObsBucket: ptr("bucket"), CheckpointEnabled: ptr(true),
	}}))
	if *created.IsSuccess != "true" || *created.Job.StatusName != flinkInit {
		t.Fatalf("create: %+v", created)
	}
	id := *created.Job.JobId
	must[*model.UpdateFlinkSqlJobResponse](t, "UpdateFlinkSqlJob")(c.UpdateFlinkSqlJob(&model.UpdateFlinkSqlJobRequest{JobId: id,
		Body: &model.UpdateFlinkSqlJobRequestBody{Desc: ptr("updated"), ParallelNumber: ptr(int32(2))}}))
	ran := must[*model.BatchRunFlinkJobsResponse](t, "BatchRunFlinkJobs")(c.BatchRunFlinkJobs(&model.BatchRunFlinkJobsRequest{
		Body: &model.BatchRunFlinkJobsRequestBody{JobIds: []int64{id}}}))
	if len(*ran.Body) != 1 || *(*ran.Body)[0].IsSuccess != "true" {
		t.Fatalf("run on a fresh queue: %+v", ran)
	}
	show := func() *model.FlinkJob {
		return must[*model.ShowFlinkJobResponse](t, "ShowFlinkJob")(c.ShowFlinkJob(&model.ShowFlinkJobRequest{JobId: id})).JobDetail
	}
	if st := *show().Status; st != flinkSubmitting {
		t.Fatalf("status while the queue provisions %s", st)
	}
	s.emu.Advance(queueProvisionTime + flinkSubmitTime)
	d := show()
	if *d.Status != flinkRunning || *d.Desc != "updated" || *d.JobConfig.ParallelNumber != 2 || *d.JobConfig.TmSlotNum != 2 {
		t.Fatalf("detail after run: %+v", d)
	}
	stopped := must[*model.BatchStopFlinkJobsResponse](t, "BatchStopFlinkJobs")(c.BatchStopFlinkJobs(&model.BatchStopFlinkJobsRequest{
		Body: &model.StopFlinkJobsRequestBody{JobIds: []int64{id}, TriggerSavepoint: ptr(true)}}))
	if *(*stopped.Body)[0].IsSuccess != "true" {
		t.Fatalf("stop: %+v", stopped)
	}
	s.emu.Advance(flinkSavepointTime + flinkCancelTime)
	list := must[*model.ListFlinkJobsResponse](t, "ListFlinkJobs")(c.ListFlinkJobs(&model.ListFlinkJobsRequest{Name: ptr("sdk_flink"), ShowDetail: ptr(true)}))
	if *list.JobList.TotalCount != 1 || *(*list.JobList.Jobs)[0].Status != flinkCancelSuccess {
		t.Fatalf("list: %+v", list)
	}
	must[*model.DeleteFlinkJobResponse](t, "DeleteFlinkJob")(c.DeleteFlinkJob(&model.DeleteFlinkJobRequest{JobId: id}))
	_, err := c.ShowFlinkJob(&model.ShowFlinkJobRequest{JobId: id})
	wantSDKError(t, err, "DLI.16001")

	other := must[*model.CreateFlinkSqlJobResponse](t, "CreateFlinkSqlJob")(c.CreateFlinkSqlJob(&model.CreateFlinkSqlJobRequest{Body: &model.CreateFlinkSqlJobRequestBody{
		Name: "sdk_flink_2", SqlBody: ptr(flinkSQL)}}))
	must[*model.BatchDeleteFlinkJobsResponse](t, "BatchDeleteFlinkJobs")(c.BatchDeleteFlinkJobs(&model.BatchDeleteFlinkJobsRequest{
		Body: &model.BatchDeleteFlinkJobsRequestBody{JobIds: []int64{*other.Job.JobId}}}))
	_, err = c.ShowFlinkJob(&model.ShowFlinkJobRequest{JobId: *other.Job.JobId})
	wantSDKError(t, err, "DLI.16001")
}

// §12 through the SDK, incl. the sequence: bind an enhanced connection on a queue
// created a moment ago (accepted; the peering activates once the queue is provisioned).
func TestSDKEnhancedConnections(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "conn_fresh", CuCount: 16, QueueType: ptr("general")}}))
	created := must[*model.CreateEnhancedConnectionResponse](t, "CreateEnhancedConnection")(c.CreateEnhancedConnection(&model.CreateEnhancedConnectionRequest{
		Body: &model.CreateEnhancedConnectionRequestBody{Name: "sdk_conn", DestVpcId: "vpc-1", DestNetworkId: "net-1",
			Hosts: &[]model.EnhancedConnectionHost{{Name: ptr("ecs1"), Ip: ptr("192.168.0.1")}}}}))
	id := *created.ConnectionId
	must[*model.AssociateQueueToEnhancedConnectionResponse](t, "AssociateQueueToEnhancedConnection")(c.AssociateQueueToEnhancedConnection(
		&model.AssociateQueueToEnhancedConnectionRequest{ConnectionId: id, Body: &model.AssociateQueueToEnhancedConnectionRequestBody{Queues: &[]string{"conn_fresh"}}}))
	peering := func() string {
		d := must[*model.ShowEnhancedConnectionResponse](t, "ShowEnhancedConnection")(c.ShowEnhancedConnection(&model.ShowEnhancedConnectionRequest{ConnectionId: id}))
		return *(*d.AvailableQueueInfo)[0].Status
	}
	if st := peering(); st != "CREATING" {
		t.Fatalf("peering on a fresh queue %s", st)
	}
	s.emu.Advance(queueProvisionTime + connectionActivateTime)
	if st := peering(); st != "ACTIVE" {
		t.Fatalf("peering after provisioning and activation %s", st)
	}
	must[*model.UpdateEnhancedConnectionResponse](t, "UpdateEnhancedConnection")(c.UpdateEnhancedConnection(&model.UpdateEnhancedConnectionRequest{
		ConnectionId: id, Body: &model.UpdateEnhancedConnectionRequestBody{Hosts: []model.EnhancedConnectionHost{}}}))
	priv := must[*model.ShowEnhancedConnectionPrivilegeResponse](t, "ShowEnhancedConnectionPrivilege")(c.ShowEnhancedConnectionPrivilege(
		&model.ShowEnhancedConnectionPrivilegeRequest{ConnectionId: id}))
	if *priv.ConnectionId != id || priv.Privileges == nil {
		t.Fatalf("privileges: %+v", priv)
	}
	list := must[*model.ListEnhancedConnectionsResponse](t, "ListEnhancedConnections")(c.ListEnhancedConnections(&model.ListEnhancedConnectionsRequest{Name: ptr("sdk_conn")}))
	if *list.Count != 1 || len(*(*list.Connections)[0].Hosts) != 0 {
		t.Fatalf("list: %+v", list)
	}
	must[*model.DisassociateQueueFromEnhancedConnectionResponse](t, "DisassociateQueueFromEnhancedConnection")(c.DisassociateQueueFromEnhancedConnection(
		&model.DisassociateQueueFromEnhancedConnectionRequest{ConnectionId: id, Body: &model.DisassociateQueueFromEnhancedConnectionRequestBody{Queues: &[]string{"conn_fresh"}}}))
	must[*model.DeleteEnhancedConnectionResponse](t, "DeleteEnhancedConnection")(c.DeleteEnhancedConnection(&model.DeleteEnhancedConnectionRequest{ConnectionId: id}))
	d := must[*model.ShowEnhancedConnectionResponse](t, "ShowEnhancedConnection")(c.ShowEnhancedConnection(&model.ShowEnhancedConnectionRequest{ConnectionId: id}))
	if *d.Status != "DELETED" {
		t.Fatalf("deleted connection: %+v", d)
	}
}

// dli-sdk-extras.md §11 through the SDK's tag models.
func TestSDKResourceTags(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateDatabaseResponse](t, "CreateDatabase")(c.CreateDatabase(&model.CreateDatabaseRequest{Body: &model.CreateDatabaseRequestBody{DatabaseName: "tagged_db"}})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	dbType := model.GetBatchCreateResourceTagsRequestResourceTypeEnum().DLI_DATABASE
	must[*model.BatchCreateResourceTagsResponse](t, "BatchCreateResourceTags")(c.BatchCreateResourceTags(&model.BatchCreateResourceTagsRequest{
		ResourceType: dbType, ResourceId: "tagged_db", Body: &model.BatchCreateResourceTagsRequestBody{Tags: []model.Tag{{Key: "a", Value: "1"}, {Key: "b", Value: "2"}}}}))
	must[*model.BatchDeleteResourceTagsResponse](t, "BatchDeleteResourceTags")(c.BatchDeleteResourceTags(&model.BatchDeleteResourceTagsRequest{
		ResourceType: model.GetBatchDeleteResourceTagsRequestResourceTypeEnum().DLI_DATABASE, ResourceId: "tagged_db",
		Body: &model.BatchDeleteResourceTagsRequestBody{Tags: []model.Tag{{Key: "a", Value: "1"}}}}))
	shown := must[*model.ShowResourceTagsResponse](t, "ShowResourceTags")(c.ShowResourceTags(&model.ShowResourceTagsRequest{
		ResourceType: model.GetShowResourceTagsRequestResourceTypeEnum().DLI_DATABASE, ResourceId: "tagged_db"}))
	if *shown.Count != 1 || (*shown.Tags)[0].Key != "b" {
		t.Fatalf("tags: %+v", shown)
	}
	_, err := c.ShowResourceTags(&model.ShowResourceTagsRequest{
		ResourceType: model.GetShowResourceTagsRequestResourceTypeEnum().DLI_FLINK_JOB, ResourceId: "12345"})
	wantSDKError(t, err, "DLI.16001")
}
