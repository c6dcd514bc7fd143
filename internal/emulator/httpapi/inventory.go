package httpapi

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Inventory is every object the emulator holds, per project (GET
// /_emulator/inventory). It ignores the consistency delay: it is the truth,
// not what a reader may see yet. DataArts objects are fixtures and not listed.
type Inventory struct {
	Projects map[string]ProjectInventory `json:"projects"` // project id -> objects
}

// ProjectInventory is the objects of one project. Every list is sorted and
// never nil.
type ProjectInventory struct {
	Queues              []InventoryQueue      `json:"queues"`
	Databases           []InventoryDatabase   `json:"databases"`
	Tables              []InventoryTable      `json:"tables"`
	GlobalVariables     []InventoryVariable   `json:"global_variables"`
	FlinkJobs           []InventoryFlinkJob   `json:"flink_jobs"`
	SparkBatches        []InventoryBatch      `json:"spark_batches"`
	SQLJobs             []InventorySQLJob     `json:"sql_jobs"`
	EnhancedConnections []InventoryConnection `json:"enhanced_connections"`
	ResourcePackages    []InventoryPackage    `json:"resource_packages"`      // issue 17
	Privileges          []InventoryPrivilege  `json:"privileges"`             // permissions (dli_privileges.go)
	QueuePlans          []InventoryQueuePlan  `json:"queue_plans"`            // issue 14: queue scaling plans
	ElasticPools        []InventoryPool       `json:"elastic_resource_pools"` // issue 14
	// datasource auth, agency, OBS authorisation (issue 17)
	DatasourceAuths []InventoryAuthInfo `json:"datasource_auths"`
	AgencyRoles     []string            `json:"agency_roles"` // roles of the DLI agency
	// OBSBuckets are the buckets authorised for DLI. They are not leftovers: DLI has no
	// API to revoke an authorisation.
	OBSBuckets []string `json:"obs_buckets"`
	// issue 16: SQL and Spark job templates
	JobTemplates []InventoryTemplate `json:"job_templates"`
}

// InventoryAuthInfo is a datasource authentication (its secrets are not listed).
type InventoryAuthInfo struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// InventoryQueuePlan is a scheduled scaling plan; ID is "queue/plan_id".
type InventoryQueuePlan struct {
	ID       string `json:"id"`
	Queue    string `json:"queue"`
	Name     string `json:"name"`
	TargetCU int    `json:"target_cu"`
}

// InventoryTemplate is an SQL or Spark job template.
type InventoryTemplate struct {
	ID   string `json:"id"`
	Type string `json:"type"` // SQL, SPARK or FLINK
	Name string `json:"name"`
}

// InventoryQueue is a queue with its current CU count.
type InventoryQueue struct {
	Name      string `json:"name"`
	QueueType string `json:"queue_type"`
	CUCount   int    `json:"cu_count"`
}

// InventoryDatabase is a database; BuiltIn marks "default".
type InventoryDatabase struct {
	Name    string `json:"name"`
	BuiltIn bool   `json:"built_in"`
}

// InventoryTable is a table or view; ID is "database/table".
type InventoryTable struct {
	ID       string `json:"id"`
	Database string `json:"database"`
	Name     string `json:"name"`
}

// InventoryVariable is a global variable (its value is not listed).
type InventoryVariable struct {
	Name        string `json:"name"`
	IsSensitive bool   `json:"is_sensitive"`
}

// InventoryFlinkJob is a Flink job; deleted jobs are kept, marked.
type InventoryFlinkJob struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Status  string `json:"status"`
	Deleted bool   `json:"deleted"`
}

// InventoryBatch is a Spark batch job with its current state.
type InventoryBatch struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	State string `json:"state"`
}

// InventorySQLJob is a SQL job (including forced-restart jobs).
type InventorySQLJob struct {
	ID      string `json:"id"`
	JobType string `json:"job_type"`
	Status  string `json:"status"`
	// Statement is the job's SQL (issue 16: lets tests find a job by what it runs).
	Statement string `json:"statement,omitempty"`
}

// InventoryConnection is an enhanced connection (DELETED ones are kept).
type InventoryConnection struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
}

// InventoryPrivilege is what one grantee (user or project) holds on one object.
type InventoryPrivilege struct {
	Object     string   `json:"object"`
	Grantee    string   `json:"grantee"`
	Privileges []string `json:"privileges"`
}

