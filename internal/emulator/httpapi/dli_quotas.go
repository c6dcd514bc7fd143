package httpapi

import (
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// ShowQuota (GET /v3/{project_id}/quotas; dli-sdk-extras.md §8): the project's quotas
// and what is used of them, counted from the live objects. The type names are this
// emulator's own (the SDK documents none); the quotas are reported, not enforced.

// quotaInfo is one quotas.resources item (the SDK's model.QuotaInfo).
type quotaInfo struct {
	Type  string `json:"type"`
	Min   int    `json:"min"`
	Max   int    `json:"max"`
	Quota int    `json:"quota"`
	Used  int    `json:"used"`
}

type showQuotaResponse struct {
	IsSuccess bool `json:"is_success"`
	Quotas    struct {
		Resources []quotaInfo `json:"resources"`
	} `json:"quotas"`
}

func (e *Server) showQuota(c *call) result {
	now := c.nowMillis()
	cus := 0
	for _, q := range c.proj.Queues {
		cus += q.CUCount(now)
	}
	databases := 0
	for name := range c.proj.Databases {
		if name != defaultDatabase {
			databases++
		}
	}
	var out showQuotaResponse
	out.IsSuccess = true
	out.Quotas.Resources = []quotaInfo{
		{Type: "QUEUE", Min: 0, Max: 1000, Quota: store.QueueQuota, Used: len(c.proj.Queues)},
		{Type: "CU", Min: 0, Max: 100000, Quota: store.CUQuota, Used: cus},
		{Type: "DATABASE", Min: 0, Max: 1000, Quota: store.DatabaseQuota, Used: databases},
		{Type: "GLOBAL_VARIABLE", Min: 0, Max: 1000, Quota: store.GlobalVariableQuota, Used: len(c.proj.Variables)},
		{Type: "QUEUE_PLAN", Min: 0, Max: 10000, Quota: store.QueuePlanQuota, Used: len(c.proj.AllQueuePlans())},
	}
	return ok(out)
}
