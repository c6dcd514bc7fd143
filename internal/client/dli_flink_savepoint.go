package client

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// TriggerFlinkSavepoint asks DLI to take a savepoint of a running Flink job into the OBS
// directory path ("bucket/dir/"; an obs:// prefix is dropped, as the API takes none). It
// does not wait; see WaitForFlinkSavepoint. The job must be running: DLI refuses
// otherwise. previous is the job's savepoint_path before the call: after an attempt whose
// outcome is unknown, the trigger took effect if the job is taking a savepoint or reports
// another one, and is sent again only if it is running without; a resend refused because
// the job is taking a savepoint found the first one under way.
func (c *Client) TriggerFlinkSavepoint(ctx context.Context, id int64, path, previous string) error {
	c.noteWrite(kindFlinkJob, strconv.FormatInt(id, 10))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ExecuteFlinkJobSavepoint", Method: http.MethodPost,
		Path: flinkJobPath(id) + "/savepoint",
		Body: &model.ExecuteFlinkJobSavepointRequestBody{
			Action:        model.GetExecuteFlinkJobSavepointRequestBodyActionEnum().TRIGGER,
			SavepointPath: strings.TrimPrefix(path, "obs://"),
		},
		Reconcile: func(ctx context.Context) (bool, error) {
			j, err := c.ShowFlinkJob(ctx, id)
			if err != nil {
				return false, err
			}
			return ptr.Deref(j.Status) == FlinkSavepointing || ptr.Deref(j.SavepointPath) != previous, nil
		},
		InProgress: func(err error) bool { return strings.Contains(err.Error(), FlinkSavepointing) },
	}, &ack{})
}

// WaitForFlinkSavepoint waits until the job reports a savepoint other than previous (the
// savepoint_path it had before the trigger, "" for none) and is running again, and returns
// the new savepoint's path. A job that fails or stops meanwhile ends the wait with its
// status and the service's description.
func (c *Client) WaitForFlinkSavepoint(ctx context.Context, id int64, previous string) (string, error) {
	var path string
	what := fmt.Sprintf("Flink job %d to finish its savepoint", id)
	err := c.Wait(ctx, what, func(ctx context.Context) (bool, string, error) {
		j, err := c.ShowFlinkJob(ctx, id)
		if err != nil {
			return false, "", err
		}
		status := ptr.Deref(j.Status)
		if status != FlinkRunning && !FlinkTransientStatus(status) {
			return false, status, fmt.Errorf("Flink job %d is in status %s while waiting for it to finish its savepoint: %s", //nolint:staticcheck // ST1005: "Flink" is a proper noun
				id, status, ptr.Deref(j.StatusDesc))
		}
		path = ptr.Deref(j.SavepointPath)
		return status == FlinkRunning && ptr.Deref(j.HasSavepoint) && path != previous, status, nil
	})
	return path, err
}
