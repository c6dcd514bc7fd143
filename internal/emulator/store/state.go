package store

import (
	"time"
)

// StateVersion is the state file format version.
const StateVersion = 1

// State is all emulated data; it is what the state file holds.
type State struct {
	Version  int                 `json:"version"`
	SavedAt  time.Time           `json:"saved_at_emulated"` // emulated clock when saved
	NextID   int64               `json:"next_id"`           // numeric ids (queue_id, variable id, ...)
	Projects map[string]*Project `json:"projects"`          // project id -> data

	// IAMUsers are the sub-users added besides DefaultIAMUsers (privileges.go).
	IAMUsers []string `json:"iam_users,omitempty"`
}

// Project is the data of one project. Feature files add their maps here.
type Project struct {
	Queues      map[string]*Queue     `json:"queues"`                         // lowercase name -> queue
	Variables   map[string]*GlobalVar `json:"global_variables"`               // name -> variable
	QueueJobs   []QueueJob            `json:"queue_jobs"`                     // RESTART_QUEUE jobs from forced restarts
	Connections *ConnectionData       `json:"enhanced_connections,omitempty"` // enhanced connections (dli_connections.go)
	Batches     *BatchData            `json:"batches,omitempty"`              // Spark batch jobs (dli_batches.go)
	Flink       *FlinkData            `json:"flink,omitempty"`                // Flink SQL jobs (dli_flink_jobs.go)
	Databases   map[string]*Database  `json:"databases"`                      // lowercase name -> database with its tables (dli_databases.go)
	SQLJobs     map[string]*SQLJob    `json:"sql_jobs"`                       // job id -> SQL job (dli_sql_jobs.go)
	// queue scaling plans (issue 14)
	Plans      map[int64]*QueuePlan `json:"queue_plans,omitempty"` // plan id -> scheduled scaling plan (queue_plans.go)
	Privileges *PrivilegeData       `json:"privileges,omitempty"`  // permissions per object (dli_privileges.go)
	Packages   *PackageData         `json:"packages,omitempty"`    // resource packages (issue 17, dli_packages.go)
	// datasource auth, agency, OBS authorisation (auth_infos.go)
	AuthInfos   map[string]*AuthInfo `json:"auth_infos,omitempty"`   // name -> datasource authentication
	AgencyRoles []string             `json:"agency_roles,omitempty"` // roles of the DLI agency, sorted
	OBSBuckets  []string             `json:"obs_buckets,omitempty"`  // buckets authorised for DLI, sorted
	// issue 16: SQL and Spark job templates (templates.go)
	Templates *TemplateData `json:"job_templates,omitempty"`
	// issue 16: how long SQL jobs other than DDL/DCL run, in seconds; 0: SqlJobQueryRunTime
	SQLQueryRunSeconds int64     `json:"sql_query_run_seconds,omitempty"`
	Pools              *PoolData `json:"pools,omitempty"` // elastic resource pools (pools.go; issue 14)
}

func NewState() *State {
	return &State{Version: StateVersion, NextID: 1, Projects: map[string]*Project{}}
}

// Project returns (creating if needed) the data of a project.
func (s *State) Project(id string) *Project {
	p := s.Projects[id]
	if p == nil {
		p = &Project{}
		s.Projects[id] = p
	}
	p.Init()
	return p
}

func (p *Project) Init() {
	if p.Queues == nil {
		p.Queues = map[string]*Queue{}
	}
	if p.Variables == nil {
		p.Variables = map[string]*GlobalVar{}
	}
	p.InitCatalog()
}

// AllocID allocates a numeric id.
func (s *State) AllocID() int64 {
	id := s.NextID
	s.NextID++
	return id
}
