package httpapi

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// lookupQueue finds a queue by (case-insensitive) name; visibleOnly applies
// the consistency delay (for reads).
func (e *Server) lookupQueue(c *call, name string, visibleOnly bool) (*queue, *apiError) {
	q, err := c.proj.Queue(name)
	if err == nil && visibleOnly && !e.visible(q.CreatedReal) {
		err = &store.NotFoundError{Kind: store.KindQueue, Name: q.Name}
	}
	if err != nil {
		return nil, domainError(err)
	}
	return q, nil
}

// createQueueBody is the §6.1 request body plus the SDK-only fields.
type createQueueBody struct {
	QueueName               *string         `json:"queue_name"`
	QueueType               *string         `json:"queue_type"`
	Description             *string         `json:"description"`
	CuCount                 *int            `json:"cu_count"`
	ChargingMode            *int            `json:"charging_mode"`
	EnterpriseProjectID     *string         `json:"enterprise_project_id"`
	Platform                *string         `json:"platform"`
	ResourceMode            *int            `json:"resource_mode"`
	Labels                  []any           `json:"labels"`
	Feature                 *string         `json:"feature"`
	Tags                    []*queueTagBody `json:"tags"`
	ElasticResourcePoolName *string         `json:"elastic_resource_pool_name"`
	Properties              map[string]any  `json:"properties"`
	Engine                  *string         `json:"engine"`
}

type queueTagBody struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

func (e *Server) createQueue(c *call) result {
	var b createQueueBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.QueueName == nil {
		return fail(badRequest("queue_name is required."))
	}
	if err := validName("queue_name", *b.QueueName); err != nil {
		return fail(err)
	}
	name := strings.ToLower(*b.QueueName)
	q := &queue{
		Name: name, Type: "sql", Owner: c.user.UserName, ResourceID: store.NewUUID(),
		EnterpriseProjectID: "0", Platform: "x86_64", ChargingMode: 1, Engine: "spark",
		Labels: []string{}, Tags: []queueTag{}, CreateTime: c.nowMillis(),
	}
	if b.QueueType != nil {
		switch *b.QueueType {
		case "sql", "general":
			q.Type = *b.QueueType
		default:
			return fail(badRequest("Invalid queue_type %q: must be sql or general.", *b.QueueType))
		}
	}
	if b.Description != nil {
		q.Description = *b.Description
	}
	if b.CuCount == nil {
		return fail(badRequest("cu_count is required."))
	}
	switch *b.CuCount {
	case 16, 64, 256:
		q.CUSpec = *b.CuCount
	default:
		return fail(badRequest("Invalid cu_count %d: only 16, 64 and 256 are supported.", *b.CuCount))
	}
	if b.ChargingMode != nil && *b.ChargingMode != 1 {
		return fail(badRequest("Invalid charging_mode %d: only 1 (pay-per-use) is supported.", *b.ChargingMode))
	}
	if b.EnterpriseProjectID != nil && *b.EnterpriseProjectID != "" {
		q.EnterpriseProjectID = *b.EnterpriseProjectID
	}
	if b.Platform != nil {
		switch *b.Platform {
		case "x86_64", "aarch64":
			q.Platform = *b.Platform
		default:
			return fail(badRequest("Invalid platform %q: must be x86_64 or aarch64.", *b.Platform))
		}
	}
	if b.ResourceMode != nil {
		if *b.ResourceMode != 0 && *b.ResourceMode != 1 {
			return fail(badRequest("Invalid resource_mode %d: must be 0 (shared) or 1 (dedicated).", *b.ResourceMode))
		}
		q.ResourceMode = *b.ResourceMode
	}
	for _, l := range b.Labels {
		s, isString := l.(string)
		if !isString || s != "multi_az=2" {
			return fail(badRequest("Invalid labels value %v: only \"multi_az=2\" is supported.", l))
		}
		if len(q.Labels) == 0 {
			q.Labels = append(q.Labels, s)
		}
	}
	if b.Feature != nil {
		switch *b.Feature {
		case "basic", "ai":
			q.Feature = *b.Feature
		default:
			return fail(badRequest("Invalid feature %q: must be basic or ai.", *b.Feature))
		}
	}
	if b.Engine != nil {
		switch *b.Engine {
		case "spark", "hetuEngine":
			q.Engine = *b.Engine
		default:
			return fail(badRequest("Invalid engine %q: must be spark or hetuEngine.", *b.Engine))
		}
	}
	for i, t := range b.Tags {
		if t == nil || t.Key == nil || *t.Key == "" {
			return fail(badRequest("tags[%d].key is required.", i))
		}
		if t.Value == nil || *t.Value == "" {
			return fail(badRequest("tags[%d].value is required.", i))
		}
		q.Tags = append(q.Tags, queueTag{Key: *t.Key, Value: *t.Value})
	}
	if b.ElasticResourcePoolName != nil && *b.ElasticResourcePoolName != "" {
		// Created inside the pool (dli-sdk-extras.md §1.9): the pool must exist, be available
		// and fit the queue's CUs.
		pl, err := c.proj.Pool(*b.ElasticResourcePoolName)
		if err == nil {
			err = c.proj.PlaceQueue(pl, q, c.nowMillis())
		}
		if err != nil {
			return failDomain(err)
		}
	}
	q.Properties = b.Properties
	if len(b.Properties) > 0 {
		raw := map[string]json.RawMessage{}
		for k, v := range b.Properties {
			raw[k], _ = json.Marshal(v)
		}
		props, perr := parseQueueProperties(raw, createProps)
		if perr != nil {
			return fail(perr)
		}
		q.Props = props
	}
	q.CreatedReal = c.real
	if err := c.proj.AddQueue(q, e.data.AllocID()); err != nil {
		return failDomain(err)
	}
	return ok(createQueueResponse{IsSuccess: true, QueueName: name})
}

