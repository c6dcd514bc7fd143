package client

import (
	"context"
	"net/http"
	"strconv"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// CreateFlinkJarJob creates a Flink Jar job (§9.4) in job_init and returns its id,
// idempotently as CreateFlinkSQLJob does.
func (c *Client) CreateFlinkJarJob(ctx context.Context, body *model.CreateFlinkJarJobRequestBody) (int64, error) {
	if err := nonNegative("CreateFlinkJarJob", map[string]*int32{
		"cu_number": body.CuNumber, "parallel_number": body.ParallelNumber, "manager_cu_number": body.ManagerCuNumber,
		"tm_cus": body.TmCus, "tm_slot_num": body.TmSlotNum, "checkpoint_interval": body.CheckpointInterval,
	}); err != nil {
		return 0, err
	}
	return c.createFlinkJob(ctx, "CreateFlinkJarJob", "/v1.0/{project_id}/streaming/flink-jobs", body.Name, body)
}

// UpdateFlinkJarJob updates a Flink Jar job's stored configuration (§9.5). body carries just
// the fields to change. A running job keeps running with its old configuration until it is
// run again.
func (c *Client) UpdateFlinkJarJob(ctx context.Context, id int64, body *model.UpdateFlinkJarJobRequestBody) error {
	c.noteWrite(kindFlinkJob, strconv.FormatInt(id, 10))
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateFlinkJarJob", Method: http.MethodPut,
		Path: "/v1.0/{project_id}/streaming/flink-jobs/" + strconv.FormatInt(id, 10), Body: body,
	}, &out)
}