// InventoryPackage is a resource package; ID is "group/name" ("name" when ungrouped).
type InventoryPackage struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Status string `json:"status"`
}

// InventoryPool is an elastic resource pool with its status and CU range (issue 14).
type InventoryPool struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	MinCU  int    `json:"min_cu"`
	MaxCU  int    `json:"max_cu"`
}

// Inventory returns every object the emulator holds, per project, at the
// current emulated time (finished SQL jobs are settled first).
func (e *Server) Inventory() Inventory {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now()
	inv := Inventory{Projects: map[string]ProjectInventory{}}
	for id, p := range e.data.Projects {
		p.Init()
		e.settleSQLJobs(&call{proj: p, now: now})
		inv.Projects[id] = projectInventory(p, now.UnixMilli())
	}
	return inv
}

func projectInventory(p *projectData, now int64) ProjectInventory {
	pi := ProjectInventory{
		Queues: []InventoryQueue{}, Databases: []InventoryDatabase{}, Tables: []InventoryTable{},
		GlobalVariables: []InventoryVariable{}, FlinkJobs: []InventoryFlinkJob{}, SparkBatches: []InventoryBatch{},
		SQLJobs: []InventorySQLJob{}, EnhancedConnections: []InventoryConnection{}, Privileges: []InventoryPrivilege{},
		QueuePlans: []InventoryQueuePlan{}, ResourcePackages: []InventoryPackage{}, JobTemplates: []InventoryTemplate{},
		ElasticPools: []InventoryPool{},
	}
	for _, q := range p.Queues {
		pi.Queues = append(pi.Queues, InventoryQueue{Name: q.Name, QueueType: q.Type, CUCount: q.CUCount(now)})
	}
	sort.Slice(pi.Queues, func(i, j int) bool { return pi.Queues[i].Name < pi.Queues[j].Name })
	for _, db := range p.Databases {
		pi.Databases = append(pi.Databases, InventoryDatabase{Name: db.Name, BuiltIn: db.Name == defaultDatabase})
		for _, t := range db.Tables {
			pi.Tables = append(pi.Tables, InventoryTable{ID: db.Name + "/" + t.Name, Database: db.Name, Name: t.Name})
		}
	}
	sort.Slice(pi.Databases, func(i, j int) bool { return pi.Databases[i].Name < pi.Databases[j].Name })
	sort.Slice(pi.Tables, func(i, j int) bool { return pi.Tables[i].ID < pi.Tables[j].ID })
	for _, v := range p.Variables {
		pi.GlobalVariables = append(pi.GlobalVariables, InventoryVariable{Name: v.Name, IsSensitive: v.IsSensitive})
	}
	sort.Slice(pi.GlobalVariables, func(i, j int) bool { return pi.GlobalVariables[i].Name < pi.GlobalVariables[j].Name })
	for _, j := range p.FlinkData().Jobs {
		st, _ := j.StatusAt(now)
		pi.FlinkJobs = append(pi.FlinkJobs, InventoryFlinkJob{ID: j.ID, Name: j.Name, Status: st, Deleted: j.Deleted})
	}
	sort.Slice(pi.FlinkJobs, func(i, j int) bool { return pi.FlinkJobs[i].ID < pi.FlinkJobs[j].ID })
	for _, j := range p.BatchData().Jobs {
		evs := j.EventsAt(now)
		pi.SparkBatches = append(pi.SparkBatches, InventoryBatch{ID: j.ID, Name: batchVal(j.Req.Name), State: evs[len(evs)-1].State})
	}
	sort.Slice(pi.SparkBatches, func(i, j int) bool { return pi.SparkBatches[i].ID < pi.SparkBatches[j].ID })
	for _, j := range p.SQLJobs {
		pi.SQLJobs = append(pi.SQLJobs, InventorySQLJob{ID: j.ID, JobType: j.JobType, Status: j.StatusAt(now), Statement: j.Statement})
	}
	for _, qj := range p.QueueJobs {
		st := "RUNNING"
		if now >= qj.CreateTime+store.QueueRestartTime.Milliseconds() {
			st = "FINISHED"
		}
		pi.SQLJobs = append(pi.SQLJobs, InventorySQLJob{ID: qj.JobID, JobType: qj.JobType, Status: st})
	}
	sort.Slice(pi.SQLJobs, func(i, j int) bool { return pi.SQLJobs[i].ID < pi.SQLJobs[j].ID })
	for _, c := range p.ConnData(now).ByID {
		pi.EnhancedConnections = append(pi.EnhancedConnections, InventoryConnection{ID: c.ID, Name: c.Name, Status: c.StatusAt()})
	}
	sort.Slice(pi.EnhancedConnections, func(i, j int) bool { return pi.EnhancedConnections[i].ID < pi.EnhancedConnections[j].ID })
	for _, pl := range p.AllQueuePlans() { // issue 14: queue scaling plans, by id
		pi.QueuePlans = append(pi.QueuePlans, InventoryQueuePlan{
			ID: pl.Queue + "/" + strconv.FormatInt(pl.ID, 10), Queue: pl.Queue, Name: pl.Name, TargetCU: pl.TargetCU})
	}
	for object, grants := range p.PrivilegeData().Grants { // permissions
		for grantee, g := range grants {
			pi.Privileges = append(pi.Privileges, InventoryPrivilege{Object: object, Grantee: grantee, Privileges: g.Privileges})
		}
	}
	sort.Slice(pi.Privileges, func(i, j int) bool {
		a, b := pi.Privileges[i], pi.Privileges[j]
		return a.Object < b.Object || (a.Object == b.Object && a.Grantee < b.Grantee)
	})
	for _, g := range p.PackageData().Groups { // issue 17: resource packages
		for _, pk := range g.Packages {
			id := pk.Name
			if g.Name != "" {
				id = g.Name + "/" + pk.Name
			}
			pi.ResourcePackages = append(pi.ResourcePackages, InventoryPackage{ID: id, Type: pk.Type, Status: pk.StatusAt(now)})
		}
	}
	sort.Slice(pi.ResourcePackages, func(i, j int) bool { return pi.ResourcePackages[i].ID < pi.ResourcePackages[j].ID })
	addAuthInventory(&pi, p)
	for _, typ := range []string{store.TemplateSQL, store.TemplateSpark} {
		for _, t := range p.TemplatesOf(typ) {
			pi.JobTemplates = append(pi.JobTemplates, InventoryTemplate{ID: t.ID, Type: t.Type, Name: t.Name})
		}
	}
	for _, pl := range p.PoolData().ByName { // issue 14
		pi.ElasticPools = append(pi.ElasticPools, InventoryPool{Name: pl.Name, Status: pl.Status(now), MinCU: pl.MinCU, MaxCU: pl.MaxCU})
	}
	sort.Slice(pi.ElasticPools, func(i, j int) bool { return pi.ElasticPools[i].Name < pi.ElasticPools[j].Name })
	flinkTemplates := make([]*store.FlinkTemplate, 0, len(p.FlinkTemplates())) // dli_flink_template: kind flink_template
	for _, t := range p.FlinkTemplates() {
		flinkTemplates = append(flinkTemplates, t)
	}
	sort.Slice(flinkTemplates, func(i, j int) bool { return flinkTemplates[i].ID < flinkTemplates[j].ID })
	for _, t := range flinkTemplates {
		pi.JobTemplates = append(pi.JobTemplates, InventoryTemplate{ID: strconv.FormatInt(t.ID, 10), Type: "FLINK", Name: t.Name})
	}
	return pi
}

