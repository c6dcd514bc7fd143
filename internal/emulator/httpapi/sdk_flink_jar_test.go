package httpapi

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// §9.4/§9.5 and the savepoint trigger through the SDK: a Jar job on a dedicated queue is
// created, updated, run on the shared Flink state machine, takes a savepoint on demand, and
// is stopped and run again from it.
func TestSDKFlinkJarJobs(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "jar_queue", CuCount: 16, QueueType: ptr("general")}}))
	s.emu.Advance(queueProvisionTime)
	created := must[*model.CreateFlinkJarJobResponse](t, "CreateFlinkJarJob")(c.CreateFlinkJarJob(&model.CreateFlinkJarJobRequest{Body: &model.CreateFlinkJarJobRequestBody{
		Name: "sdk_jar", QueueName: ptr("jar_queue"), CuNumber: ptr(int32(4)), ManagerCuNumber: ptr(int32(1)), ParallelNumber: ptr(int32(2)),
		MainClass: ptr("org.example.Stream"), EntrypointArgs: ptr("-rate 3"), Entrypoint: ptr("stream.jar"),
		DependencyJars: &[]string{"group/dep.jar"}, DependencyFiles: &[]string{"group/data.csv"}, LogEnabled: ptr(true), ObsBucket: ptr("bucket"),
		Feature: ptr("basic"), FlinkVersion: ptr("1.15"), CheckpointPath: ptr("bucket/checkpoints/sdk_jar"), Tags: &[]model.Tag{{Key: "team", Value: "data"}},
	}}))
	if *created.IsSuccess != "true" || *created.Job.StatusName != flinkInit {
		t.Fatalf("create: %+v", created)
	}
	id := *created.Job.JobId
	show := func() *model.FlinkJob {
		return must[*model.ShowFlinkJobResponse](t, "ShowFlinkJob")(c.ShowFlinkJob(&model.ShowFlinkJobRequest{JobId: id})).JobDetail
	}
	d := show()
	if d.JobType.Value() != "flink_jar_job" || *d.MainClass != "org.example.Stream" || *d.JobConfig.Entrypoint != "stream.jar" ||
		(*d.JobConfig.DependencyJars)[0] != "group/dep.jar" || *d.JobConfig.Feature != "basic" || *d.JobConfig.CheckpointPath == "" {
		t.Fatalf("detail after create: %+v %+v", d, d.JobConfig)
	}
	updated := must[*model.UpdateFlinkJarJobResponse](t, "UpdateFlinkJarJob")(c.UpdateFlinkJarJob(&model.UpdateFlinkJarJobRequest{JobId: id,
		Body: &model.UpdateFlinkJarJobRequestBody{JobType: ptr("flink_jar_job"), EntrypointArgs: ptr("-rate 5"), DependencyFiles: &[]string{}}}))
	if *updated.IsSuccess != "true" || updated.Job.UpdateTime == nil {
		t.Fatalf("update: %+v", updated)
	}
	_, err := c.UpdateFlinkJarJob(&model.UpdateFlinkJarJobRequest{JobId: id, Body: &model.UpdateFlinkJarJobRequestBody{Image: ptr("org/img:1")}})
	wantSDKError(t, err, "DLI.0001") // an image needs feature custom

	must[*model.BatchRunFlinkJobsResponse](t, "BatchRunFlinkJobs")(c.BatchRunFlinkJobs(&model.BatchRunFlinkJobsRequest{
		Body: &model.BatchRunFlinkJobsRequestBody{JobIds: []int64{id}}}))
	s.emu.Advance(flinkSubmitTime)
	if d := show(); *d.Status != flinkRunning || *d.EntrypointArgs != "-rate 5" || d.JobConfig.DependencyFiles == nil || len(*d.JobConfig.DependencyFiles) != 0 {
		t.Fatalf("detail after run: %+v", d)
	}
	savepoint := &model.ExecuteFlinkJobSavepointRequest{JobId: strconv.FormatInt(id, 10), Body: &model.ExecuteFlinkJobSavepointRequestBody{
		Action: model.GetExecuteFlinkJobSavepointRequestBodyActionEnum().TRIGGER, SavepointPath: "bucket/savepoints/"}}
	sp := must[*model.ExecuteFlinkJobSavepointResponse](t, "ExecuteFlinkJobSavepoint")(c.ExecuteFlinkJobSavepoint(savepoint))
	if *sp.IsSuccess != "true" {
		t.Fatalf("savepoint: %+v", sp)
	}
	if st := *show().Status; st != flinkSavepointing {
		t.Fatalf("status while the savepoint is taken %s", st)
	}
	s.emu.Advance(flinkSavepointTime)
	if d := show(); *d.Status != flinkRunning || *d.SavepointPath != fmt.Sprintf("obs://bucket/savepoints/savepoint-%d-1", id) || !*d.HasSavepoint {
		t.Fatalf("detail after the savepoint: %+v", d)
	}
	must[*model.BatchStopFlinkJobsResponse](t, "BatchStopFlinkJobs")(c.BatchStopFlinkJobs(&model.BatchStopFlinkJobsRequest{
		Body: &model.StopFlinkJobsRequestBody{JobIds: []int64{id}}}))
	s.emu.Advance(flinkCancelTime)
	_, err = c.ExecuteFlinkJobSavepoint(savepoint)
	wantSDKError(t, err, "DLI.0007") // not running
	must[*model.BatchRunFlinkJobsResponse](t, "BatchRunFlinkJobs")(c.BatchRunFlinkJobs(&model.BatchRunFlinkJobsRequest{
		Body: &model.BatchRunFlinkJobsRequestBody{JobIds: []int64{id}, ResumeSavepoint: ptr(true)}}))
	h, _ := s.emu.FlinkJob(id)
	if len(h.Runs) != 2 || h.Runs[1].ResumedFrom != fmt.Sprintf("obs://bucket/savepoints/savepoint-%d-1", id) || h.Runs[1].Entrypoint != "stream.jar" {
		t.Fatalf("runs: %+v", h.Runs)
	}
	list := must[*model.ListFlinkJobsResponse](t, "ListFlinkJobs")(c.ListFlinkJobs(&model.ListFlinkJobsRequest{JobType: ptr(model.GetListFlinkJobsRequestJobTypeEnum().FLINK_JAR_JOB)}))
	if *list.JobList.TotalCount != 1 {
		t.Fatalf("list of Jar jobs: %+v", list)
	}
	_, err = c.CreateFlinkJarJob(&model.CreateFlinkJarJobRequest{Body: &model.CreateFlinkJarJobRequestBody{Name: "bad", Feature: ptr("custom")}})
	wantSDKError(t, err, "DLI.0001") // feature custom needs an image
	must[*model.DeleteFlinkJobResponse](t, "DeleteFlinkJob")(c.DeleteFlinkJob(&model.DeleteFlinkJobRequest{JobId: id}))
}
