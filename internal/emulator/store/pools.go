package store

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Elastic resource pools (dli-sdk-extras.md §1). A pool is CREATING for PoolProvisionTime
// emulated seconds, then AVAILABLE (or FAILED, when a hook asked for it); a change of its CU
// range makes it SCALING for PoolScaleTime and appends a scale record. Its queues are the
// queues whose ElasticPool names it; each such queue carries its scaling policies.
const (
	PoolProvisionTime = 180 * time.Second
	PoolScaleTime     = 60 * time.Second

	PoolCreating  = "CREATING"
	PoolAvailable = "AVAILABLE"
	PoolScaling   = "SCALING"
	PoolFailed    = "FAILED"

	KindPool Kind = "elastic resource pool"
)

// PoolNamePattern is §1.0's rule (after lowercasing): digits, lowercase letters and '_',
// not all digits, not starting with '_', 1-128 characters.
var PoolNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_]{0,127}$`)

// Pool is a stored elastic resource pool. Times are emulated epoch milliseconds.
type Pool struct {
	ID                  int64             `json:"id"`
	Name                string            `json:"name"`
	ResourceID          string            `json:"resource_id"`
	Description         string            `json:"description"`
	Owner               string            `json:"owner"`
	MinCU               int               `json:"min_cu"`
	MaxCU               int               `json:"max_cu"`
	PrevMinCU           int               `json:"prev_min_cu"` // min_cu before the scale in progress
	CidrInVpc           string            `json:"cidr_in_vpc"`
	ChargingMode        int               `json:"charging_mode"`
	EnterpriseProjectID string            `json:"enterprise_project_id"`
	Label               map[string]string `json:"label,omitempty"`
	IPv6Enable          bool              `json:"ipv6_enable"`
	Tags                []Tag             `json:"tags"`
	CreateTime          int64             `json:"create_time"`
	UpdateTime          int64             `json:"update_time"`
	ReadyAt             int64             `json:"ready_at"`              // end of provisioning
	FailReason          string            `json:"fail_reason,omitempty"` // provisioning ends FAILED
	ScaleUntil          int64             `json:"scale_until"`           // SCALING until then
	Records             []ScaleRecord     `json:"scale_records"`
	CreatedReal         time.Time         `json:"-"` // real creation time, for the consistency delay
}

// ScaleRecord is one entry of a pool's scale history (§1.8).
type ScaleRecord struct {
	RecordTime int64  `json:"record_time"`
	OriginCU   int    `json:"origin_cu"`
	TargetCU   int    `json:"target_cu"`
	CurrentCU  int    `json:"current_cu"`
	MinCU      int    `json:"min_cu"`
	MaxCU      int    `json:"max_cu"`
	Status     string `json:"status"`
	FailReason string `json:"fail_reason,omitempty"`
}

// ScalingPolicy is one of a pooled queue's scaling policies (§1.7).
type ScalingPolicy struct {
	Priority       int    `json:"priority"`
	Start          string `json:"impact_start_time"`
	Stop           string `json:"impact_stop_time"`
	MinCU          int    `json:"min_cu"`
	MaxCU          int    `json:"max_cu"`
	InheritPoolMax *bool  `json:"inherit_elastic_resource_pool_max_cu,omitempty"`
}

// PoolData is a project's pools and the provisioning hooks.
type PoolData struct {
	ByName    map[string]*Pool  `json:"by_name"`    // lowercase name -> pool
	FailNamed map[string]string `json:"fail_named"` // pool name -> reason its provisioning fails
}

// PoolData returns (creating if needed) the project's pools.
func (p *Project) PoolData() *PoolData {
	if p.Pools == nil {
		p.Pools = &PoolData{}
	}
	if p.Pools.ByName == nil {
		p.Pools.ByName = map[string]*Pool{}
	}
	if p.Pools.FailNamed == nil {
		p.Pools.FailNamed = map[string]string{}
	}
	return p.Pools
}

// Status is the pool's status at now.
func (pl *Pool) Status(now int64) string {
	switch {
	case now < pl.ReadyAt:
		return PoolCreating
	case pl.FailReason != "":
		return PoolFailed
	case now < pl.ScaleUntil:
		return PoolScaling
	}
	return PoolAvailable
}

// ActualCU is the CUs the pool has at now: none before it is available, the old minimum
// while a scale is in progress, then its minimum.
func (pl *Pool) ActualCU(now int64) int {
	switch pl.Status(now) {
	case PoolCreating, PoolFailed:
		return 0
	case PoolScaling:
		return pl.PrevMinCU
	}
	return pl.MinCU
}

// RecordsAt are the scale records completed by now.
func (pl *Pool) RecordsAt(now int64) []ScaleRecord {
	out := []ScaleRecord{}
	for _, r := range pl.Records {
		if r.RecordTime <= now {
			out = append(out, r)
		}
	}
	return out
}

// Pool returns the pool named name (case-insensitive).
func (p *Project) Pool(name string) (*Pool, error) {
	pl := p.PoolData().ByName[strings.ToLower(name)]
	if pl == nil {
		return nil, &NotFoundError{Kind: KindPool, Name: strings.ToLower(name)}
	}
	return pl, nil
}

// PoolCURange checks a pool's CU range for its edition (label): standard 64-32000, basic
// 16-64, developer 16-32000 (unstated; plausible); every value a multiple of 16 CUs, and
// min_cu ≤ max_cu.
func PoolCURange(label map[string]string, minCU, maxCU int) error {
	lo, hi := 64, 32000
	switch {
	case label["spec"] == "basic":
		lo, hi = 16, 64
	case label["billing_spec_code"] == "developer":
		lo = 16
	}
	for _, v := range []struct {
		name string
		cu   int
	}{{"min_cu", minCU}, {"max_cu", maxCU}} {
		if v.cu < lo || v.cu > hi || v.cu%16 != 0 {
			return invalid("Invalid %s %d: it must be a multiple of 16 from %d to %d for this pool edition.", v.name, v.cu, lo, hi)
		}
	}
	if minCU > maxCU {
		return invalid("Invalid min_cu %d: it must not exceed max_cu %d.", minCU, maxCU)
	}
	return nil
}

// AddPool stores a new pool created at pl.CreateTime with id: CREATING for
// PoolProvisionTime, then AVAILABLE, or FAILED when a hook names it.
func (p *Project) AddPool(pl *Pool, id int64) error {
	d := p.PoolData()
	if _, exists := d.ByName[pl.Name]; exists {
		return &ConflictError{Kind: KindPool, Name: pl.Name}
	}
	pl.ID = id
	pl.UpdateTime = pl.CreateTime
	pl.ReadyAt = pl.CreateTime + PoolProvisionTime.Milliseconds()
	pl.PrevMinCU = pl.MinCU
	pl.FailReason = d.FailNamed[pl.Name]
	d.ByName[pl.Name] = pl
	return nil
}

// PoolQueues are the queues in the pool, sorted by name.
func (p *Project) PoolQueues(pool string) []*Queue {
	var out []*Queue
	for _, q := range p.Queues {
		if q.ElasticPool == pool {
			out = append(out, q)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// queueCURange is the least CUs a pooled queue is guaranteed (its default policy's min_cu)
// and the most it may use (the largest max_cu of its policies).
func queueCURange(q *Queue) (least, most int) {
	for _, sp := range q.ScalingPolicies {
		if sp.Start == "00:00" && sp.Stop == "24:00" {
			least = sp.MinCU
		}
		most = max(most, sp.MaxCU)
	}
	return least, most
}

// checkCapacity applies §1.1's rules to a pool's range and its queues (with one queue's
// policies replaced by policies, when q is not nil): max_cu ≥ every queue's max CU and
// min_cu ≥ the sum of the queues' min CUs.
func (p *Project) checkCapacity(pl *Pool, minCU, maxCU int, q *Queue, policies []ScalingPolicy) error {
	sum := 0
	for _, other := range p.PoolQueues(pl.Name) {
		if q != nil && other.Name == q.Name {
			continue // counted below with its new policies
		}
		least, most := queueCURange(other)
		if most > maxCU {
			return invalid("The max_cu %d of elastic resource pool %s is less than the max CU %d of its queue %s.", maxCU, pl.Name, most, other.Name)
		}
		sum += least
	}
	if q != nil {
		least, most := queueCURange(&Queue{ScalingPolicies: policies})
		if most > maxCU {
			return invalid("The max CU %d of queue %s exceeds the max_cu %d of elastic resource pool %s.", most, q.Name, maxCU, pl.Name)
		}
		sum += least
	}
	if sum > minCU {
		return invalid("The min CUs of the queues in elastic resource pool %s add up to %d, more than its min_cu %d.", pl.Name, sum, minCU)
	}
	return nil
}

// UpdatePool changes a pool's description and CU range (nil: unchanged). A changed range
// must fit the pool's edition and its queues; it makes the pool SCALING and records a scale.
func (p *Project) UpdatePool(pl *Pool, description *string, minCU, maxCU *int, now int64) error {
	if st := pl.Status(now); st != PoolAvailable {
		return &UnavailableError{Msg: fmt.Sprintf("The elastic resource pool %s is %s and cannot be modified now. Try again later.", pl.Name, st)}
	}
	newMin, newMax := pl.MinCU, pl.MaxCU
	if minCU != nil {
		newMin = *minCU
	}
	if maxCU != nil {
		newMax = *maxCU
	}
	if newMin != pl.MinCU || newMax != pl.MaxCU {
		if err := PoolCURange(pl.Label, newMin, newMax); err != nil {
			return err
		}
		if err := p.checkCapacity(pl, newMin, newMax, nil, nil); err != nil {
			return err
		}
		pl.PrevMinCU = pl.MinCU
		pl.ScaleUntil = now + PoolScaleTime.Milliseconds()
		pl.Records = append(pl.Records, ScaleRecord{
			RecordTime: pl.ScaleUntil, OriginCU: pl.MinCU, TargetCU: newMin, CurrentCU: newMin,
			MinCU: newMin, MaxCU: newMax, Status: "success",
		})
		pl.MinCU, pl.MaxCU = newMin, newMax
	}
	if description != nil {
		pl.Description = *description
	}
	pl.UpdateTime = now
	return nil
}

// DeletePool deletes a pool that has no queues left.
func (p *Project) DeletePool(name string) error {
	pl, err := p.Pool(name)
	if err != nil {
		return err
	}
	if qs := p.PoolQueues(pl.Name); len(qs) > 0 {
		names := make([]string, len(qs))
		for i, q := range qs {
			names[i] = q.Name
		}
		return &UnsupportedError{Msg: fmt.Sprintf("The elastic resource pool %s still has queues (%s): delete them first.", pl.Name, strings.Join(names, ", "))}
	}
	delete(p.PoolData().ByName, pl.Name)
	return nil
}

// DefaultPolicy is the policy of a queue placed in a pool without policies: its CUs all day.
func DefaultPolicy(cu int) ScalingPolicy {
	return ScalingPolicy{Priority: 1, Start: "00:00", Stop: "24:00", MinCU: cu, MaxCU: cu}
}

// PlaceQueue puts q (new or existing) into the pool with the default policy, if the pool is
// available, fits it, and q is in no other pool (there is no disassociation).
func (p *Project) PlaceQueue(pl *Pool, q *Queue, now int64) error {
	if q.ElasticPool == pl.Name {
		return nil // already there: a no-op
	}
	if q.ElasticPool != "" {
		return &UnsupportedError{Msg: fmt.Sprintf("The queue %s already belongs to elastic resource pool %s; a queue cannot move to another pool.", q.Name, q.ElasticPool)}
	}
	if st := pl.Status(now); st != PoolAvailable && st != PoolScaling {
		return &UnavailableError{Msg: fmt.Sprintf("The elastic resource pool %s is %s: queues can be added only to an available pool.", pl.Name, st)}
	}
	policies := []ScalingPolicy{DefaultPolicy(q.CUSpec)}
	if err := p.checkCapacity(pl, pl.MinCU, pl.MaxCU, q, policies); err != nil {
		return err
	}
	q.ElasticPool, q.ScalingPolicies = pl.Name, policies
	return nil
}

var policyTime = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// SetPolicies replaces a pooled queue's scaling policies (§1.7's rules: a default
// 00:00-24:00 policy, priority 1-100, min ≤ max, start < stop, CUs that fit the pool).
func (p *Project) SetPolicies(pl *Pool, q *Queue, policies []ScalingPolicy) error {
	if q.ElasticPool != pl.Name {
		return &NotFoundError{Kind: KindQueue, Name: q.Name, In: pl.Name}
	}
	hasDefault := false
	for i, sp := range policies {
		switch {
		case sp.Priority < 1 || sp.Priority > 100:
			return invalid("Invalid queue_scaling_policies[%d].priority %d: it must be 1 to 100.", i, sp.Priority)
		case !policyTime.MatchString(sp.Start):
			return invalid("Invalid queue_scaling_policies[%d].impact_start_time %q: the format is HH:mm.", i, sp.Start)
		case sp.Stop != "24:00" && !policyTime.MatchString(sp.Stop):
			return invalid("Invalid queue_scaling_policies[%d].impact_stop_time %q: the format is HH:mm (or 24:00).", i, sp.Stop)
		case sp.Start >= sp.Stop:
			return invalid("Invalid queue_scaling_policies[%d]: impact_start_time %s is not before impact_stop_time %s.", i, sp.Start, sp.Stop)
		case sp.MinCU < 0 || sp.MinCU > sp.MaxCU:
			return invalid("Invalid queue_scaling_policies[%d]: min_cu %d must be from 0 to max_cu %d.", i, sp.MinCU, sp.MaxCU)
		}
		hasDefault = hasDefault || (sp.Start == "00:00" && sp.Stop == "24:00")
	}
	if !hasDefault {
		return invalid("Invalid queue_scaling_policies: every queue needs a default policy from 00:00 to 24:00.")
	}
	if err := p.checkCapacity(pl, pl.MinCU, pl.MaxCU, q, policies); err != nil {
		return err
	}
	q.ScalingPolicies = policies
	return nil
}

// ActivePolicy is the policy in effect for a pooled queue at the emulated time now (UTC):
// the highest-priority policy whose window holds the time of day.
func ActivePolicy(policies []ScalingPolicy, now int64) (ScalingPolicy, bool) {
	tod := time.UnixMilli(now).UTC().Format("15:04")
	var best ScalingPolicy
	found := false
	for _, sp := range policies {
		if sp.Start <= tod && tod < sp.Stop && (!found || sp.Priority > best.Priority) {
			best, found = sp, true
		}
	}
	return best, found
}
