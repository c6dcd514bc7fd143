package resources

import (
	"context"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// What apply waits for (wait_for).
const (
	batchWaitSubmitted = "submitted"
	batchWaitRunning   = "running"
	batchWaitCompleted = "completed"
)

// waitFor waits until the job reaches what wait_for asks for.
func (r *dliBatchJobResource) waitFor(ctx context.Context, id, waitFor string) error {
	switch waitFor {
	case batchWaitRunning:
		_, err := r.Client.WaitForBatchJob(ctx, id, "to start running", func(s string) bool {
			return s == client.BatchRunning || s == client.BatchRecovering || s == client.BatchSuccess
		})
		return err
	case batchWaitCompleted:
		_, err := r.Client.WaitForBatchJob(ctx, id, "to complete", func(s string) bool { return s == client.BatchSuccess })
		return err
	}
	return nil
}
