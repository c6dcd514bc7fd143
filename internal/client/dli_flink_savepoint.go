package client

import (
	"context"
	"net/http"
	"strconv"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// TriggerFlinkSavepoint asks a running job to take a savepoint into the OBS directory dir
// ("bucket/dir/", ExecuteFlinkJobSavepoint). It does not wait: the job is job_savepointing
// until the savepoint is complete (see WaitForFlinkJob). After an attempt whose outcome is
// unknown, a job found job_savepointing took it, so it is not sent twice.
func (c *Client) TriggerFlinkSavepoint(ctx context.Context, id int64, dir string) error {
	c.noteWrite(kindFlinkJob, strconv.FormatInt(id, 10))
	reconciled := false
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ExecuteFlinkJobSavepoint", Method: http.MethodPost,
		Path: flinkJobPath(id) + "/savepoint",
		Body: &model.ExecuteFlinkJobSavepointRequestBody{
			Action: model.GetExecuteFlinkJobSavepointRequestBodyActionEnum().TRIGGER, SavepointPath: dir,
		},
		Reconcile: func(ctx context.Context) (bool, error) {
			j, err := c.ShowFlinkJob(ctx, id)
			if err != nil {
				return false, err
			}
			reconciled = ptr.Deref(j.Status) == FlinkSavepointing
			return reconciled, nil
		},
	}, &ack{})
	if reconciled {
		return nil
	}
	return err
}
