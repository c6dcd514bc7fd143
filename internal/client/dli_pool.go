package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Elastic resource pools (dli-sdk-extras.md §1). There is no GET by name: a pool is read
// from the list, which the resources refreshed in one run share.

const (
	poolsPageSize = 100
	kindPool      = "elastic resource pool"

	// Pool statuses (the list's status filter enum).
	PoolAvailable = "AVAILABLE"
	PoolFailed    = "FAILED"
)

func poolPath(name string) string {
	return "/v3/{project_id}/elastic-resource-pools/" + name // the SDK escapes the path
}

// ListElasticResourcePools returns every pool of the project, paging by offset (§1.2).
// Callers in the same run share one listing.
func (c *Client) ListElasticResourcePools(ctx context.Context) ([]model.ElasticResourcePool, error) {
	return c.pools.get(ctx, "", func(ctx context.Context) ([]model.ElasticResourcePool, error) {
		return c.listPools(ctx, nil)
	})
}

// listPools reads the pool list, narrowed by the API's filters (§1.2: a fuzzy name match,
// status, tags) in filter; nil lists every pool.
func (c *Client) listPools(ctx context.Context, filter url.Values) ([]model.ElasticResourcePool, error) {
	return listAll(ctx, pager[model.ElasticResourcePool]{
		operation: "ListElasticResourcePools", path: "/v3/{project_id}/elastic-resource-pools", pageSize: poolsPageSize,
		key: func(p model.ElasticResourcePool) string { return ptr.Deref(p.ElasticResourcePoolName) },
		fetch: func(ctx context.Context, _, offset int) (listPage[model.ElasticResourcePool], error) {
			q := url.Values{"limit": {strconv.Itoa(poolsPageSize)}, "offset": {strconv.Itoa(offset)}}
			for k, v := range filter {
				q[k] = v
			}
			var out listPoolsResponse
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListElasticResourcePools", Method: http.MethodGet,
				Path: "/v3/{project_id}/elastic-resource-pools", Query: q,
			}, &out)
			return listPage[model.ElasticResourcePool]{items: ptr.Deref(out.ElasticResourcePools), total: totalOf(out.Count)}, err
		},
	})
}

func poolNamed(name string) func(model.ElasticResourcePool) bool {
	name = strings.ToLower(name)
	return func(p model.ElasticResourcePool) bool { return ptr.Deref(p.ElasticResourcePoolName) == name }
}

// GetElasticResourcePool finds one pool by (lowercased) name in the shared listing.
func (c *Client) GetElasticResourcePool(ctx context.Context, name string) (*model.ElasticResourcePool, error) {
	return findListed(ctx, c.ListElasticResourcePools, c.invalidatePools, poolNamed(name),
		c.recentlyWritten(kindPool, strings.ToLower(name)), &NotFoundError{Kind: kindPool, Name: name})
}

// ShowElasticResourcePool reads one pool afresh through the list's name filter (one call).
func (c *Client) ShowElasticResourcePool(ctx context.Context, name string) (*model.ElasticResourcePool, error) {
	pools, err := c.listPools(ctx, url.Values{"name": {strings.ToLower(name)}})
	return pick(pools, err, poolNamed(name), &NotFoundError{Kind: kindPool, Name: name})
}

// CreateElasticResourcePool creates a pool (§1.1). After an unknown outcome it looks the
// pool up before sending again, and adopts a pool of that name and CU range when the
// create sent again is answered "already exists".
func (c *Client) CreateElasticResourcePool(ctx context.Context, body *model.CreateElasticResourcePoolRequestBody) error {
	name := strings.ToLower(body.ElasticResourcePoolName)
	defer c.invalidatePools()
	c.noteWrite(kindPool, name)
	lookup := func(ctx context.Context) error {
		p, err := c.ShowElasticResourcePool(ctx, name)
		if err != nil {
			return err
		}
		if ptr.Deref(p.MinCu) != body.MinCu || ptr.Deref(p.MaxCu) != body.MaxCu {
			return &ExistsMismatchError{Kind: kindPool, Name: name, Detail: fmt.Sprintf("CUs %d-%d, requested %d-%d",
				ptr.Deref(p.MinCu), ptr.Deref(p.MaxCu), body.MinCu, body.MaxCu)}
		}
		return nil
	}
	var out poolCreateResponse
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateElasticResourcePool", Method: http.MethodPost,
		Path: "/v3/{project_id}/elastic-resource-pools", Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
}

