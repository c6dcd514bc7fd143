package httpapi

import (
	"strconv"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// ExecuteFlinkJobSavepoint through the SDK: refused while the job is not running; on a
// running job it is job_savepointing, then running again with the new savepoint.
func TestSDKFlinkJobSavepoint(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	created := must[*model.CreateFlinkSqlJobResponse](t, "CreateFlinkSqlJob")(c.CreateFlinkSqlJob(&model.CreateFlinkSqlJobRequest{Body: &model.CreateFlinkSqlJobRequestBody{
		Name: "sdk_savepoint", SqlBody: ptr(flinkSQL)}}))
	id := *created.Job.JobId
	trigger := func(path string) (*model.ExecuteFlinkJobSavepointResponse, error) {
		return c.ExecuteFlinkJobSavepoint(&model.ExecuteFlinkJobSavepointRequest{JobId: strconv.FormatInt(id, 10),
			Body: &model.ExecuteFlinkJobSavepointRequestBody{Action: model.GetExecuteFlinkJobSavepointRequestBodyActionEnum().TRIGGER, SavepointPath: path}})
	}
	_, err := trigger("bucket/savepoints/")
	wantSDKError(t, err, "DLI.0007") // not running yet
	must[*model.BatchRunFlinkJobsResponse](t, "BatchRunFlinkJobs")(c.BatchRunFlinkJobs(&model.BatchRunFlinkJobsRequest{
		Body: &model.BatchRunFlinkJobsRequestBody{JobIds: []int64{id}}}))
	s.emu.Advance(flinkSubmitTime)
	_, err = trigger("not a path")
	wantSDKError(t, err, "DLI.0001")
	resp := must[*model.ExecuteFlinkJobSavepointResponse](t, "ExecuteFlinkJobSavepoint")(trigger("bucket/savepoints/"))
	if *resp.IsSuccess != "true" {
		t.Fatalf("trigger: %+v", resp)
	}
	show := func() model.FlinkJob {
		return *must[*model.ShowFlinkJobResponse](t, "ShowFlinkJob")(c.ShowFlinkJob(&model.ShowFlinkJobRequest{JobId: id})).JobDetail
	}
	if j := show(); *j.Status != flinkSavepointing || *j.HasSavepoint {
		t.Fatalf("while the savepoint is taken: status %s, has_savepoint %v", *j.Status, *j.HasSavepoint)
	}
	_, err = trigger("bucket/savepoints/")
	wantSDKError(t, err, "DLI.0007") // one savepoint at a time
	s.emu.Advance(flinkSavepointTime)
	j := show()
	if *j.Status != flinkRunning || !*j.HasSavepoint || *j.SavepointPath != "obs://bucket/savepoints/savepoint-"+strconv.FormatInt(id, 10)+"-1" {
		t.Fatalf("after the savepoint: status %s, has_savepoint %v, savepoint_path %v", *j.Status, *j.HasSavepoint, *j.SavepointPath)
	}
}