// queueListItem is a §6.3 list item (snake_case, as the SDK's model.Queue).
type queueListItem struct {
	QueueID             int64  `json:"queue_id"`
	QueueName           string `json:"queue_name"`
	Description         string `json:"description"`
	Owner               string `json:"owner"`
	Engine              string `json:"engine"`
	CreateTime          int64  `json:"create_time"`
	QueueType           string `json:"queue_type"`
	CuCount             int    `json:"cu_count"`
	ChargingMode        int    `json:"charging_mode"`
	ResourceID          string `json:"resource_id"`
	EnterpriseProjectID string `json:"enterprise_project_id"`
	CidrInVpc           string `json:"cidr_in_vpc"`
	CidrInMgntsubnet    string `json:"cidr_in_mgntsubnet"`
	CidrInSubnet        string `json:"cidr_in_subnet"`
	ResourceMode        int    `json:"resource_mode"`
	Platform            string `json:"platform"`
	IsRestarting        bool   `json:"is_restarting"`
	Labels              string `json:"labels"`
	Feature             string `json:"feature,omitempty"`
	QueueResourceType   string `json:"queue_resource_type"`
	ResourceType        string `json:"resource_type"`
	CuSpec              int    `json:"cu_spec"`
	CuScaleOutLimit     int    `json:"cu_scale_out_limit"`
	CuScaleInLimit      int    `json:"cu_scale_in_limit"`
	ElasticPool         string `json:"elastic_resource_pool_name,omitempty"`
}

func queueListItemOf(q *queue, now int64) queueListItem {
	return queueListItem{
		QueueID: q.ID, QueueName: q.Name, Description: q.Description, Owner: q.Owner, Engine: q.Engine,
		CreateTime: q.CreateTime, QueueType: q.Type, CuCount: q.CUCount(now), ChargingMode: q.ChargingMode,
		ResourceID: q.ResourceID, EnterpriseProjectID: q.EnterpriseProjectID,
		CidrInVpc: "10.0.0.0/8", CidrInMgntsubnet: "10.23.128.0/24", CidrInSubnet: "10.0.0.0/24",
		ResourceMode: q.ResourceMode, Platform: q.Platform, IsRestarting: now < q.RestartUntil,
		Labels: strings.Join(q.Labels, ","), Feature: q.Feature, QueueResourceType: "vm", ResourceType: "vm",
		CuSpec: q.CUSpec, CuScaleOutLimit: queueMaxCUs, CuScaleInLimit: queueMinCUs, ElasticPool: q.ElasticPool,
	}
}

func (e *Server) listQueues(c *call) result {
	qt := c.query("queue_type")
	switch qt {
	case "":
		qt = "sql"
	case "sql", "general", "all":
	default:
		return fail(badRequest("Invalid queue_type %q: must be sql, general or all.", qt))
	}
	pageSize, err := c.intParam("page-size", 0, 1)
	if err != nil {
		return fail(err)
	}
	page, err := c.intParam("current-page", 1, 1)
	if err != nil {
		return fail(err)
	}
	order := c.query("order")
	switch order {
	case "":
		order = "queue_name_asc"
	case "queue_name_asc", "queue_name_desc", "cu_asc", "cu_desc":
	default:
		return fail(badRequest("Invalid order %q: must be queue_name_asc, queue_name_desc, cu_asc or cu_desc.", order))
	}
	tagFilter, err := parseTagFilter(c.query("tags"))
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	items := []queueListItem{}
	for _, q := range c.proj.Queues {
		if !e.visible(q.CreatedReal) || (qt != "all" && q.Type != qt) || !q.HasTags(tagFilter) {
			continue
		}
		items = append(items, queueListItemOf(q, now))
	}
	sort.Slice(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch order {
		case "queue_name_desc":
			return a.QueueName > b.QueueName
		case "cu_asc":
			if a.CuCount != b.CuCount {
				return a.CuCount < b.CuCount
			}
		case "cu_desc":
			if a.CuCount != b.CuCount {
				return a.CuCount > b.CuCount
			}
		}
		return a.QueueName < b.QueueName
	})
	if pageSize > 0 {
		start := (page - 1) * pageSize
		if start >= len(items) {
			items = []queueListItem{}
		} else {
			items = items[start:min(start+pageSize, len(items))]
		}
	}
	return ok(listQueuesResponse{IsSuccess: true, Queues: items})
}