// UpdateElasticResourcePool changes a pool's description and CU range (§1.3). It does not
// wait; see WaitForElasticResourcePool.
func (c *Client) UpdateElasticResourcePool(ctx context.Context, name string, body *model.UpdateElasticResourcePoolRequestBody) error {
	if err := nonNegative("UpdateElasticResourcePool", map[string]*int32{"min_cu": body.MinCu, "max_cu": body.MaxCu}); err != nil {
		return err
	}
	defer c.invalidatePools()
	c.noteWrite(kindPool, strings.ToLower(name))
	// After an unknown outcome the pool is read first (the change took effect if it has the
	// requested CUs), and a resend refused because the pool is scaling means the first one
	// is under way: the caller's wait sees it through.
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateElasticResourcePool", Method: http.MethodPut,
		Path: poolPath(name), Body: body,
		Reconcile: func(ctx context.Context) (bool, error) {
			if body.MinCu == nil && body.MaxCu == nil {
				return false, nil // a description change: sending it again is harmless
			}
			p, err := c.ShowElasticResourcePool(ctx, name)
			if err != nil {
				return false, err
			}
			return (body.MinCu == nil || ptr.Deref(p.MinCu) == *body.MinCu) && (body.MaxCu == nil || ptr.Deref(p.MaxCu) == *body.MaxCu), nil
		},
		InProgress: func(err error) bool {
			return HasCode(err, "DLI.0012") && strings.Contains(strings.ToUpper(err.Error()), "SCALING")
		},
	}, &ack{})
}

// DeleteElasticResourcePool deletes a pool (§1.4). A pool that is already gone is not an error.
func (c *Client) DeleteElasticResourcePool(ctx context.Context, name string) error {
	defer c.invalidatePools()
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteElasticResourcePool", Method: http.MethodDelete, Path: poolPath(name),
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// PoolFailedError is a pool whose provisioning ended FAILED.
type PoolFailedError struct {
	Name, Reason string
}

func (e *PoolFailedError) Error() string {
	return fmt.Sprintf("elastic resource pool %q failed: %s", e.Name, e.Reason)
}

// WaitForElasticResourcePool waits until the pool is AVAILABLE: the end of provisioning
// after create, or of a scale after an update. FAILED stops the wait with the pool's
// fail_reason. A change that the API applies at once is waited on as well: the listing
// must show minCU and maxCU (when not 0).
func (c *Client) WaitForElasticResourcePool(ctx context.Context, name string, minCU, maxCU int32) error {
	defer c.invalidatePools()
	start := time.Now()
	return c.Wait(ctx, fmt.Sprintf("elastic resource pool %q to be AVAILABLE", name), func(ctx context.Context) (bool, string, error) {
		p, err := c.ShowElasticResourcePool(ctx, name)
		if IsNotFound(err) && c.notVisibleYet(kindPool, strings.ToLower(name), start) {
			return false, "not visible yet", nil
		}
		if err != nil {
			return false, "", err
		}
		status := ptr.Deref(p.Status)
		if status == PoolFailed {
			return false, status, &PoolFailedError{Name: name, Reason: ptr.Deref(p.FailReason)}
		}
		cusMatch := (minCU == 0 || ptr.Deref(p.MinCu) == minCU) && (maxCU == 0 || ptr.Deref(p.MaxCu) == maxCU)
		return status == PoolAvailable && cusMatch, status, nil
	})
}

// WaitForElasticResourcePoolDeleted waits until the pool is absent from the list.
func (c *Client) WaitForElasticResourcePoolDeleted(ctx context.Context, name string) error {
	defer c.invalidatePools()
	return c.Wait(ctx, fmt.Sprintf("elastic resource pool %q to be deleted", name), func(ctx context.Context) (bool, string, error) {
		_, err := c.ShowElasticResourcePool(ctx, name)
		if IsNotFound(err) {
			return true, "deleted", nil
		}
		return false, "still present", err
	})
}

// invalidatePools drops the shared pool listing after a write.
func (c *Client) invalidatePools() { c.pools.invalidate("") }
