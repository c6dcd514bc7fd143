package client

import (
	"context"
	"net/http"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// queueRestartResponse is the §6.5 answer to a restart: a plain success, or with force the
// id of the RESTART_QUEUE job that cancels the queue's running jobs first.
type queueRestartResponse struct{ model.RunQueueActionResponse }

func (r *queueRestartResponse) validate() error {
	return requireFields(field{"is_success", r.IsSuccess != nil})
}

// RestartQueue restarts an SQL queue (§6.5 action restart). Without force the restart is
// synchronous and it returns ""; with force it returns the id of the RESTART_QUEUE job,
// whose end (WaitForSQLJob) is when the queue is usable again. Restarting is safe to
// repeat, so an attempt whose outcome is unknown is simply sent again.
func (c *Client) RestartQueue(ctx context.Context, name string, force bool) (string, error) {
	defer c.invalidateQueues()
	var out queueRestartResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "RunQueueAction", Method: http.MethodPut, Path: queuePath(name) + "/action",
		Body: &model.RunQueueActionRequestBody{Action: "restart", Force: &force},
	}, &out)
	if err != nil {
		return "", err
	}
	jobID := ptr.Deref(out.JobId)
	if jobID != "" {
		c.noteWrite(kindSQLJob, jobID)
	}
	return jobID, nil
}
