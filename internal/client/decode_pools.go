package client

import (
	"fmt"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Strict decoding of the elastic resource pool and queue property answers (issue 14).

type poolCreateResponse struct {
	IsSuccess *flexBool `json:"is_success"`
	Name      *string   `json:"elastic_resource_pool_name"`
}

func (r *poolCreateResponse) validate() error {
	return requireFields(field{"is_success", r.IsSuccess != nil}, field{"elastic_resource_pool_name", ptr.Deref(r.Name) != ""})
}

type listPoolsResponse struct {
	model.ListElasticResourcePoolsResponse
}

func (r *listPoolsResponse) validate() error {
	if err := requireFields(field{"elastic_resource_pools", r.ElasticResourcePools != nil}); err != nil {
		return err
	}
	for i, p := range *r.ElasticResourcePools {
		if ptr.Deref(p.ElasticResourcePoolName) == "" || p.Status == nil || p.MinCu == nil || p.MaxCu == nil {
			return fmt.Errorf("elastic_resource_pools[%d] lacks elastic_resource_pool_name, status, min_cu or max_cu", i)
		}
	}
	return nil
}

type listPoolQueuesResponse struct {
	model.ListElasticResourcePoolQueuesResponse
}

func (r *listPoolQueuesResponse) validate() error {
	if err := requireFields(field{"queues", r.Queues != nil}); err != nil {
		return err
	}
	for i, q := range *r.Queues {
		if ptr.Deref(q.QueueName) == "" {
			return fmt.Errorf("queues[%d] lacks queue_name", i)
		}
	}
	return nil
}

type listQueuePropertiesResponse struct {
	model.ListQueuePropertiesResponse
}

func (r *listQueuePropertiesResponse) validate() error {
	return requireFields(field{"is_success", r.IsSuccess != nil}, field{"properties", r.Properties != nil})
}
