package client

import (
	"context"
	"fmt"
	"net/http"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// showQuotaResponse is the ShowQuota answer (dli-sdk-extras.md §8): quotas.resources is
// required, and every quota needs its type.
type showQuotaResponse struct{ model.ShowQuotaResponse }

func (r *showQuotaResponse) validate() error {
	if err := requireFields(field{"quotas.resources", r.Quotas != nil && r.Quotas.Resources != nil}); err != nil {
		return err
	}
	for i, q := range *r.Quotas.Resources {
		if ptr.Deref(q.Type) == "" {
			return fmt.Errorf("quotas.resources[%d] lacks type", i)
		}
	}
	return nil
}

// ShowQuotas returns the project's DLI quotas (GET /v3/{project_id}/quotas). Callers in
// the same run share one answer.
func (c *Client) ShowQuotas(ctx context.Context) ([]model.QuotaInfo, error) {
	return c.quotas.get(ctx, "", func(ctx context.Context) ([]model.QuotaInfo, error) {
		var out showQuotaResponse
		if err := c.Do(ctx, Request{
			Service: ServiceDLI, Operation: "ShowQuota", Method: http.MethodGet, Path: "/v3/{project_id}/quotas",
		}, &out); err != nil {
			return nil, err
		}
		return *out.Quotas.Resources, nil
	})
}