// parseTagFilter parses "k1=v1,k2=v2".
func parseTagFilter(s string) ([]queueTag, *apiError) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []queueTag
	for _, part := range strings.Split(s, ",") {
		k, v, found := strings.Cut(strings.TrimSpace(part), "=")
		if !found || k == "" {
			return nil, badRequest("Invalid tags %q: the format is k1=v1,k2=v2.", s)
		}
		out = append(out, queueTag{Key: k, Value: v})
	}
	return out, nil
}

// queueDetail is the §6.4 response; queueName, queueType, cuCount and
// chargingMode are camelCase exactly as the SDK's model.ShowQueueResponse.
type queueDetail struct {
	IsSuccess           bool   `json:"is_success"`
	Message             string `json:"message"`
	QueueID             int64  `json:"queue_id"`
	QueueName           string `json:"queueName"`
	Description         string `json:"description"`
	Owner               string `json:"owner"`
	CreateTime          int64  `json:"create_time"`
	QueueType           string `json:"queueType"`
	CuCount             int    `json:"cuCount"`
	ChargingMode        int    `json:"chargingMode"`
	ResourceID          string `json:"resource_id"`
	ResourceMode        int    `json:"resource_mode"`
	EnterpriseProjectID string `json:"enterprise_project_id"`
	ResourceType        string `json:"resource_type"`
	CuSpec              int    `json:"cu_spec"`
	CuScaleOutLimit     int    `json:"cu_scale_out_limit"`
	CuScaleInLimit      int    `json:"cu_scale_in_limit"`
	ElasticPool         string `json:"elastic_resource_pool_name,omitempty"`
}

func (e *Server) showQueue(c *call) result {
	q, err := e.lookupQueue(c, c.path("queue_name"), true)
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	return ok(queueDetail{
		IsSuccess: true, QueueID: q.ID, QueueName: q.Name, Description: q.Description, Owner: q.Owner,
		CreateTime: q.CreateTime, QueueType: q.Type, CuCount: q.CUCount(now), ChargingMode: q.ChargingMode,
		ResourceID: q.ResourceID, ResourceMode: q.ResourceMode, EnterpriseProjectID: q.EnterpriseProjectID,
		ResourceType: "vm", CuSpec: q.CUSpec, CuScaleOutLimit: queueMaxCUs, CuScaleInLimit: queueMinCUs,
		ElasticPool: q.ElasticPool,
	})
}

func (e *Server) deleteQueue(c *call) result {
	if err := c.proj.DeleteQueue(c.path("queue_name"), c.nowMillis()); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}

// queueActionBody is the §6.5 request body; force may be a boolean or the
// string "true"/"false" (the documented example sends a string).
type queueActionBody struct {
	Action  *string         `json:"action"`
	Force   flexBool        `json:"force"`
	CuCount json.RawMessage `json:"cu_count"`
}

func (e *Server) runQueueAction(c *call) result {
	b := queueActionBody{Force: flexBool{name: "force"}}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Action == nil || *b.Action == "" {
		return fail(badRequest("action is required."))
	}
	action := *b.Action
	if action != "restart" && action != "scale_out" && action != "scale_in" {
		return fail(badRequest("Invalid action %q: only restart, scale_out and scale_in are supported.", action))
	}
	q, err := e.lookupQueue(c, c.path("queue_name"), false)
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	if action == "restart" {
		// §6.5: "only SQL queues can be restarted, and only while the queue is available
		// (it becomes available after an SQL job has run successfully)".
		job, err := c.proj.RestartQueue(q, b.Force.Value, store.NewUUID(), now)
		if err != nil {
			return failDomain(err)
		}
		if job == nil {
			return ok(success("Restart success"))
		}
		return ok(queueActionResponse{
			IsSuccess: true,
			Message:   "Submit restart job success, it need some time to cancel jobs, please wait for a while and check job status",
			JobID:     job.JobID,
		})
	}
	delta, derr := parseCUDelta(b.CuCount)
	if derr != nil {
		return fail(derr)
	}
	if err := q.Scale(action == "scale_out", delta, now); err != nil {
		return failDomain(err)
	}
	yes := true
	return ok(queueActionResponse{IsSuccess: true, QueueName: q.Name, Result: &yes})
}

// parseCUDelta validates the scale cu_count: a positive multiple of 16.
func parseCUDelta(raw json.RawMessage) (int, *apiError) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, badRequest("cu_count is required for scale_out and scale_in.")
	}
	var n int
	if err := json.Unmarshal(raw, &n); err != nil {
		return 0, badRequest("Invalid value for cu_count: expected an integer, got %s.", string(raw))
	}
	if n <= 0 || n%16 != 0 {
		return 0, badRequest("Invalid cu_count %d: it must be a positive multiple of 16.", n)
	}
	return n, nil
}