// liveObject is an object that counts as left behind: kind, name (for the
// duplicate check; "" when the kind has no name) and a description.
type liveObject struct {
	kind, name, desc string
}

// live lists the objects that count as left behind: everything except the
// built-in default database, deleted Flink jobs, Spark batches in a terminal
// state (success, dead), SQL jobs in a terminal state (FINISHED, FAILED,
// CANCELLED) and DELETED connections.
func (pi ProjectInventory) live() []liveObject {
	var out []liveObject
	for _, q := range pi.Queues {
		out = append(out, liveObject{"queue", q.Name, q.Name})
	}
	for _, d := range pi.Databases {
		if !d.BuiltIn {
			out = append(out, liveObject{"database", d.Name, d.Name})
		}
	}
	for _, t := range pi.Tables {
		out = append(out, liveObject{"table", t.ID, t.ID})
	}
	for _, v := range pi.GlobalVariables {
		out = append(out, liveObject{"global_variable", v.Name, v.Name})
	}
	for _, j := range pi.FlinkJobs {
		if !j.Deleted {
			out = append(out, liveObject{"flink_job", j.Name, fmt.Sprintf("%d (%s, %s)", j.ID, j.Name, j.Status)})
		}
	}
	for _, b := range pi.SparkBatches {
		if b.State != batchSuccess && b.State != batchDead {
			out = append(out, liveObject{"spark_batch", b.Name, fmt.Sprintf("%s (%s, %s)", b.ID, b.Name, b.State)})
		}
	}
	for _, j := range pi.SQLJobs {
		switch j.Status {
		case "FINISHED", "FAILED", "CANCELLED":
		default:
			out = append(out, liveObject{"sql_job", "", fmt.Sprintf("%s (%s, %s)", j.ID, j.JobType, j.Status)})
		}
	}
	for _, c := range pi.EnhancedConnections {
		if c.Status != "DELETED" {
			out = append(out, liveObject{"enhanced_connection", c.Name, fmt.Sprintf("%s (%s, %s)", c.ID, c.Name, c.Status)})
		}
	}
	for _, pl := range pi.QueuePlans { // issue 14: queue scaling plans
		out = append(out, liveObject{"queue_plan", pl.Queue + "/" + pl.Name, fmt.Sprintf("%s (%s)", pl.ID, pl.Name)})
	}
	for _, g := range pi.Privileges { // permissions
		out = append(out, liveObject{"privilege", g.Object + "/" + g.Grantee, fmt.Sprintf("%s on %s: %v", g.Grantee, g.Object, g.Privileges)})
	}
	for _, pk := range pi.ResourcePackages { // issue 17
		out = append(out, liveObject{"resource_package", "", fmt.Sprintf("%s (%s, %s)", pk.ID, pk.Type, pk.Status)})
	}
	for _, a := range pi.DatasourceAuths {
		out = append(out, liveObject{"datasource_auth", a.Name, fmt.Sprintf("%s (%s)", a.Name, a.Type)})
	}
	if len(pi.AgencyRoles) > 0 {
		out = append(out, liveObject{"dli_agency", "", strings.Join(pi.AgencyRoles, ",")})
	}
	for _, t := range pi.JobTemplates {
		kind := strings.ToLower(t.Type) + "_template"
		out = append(out, liveObject{kind, t.Name, fmt.Sprintf("%s (%s)", t.ID, t.Name)})
	}
	for _, pl := range pi.ElasticPools { // issue 14
		out = append(out, liveObject{"elastic_resource_pool", pl.Name, pl.Name})
	}
	return out
}

