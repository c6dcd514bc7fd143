package httpapi

// Wire DTOs of the elastic resource pool answers (dli-sdk-extras.md §1), with the SDK
// models' JSON names and types (id and the CUs are numbers).

type createPoolResponse struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
	Name      string `json:"elastic_resource_pool_name"`
}

// poolItem is model.ElasticResourcePool.
type poolItem struct {
	Name                string            `json:"elastic_resource_pool_name"`
	ID                  int64             `json:"id"`
	ResourceID          string            `json:"resource_id"`
	UpdateTime          int64             `json:"update_time"`
	CreateTime          int64             `json:"create_time"`
	Queues              []string          `json:"queues"`
	Owner               string            `json:"owner"`
	Description         string            `json:"description"`
	MaxCU               int               `json:"max_cu"`
	MinCU               int               `json:"min_cu"`
	ActualCU            int               `json:"actual_cu"`
	CurrentCU           int               `json:"current_cu"`
	PrepayCU            int               `json:"prepay_cu"`
	CidrInVpc           string            `json:"cidr_in_vpc"`
	Status              string            `json:"status"`
	FailReason          string            `json:"fail_reason,omitempty"`
	EnterpriseProjectID string            `json:"enterprise_project_id"`
	ChargingMode        int               `json:"charging_mode"`
	Manager             string            `json:"manager"`
	Label               map[string]string `json:"label,omitempty"`
	IPv6Enable          bool              `json:"ipv6_enable"`
	IPv6CidrInSubnet    string            `json:"ipv6_cidr_in_subnet,omitempty"`
}

type listPoolsResponse struct {
	IsSuccess bool       `json:"is_success"`
	Message   string     `json:"message"`
	Count     int        `json:"count"`
	Pools     []poolItem `json:"elastic_resource_pools"`
}

// scalingPolicyItem is model.QueueScalingPolicy.
type scalingPolicyItem struct {
	Priority       int    `json:"priority"`
	Start          string `json:"impact_start_time"`
	Stop           string `json:"impact_stop_time"`
	MinCU          int    `json:"min_cu"`
	MaxCU          int    `json:"max_cu"`
	InheritPoolMax *bool  `json:"inherit_elastic_resource_pool_max_cu,omitempty"`
}

// poolQueueItem is model.ElasticResourcePoolQueue.
type poolQueueItem struct {
	QueueName           string              `json:"queue_name"`
	EnterpriseProjectID string              `json:"enterprise_project_id"`
	QueueType           string              `json:"queue_type"`
	Policies            []scalingPolicyItem `json:"queue_scaling_policies"`
	Owner               string              `json:"owner"`
	CreateTime          int64               `json:"create_time"`
	Engine              string              `json:"engine"`
}

type listPoolQueuesResponse struct {
	IsSuccess bool            `json:"is_success"`
	Message   string          `json:"message"`
	Count     int             `json:"count"`
	Queues    []poolQueueItem `json:"queues"`
}

// scaleRecordItem is model.ElasticResourcePoolScaleRecord.
type scaleRecordItem struct {
	RecordTime int64  `json:"record_time"`
	OriginCU   int    `json:"origin_cu"`
	TargetCU   int    `json:"target_cu"`
	CurrentCU  int    `json:"current_cu"`
	MinCU      int    `json:"min_cu"`
	MaxCU      int    `json:"max_cu"`
	Status     string `json:"status"`
	FailReason string `json:"fail_reason,omitempty"`
}

// listScaleRecordsResponse has no is_success (§1.8).
type listScaleRecordsResponse struct {
	Count int               `json:"count"`
	Items []scaleRecordItem `json:"items"`
}
