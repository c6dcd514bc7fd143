package httpapi

import (
	"net"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Elastic resource pools (dli-sdk-extras.md §1): create, list, update, delete. The
// pool's queues and their scaling policies are in dli_pool_queues.go.

type createPoolBody struct {
	Name                *string           `json:"elastic_resource_pool_name"`
	Description         *string           `json:"description"`
	CidrInVpc           *string           `json:"cidr_in_vpc"`
	MaxCU               *int              `json:"max_cu"`
	MinCU               *int              `json:"min_cu"`
	ChargingMode        *int              `json:"charging_mode"`
	EnterpriseProjectID *string           `json:"enterprise_project_id"`
	Tags                []*queueTagBody   `json:"tags"`
	Label               map[string]string `json:"label"`
	IPv6Enable          *bool             `json:"ipv6_enable"`
}

// validPoolName applies §1.0's name rule to the lowercased name.
func validPoolName(name string) *apiError {
	if !store.PoolNamePattern.MatchString(name) || strings.Trim(name, "0123456789") == "" {
		return badRequest("Invalid elastic_resource_pool_name %q: 1 to 128 digits, lowercase letters and underscores, not all digits, not starting with an underscore.", name)
	}
	return nil
}

// validPoolLabel accepts the editions of §1.0: {"spec":"basic"} or {"billing_spec_code":"developer"}.
func validPoolLabel(label map[string]string) *apiError {
	for k, v := range label {
		if !(k == "spec" && v == "basic") && !(k == "billing_spec_code" && v == "developer") {
			return badRequest("Invalid label %s=%s: only spec=basic and billing_spec_code=developer are supported.", k, v)
		}
	}
	return nil
}

func (e *Server) createPool(c *call) result {
	var b createPoolBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Name == nil {
		return fail(badRequest("elastic_resource_pool_name is required."))
	}
	name := strings.ToLower(*b.Name)
	if err := validPoolName(name); err != nil {
		return fail(err)
	}
	if b.MinCU == nil || b.MaxCU == nil {
		return fail(badRequest("min_cu and max_cu are required."))
	}
	if err := validPoolLabel(b.Label); err != nil {
		return fail(err)
	}
	if err := store.PoolCURange(b.Label, *b.MinCU, *b.MaxCU); err != nil {
		return failDomain(err)
	}
	pl := &store.Pool{
		Name: name, ResourceID: store.NewUUID(), Owner: c.user.UserName, MinCU: *b.MinCU, MaxCU: *b.MaxCU,
		CidrInVpc: "172.16.0.0/12", ChargingMode: 1, EnterpriseProjectID: "0", Label: b.Label,
		Tags: []queueTag{}, CreateTime: c.nowMillis(), CreatedReal: c.real,
	}
	if b.Description != nil {
		if utf8.RuneCountInString(*b.Description) > 256 {
			return fail(badRequest("Invalid description: at most 256 characters."))
		}
		pl.Description = *b.Description
	}
	if b.CidrInVpc != nil {
		if _, _, err := net.ParseCIDR(*b.CidrInVpc); err != nil {
			return fail(badRequest("Invalid cidr_in_vpc %q: not a CIDR block.", *b.CidrInVpc))
		}
		pl.CidrInVpc = *b.CidrInVpc
	}
	if b.ChargingMode != nil {
		if *b.ChargingMode != 1 {
			return fail(badRequest("Invalid charging_mode %d: only 1 (pay per use) is supported.", *b.ChargingMode))
		}
	}
	if b.EnterpriseProjectID != nil && *b.EnterpriseProjectID != "" {
		pl.EnterpriseProjectID = *b.EnterpriseProjectID
	}
	if b.IPv6Enable != nil {
		pl.IPv6Enable = *b.IPv6Enable
	}
	for i, t := range b.Tags {
		if t == nil || t.Key == nil || *t.Key == "" || utf8.RuneCountInString(*t.Key) > 128 ||
			t.Value == nil || *t.Value == "" || utf8.RuneCountInString(*t.Value) > 255 {
			return fail(badRequest("tags[%d]: key (1 to 128 characters) and value (1 to 255 characters) are required.", i))
		}
		pl.Tags = append(pl.Tags, queueTag{Key: *t.Key, Value: *t.Value})
	}
	if err := c.proj.AddPool(pl, e.data.AllocID()); err != nil {
		return failDomain(err)
	}
	return ok(createPoolResponse{IsSuccess: true, Name: name})
}

func poolItemOf(p *projectData, pl *store.Pool, now int64) poolItem {
	queues := []string{}
	current := 0
	for _, q := range p.PoolQueues(pl.Name) {
		queues = append(queues, q.Name)
		// The queue holds its active policy's minimum: policies take effect on the emulated clock.
		if sp, found := store.ActivePolicy(q.ScalingPolicies, now); found {
			current += sp.MinCU
		}
	}
	item := poolItem{
		Name: pl.Name, ID: pl.ID, ResourceID: pl.ResourceID, UpdateTime: pl.UpdateTime, CreateTime: pl.CreateTime,
		Queues: queues, Owner: pl.Owner, Description: pl.Description, MaxCU: pl.MaxCU, MinCU: pl.MinCU,
		ActualCU: pl.ActualCU(now), CurrentCU: current, CidrInVpc: pl.CidrInVpc, Status: pl.Status(now),
		EnterpriseProjectID: pl.EnterpriseProjectID, ChargingMode: pl.ChargingMode, Manager: "CCE",
		Label: pl.Label, IPv6Enable: pl.IPv6Enable,
	}
	if item.Status == store.PoolFailed {
		item.FailReason = pl.FailReason
	}
	if pl.IPv6Enable {
		item.IPv6CidrInSubnet = "fd00:172:16::/64"
	}
	return item
}

// listPools is ListElasticResourcePools: fuzzy name filter, status and tag filters,
// offset/limit paging (an offset past the end is an empty page), count before paging.
func (e *Server) listPools(c *call) result {
	offset, limit, err := c.pageParams(100, 1)
	if err != nil {
		return fail(err)
	}
	status := c.query("status")
	switch status {
	case "", store.PoolAvailable, store.PoolScaling, store.PoolCreating, store.PoolFailed:
	default:
		return fail(badRequest("Invalid status %q: must be AVAILABLE, SCALING, CREATING or FAILED.", status))
	}
	tagFilter, err := parseTagFilter(c.query("tags"))
	if err != nil {
		return fail(err)
	}
	name := strings.ToLower(c.query("name"))
	now := c.nowMillis()
	items := []poolItem{}
	for _, pl := range c.proj.PoolData().ByName {
		if !e.visible(pl.CreatedReal) || !strings.Contains(pl.Name, name) ||
			(status != "" && pl.Status(now) != status) || !(&queue{Tags: pl.Tags}).HasTags(tagFilter) {
			continue
		}
		items = append(items, poolItemOf(c.proj, pl, now))
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Name < items[j].Name })
	total := len(items)
	return ok(listPoolsResponse{IsSuccess: true, Count: total, Pools: pageOf(items, offset, limit)})
}