// projectPrefix is "" for the only project, else "<project id>: ".
func (inv Inventory) projectPrefix(id string) string {
	if len(inv.Projects) <= 1 {
		return ""
	}
	return id + ": "
}

func (inv Inventory) projectIDs() []string {
	ids := make([]string, 0, len(inv.Projects))
	for id := range inv.Projects {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Leftovers describes, one string each ("queue q1", "table db/t",
// "flink_job 12 (name, job_running)", ...), every object that a test which
// destroyed everything it created should not have left behind; see live for
// what does not count. Empty means clean.
func (inv Inventory) Leftovers() []string {
	out := []string{}
	for _, id := range inv.projectIDs() {
		for _, o := range inv.Projects[id].live() {
			out = append(out, inv.projectPrefix(id)+o.kind+" "+o.desc)
		}
	}
	return out
}

// Duplicates describes every kind and name held more than once among the
// objects Leftovers counts ("flink_job orders x2"): an object created twice
// because a lost response was retried blindly. Empty means none.
func (inv Inventory) Duplicates() []string {
	out := []string{}
	for _, id := range inv.projectIDs() {
		seen := map[[2]string]int{}
		var order [][2]string
		for _, o := range inv.Projects[id].live() {
			if o.name == "" {
				continue
			}
			k := [2]string{o.kind, o.name}
			if seen[k] == 0 {
				order = append(order, k)
			}
			seen[k]++
		}
		for _, k := range order {
			if n := seen[k]; n > 1 {
				out = append(out, inv.projectPrefix(id)+k[0]+" "+k[1]+" x"+strconv.Itoa(n))
			}
		}
	}
	return out
}
