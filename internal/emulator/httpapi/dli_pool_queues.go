package httpapi

import (
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// The queues of an elastic resource pool (dli-sdk-extras.md §1.5-§1.7): associate a queue,
// list the pool's queues with their scaling policies, replace a queue's policies.

// associatePoolQueue is AssociateQueueToElasticResourcePool: the queue joins the pool with
// the default policy; a queue in another pool is refused (DLI.0007), the same pool is a no-op.
func (e *Server) associatePoolQueue(c *call) result {
	pl, err := c.proj.Pool(c.path("elastic_resource_pool_name"))
	if err != nil {
		return failDomain(err)
	}
	var b struct {
		QueueName *string `json:"queue_name"`
	}
	if aerr := c.decode(&b); aerr != nil {
		return fail(aerr)
	}
	if b.QueueName == nil || *b.QueueName == "" {
		return fail(badRequest("queue_name is required."))
	}
	q, aerr := e.lookupQueue(c, *b.QueueName, false)
	if aerr != nil {
		return fail(aerr)
	}
	if err := c.proj.PlaceQueue(pl, q, c.nowMillis()); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}

// listPoolQueues is ListElasticResourcePoolQueues, filtered by queue_name, paged by
// offset/limit; count is the number of queues matching.
func (e *Server) listPoolQueues(c *call) result {
	pl, err := c.proj.Pool(c.path("elastic_resource_pool_name"))
	if err != nil {
		return failDomain(err)
	}
	offset, limit, aerr := c.pageParams(100, 1)
	if aerr != nil {
		return fail(aerr)
	}
	filter := c.query("queue_name")
	items := []poolQueueItem{}
	for _, q := range c.proj.PoolQueues(pl.Name) {
		if !e.visible(q.CreatedReal) || (filter != "" && q.Name != filter) {
			continue
		}
		policies := make([]scalingPolicyItem, len(q.ScalingPolicies))
		for i, sp := range q.ScalingPolicies {
			policies[i] = scalingPolicyItem(sp)
		}
		items = append(items, poolQueueItem{
			QueueName: q.Name, EnterpriseProjectID: q.EnterpriseProjectID, QueueType: q.Type,
			Policies: policies, Owner: q.Owner, CreateTime: q.CreateTime, Engine: q.Engine,
		})
	}
	return ok(listPoolQueuesResponse{IsSuccess: true, Count: len(items), Queues: pageOf(items, offset, limit)})
}

// updatePoolQueue is UpdateElasticResourcePoolQueue: replaces the queue's whole policy list.
func (e *Server) updatePoolQueue(c *call) result {
	pl, err := c.proj.Pool(c.path("elastic_resource_pool_name"))
	if err != nil {
		return failDomain(err)
	}
	q, aerr := e.lookupQueue(c, c.path("queue_name"), false)
	if aerr != nil {
		return fail(aerr)
	}
	var b struct {
		Policies []*struct {
			Priority       *int    `json:"priority"`
			Start          *string `json:"impact_start_time"`
			Stop           *string `json:"impact_stop_time"`
			MinCU          *int    `json:"min_cu"`
			MaxCU          *int    `json:"max_cu"`
			InheritPoolMax *bool   `json:"inherit_elastic_resource_pool_max_cu"`
		} `json:"queue_scaling_policies"`
	}
	if aerr := c.decode(&b); aerr != nil {
		return fail(aerr)
	}
	if len(b.Policies) == 0 {
		return fail(badRequest("queue_scaling_policies is required."))
	}
	policies := make([]store.ScalingPolicy, len(b.Policies))
	for i, p := range b.Policies {
		if p == nil || p.Priority == nil || p.Start == nil || p.Stop == nil || p.MinCU == nil || p.MaxCU == nil {
			return fail(badRequest("queue_scaling_policies[%d]: priority, impact_start_time, impact_stop_time, min_cu and max_cu are required.", i))
		}
		policies[i] = store.ScalingPolicy{Priority: *p.Priority, Start: *p.Start, Stop: *p.Stop,
			MinCU: *p.MinCU, MaxCU: *p.MaxCU, InheritPoolMax: p.InheritPoolMax}
	}
	if err := c.proj.SetPolicies(pl, q, policies); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}