type updatePoolBody struct {
	Description *string `json:"description"`
	MaxCU       *int    `json:"max_cu"`
	MinCU       *int    `json:"min_cu"`
}

func (e *Server) updatePool(c *call) result {
	pl, err := c.proj.Pool(c.path("elastic_resource_pool_name"))
	if err != nil {
		return failDomain(err)
	}
	var b updatePoolBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Description != nil && utf8.RuneCountInString(*b.Description) > 256 {
		return fail(badRequest("Invalid description: at most 256 characters."))
	}
	if err := c.proj.UpdatePool(pl, b.Description, b.MinCU, b.MaxCU, c.nowMillis()); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}

// deletePool is DeleteElasticResourcePool: refused (DLI.0007) while the pool has queues;
// an empty JSON body, as the incumbent's comment says, is accepted and ignored.
func (e *Server) deletePool(c *call) result {
	if err := c.proj.DeletePool(c.path("elastic_resource_pool_name")); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}

// listPoolScaleRecords is ListElasticResourcePoolScaleRecords (§1.8): the completed
// records within the time window (default: the last 15 days; at most 30 days back),
// filtered by status, paged by offset/limit.
func (e *Server) listPoolScaleRecords(c *call) result {
	pl, perr := c.proj.Pool(c.path("elastic_resource_pool_name"))
	if perr != nil {
		return failDomain(perr)
	}
	var err *apiError
	now := c.nowMillis()
	const day = int64(24 * 3600 * 1000)
	start, end := now-15*day, now
	parse := func(name string) (int64, *apiError) {
		v, perr := strconv.ParseInt(c.query(name), 10, 64)
		if perr != nil {
			return 0, badRequest("Invalid %s %q: epoch milliseconds expected.", name, c.query(name))
		}
		return v, nil
	}
	switch {
	case c.hasQuery("start_time") && c.hasQuery("end_time"):
		if start, err = parse("start_time"); err == nil {
			end, err = parse("end_time")
		}
	case c.hasQuery("start_time"):
		start, err = parse("start_time")
	case c.hasQuery("end_time"):
		if end, err = parse("end_time"); err == nil {
			start = end - 7*day
		}
	}
	if err != nil {
		return fail(err)
	}
	if start < now-30*day || start > end || end > now {
		return fail(badRequest("Invalid time window: start_time must be within the last 30 days and not after end_time, end_time not in the future."))
	}
	status := c.query("status")
	if status != "" && status != "success" && status != "fail" {
		return fail(badRequest("Invalid status %q: must be success or fail.", status))
	}
	offset, limit, err := c.pageParams(100, 1)
	if err != nil {
		return fail(err)
	}
	items := []scaleRecordItem{}
	for _, r := range pl.RecordsAt(now) {
		if r.RecordTime < start || r.RecordTime > end || (status != "" && r.Status != status) {
			continue
		}
		items = append(items, scaleRecordItem(r))
	}
	page := pageOf(items, offset, limit)
	return ok(listScaleRecordsResponse{Count: len(page), Items: page})
}
