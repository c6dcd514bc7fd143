package acctest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
	"golang.org/x/sync/errgroup"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Kinds of object, as Leftover.Kind and sweeper names hold them.
const (
	KindSQLJob              = "sql_job"
	KindSparkBatch          = "spark_batch"
	KindFlinkJob            = "flink_job"
	KindEnhancedConnection  = "enhanced_connection"
	KindQueue               = "queue"
	KindElasticResourcePool = "elastic_resource_pool"
	KindTable               = "table"
	KindDatabase            = "database"
	KindGlobalVariable      = "global_variable"
	KindSQLTemplate         = "sql_template"
	KindSparkTemplate       = "spark_template"
	KindFlinkTemplate       = "flink_template"
	KindPackage             = "package"
	KindDatasourceAuth      = "datasource_auth"
)

// Leftover is one object found by its name prefix, with what deleting it takes.
type Leftover struct {
	Kind   string // one of the Kind constants
	Name   string // the object's name; for a SQL job, the start of its statement
	ID     string // the id the API deletes it by (jobs, connections, templates); "" when the name does
	Parent string // a table's database, a package's group; "" otherwise
}

func (l Leftover) String() string {
	s := l.Kind + " " + l.Name
	switch l.Kind {
	case KindTable:
		s = l.Kind + " " + l.Parent + "." + l.Name
	case KindPackage:
		s = l.Kind + " " + client.PackageID(l.Parent, l.Name)
	}
	if l.ID != "" {
		s += " (id " + l.ID + ")"
	}
	return s
}

// SweepKind is a kind of object Sweep deletes, and the kinds it must delete before.
type SweepKind struct {
	Name  string
	After []string
}

// sweepKind lists the objects of a kind that carry a prefix, and deletes one of them,
// waiting until it is gone.
type sweepKind struct {
	SweepKind
	list   func(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error)
	delete func(ctx context.Context, c *client.Client, l Leftover) error
}

// sweepKinds are in the order Sweep deletes them: every kind after those in its After.
var sweepKinds = []sweepKind{
	{SweepKind{KindSQLJob, nil}, listSQLJobs, cancelSQLJob},
	{SweepKind{KindSparkBatch, nil}, listSparkBatches, cancelSparkBatch},
	{SweepKind{KindFlinkJob, nil}, listFlinkJobs, deleteFlinkJob},
	{SweepKind{KindEnhancedConnection, []string{KindFlinkJob, KindSparkBatch}}, listConnections, deleteConnection},
	{SweepKind{KindQueue, []string{KindSQLJob, KindSparkBatch, KindFlinkJob, KindEnhancedConnection}}, listQueues, deleteQueue},
	{SweepKind{KindElasticResourcePool, []string{KindQueue, KindEnhancedConnection}}, listPools, deletePool},
	{SweepKind{KindTable, []string{KindSQLJob}}, listTables, deleteTable},
	{SweepKind{KindDatabase, []string{KindTable, KindSQLJob}}, listDatabases, deleteDatabase},
	{SweepKind{KindGlobalVariable, []string{KindSQLJob}}, listGlobalVariables, deleteGlobalVariable},
	{SweepKind{KindSQLTemplate, nil}, listSQLTemplates, deleteTemplate},
	{SweepKind{KindSparkTemplate, nil}, listSparkTemplates, deleteTemplate},
	{SweepKind{KindFlinkTemplate, nil}, listFlinkTemplates, deleteFlinkTemplate},
	{SweepKind{KindPackage, []string{KindSparkBatch, KindFlinkJob}}, listPackages, deletePackage},
	{SweepKind{KindDatasourceAuth, []string{KindFlinkJob}}, listAuthInfos, deleteAuthInfo},
}

// SweepKinds returns the kinds Sweep deletes, in the order it deletes them.
func SweepKinds() []SweepKind {
	out := make([]SweepKind, len(sweepKinds))
	for i, k := range sweepKinds {
		out[i] = k.SweepKind
	}
	return out
}

// selectKinds returns the kinds named (every kind when none is), in deletion order.
func selectKinds(names []string) ([]sweepKind, error) {
	var out []sweepKind
	for _, k := range sweepKinds {
		if len(names) == 0 || slices.Contains(names, k.Name) {
			out = append(out, k)
		}
	}
	for _, n := range names {
		if !slices.ContainsFunc(sweepKinds, func(k sweepKind) bool { return k.Name == n }) {
			return nil, fmt.Errorf("no kind of object named %q to sweep", n)
		}
	}
	return out, nil
}

// Leftovers lists the objects whose name starts with prefix (which must start with
// NamePrefix), of the kinds named (every kind when none is), in the order Sweep deletes
// them: one listing per collection (tables: one per swept database and one of "default"),
// the listings in parallel. When some fail, it returns what the others found together with
// their errors, joined.
//
// Found by prefix: elastic resource pools; queues whose name, or whose pool's name, starts
// with it (their scaling plans, properties and permissions go with them); databases (with
// their permissions); every table of a swept database and the prefixed tables of
// "default"; global variables; Flink SQL and Jar jobs; Spark batch jobs that have not
// finished; enhanced connections not DELETED; SQL, Spark and Flink templates; packages
// whose group or name starts with it; datasource authentications.
//
// SQL jobs carry no name: a running one is found when its statement contains the prefix
// (DLI's sql_pattern: it names a prefixed database, table or variable). One that names
// none (SELECT 1) runs on a queue: on a prefixed queue it ends with the queue; on a shared
// queue it cannot be told from anyone else's and is left to end by itself.
//
// Not found, as they carry no name: the project's single DLI agency (its roles), and OBS
// authorisations, which DLI cannot revoke.
func Leftovers(ctx context.Context, c *client.Client, prefix string, kinds ...string) ([]Leftover, error) {
	if !strings.HasPrefix(prefix, NamePrefix) {
		return nil, fmt.Errorf("refusing to sweep objects named %q...: a sweep prefix starts with %q", prefix, NamePrefix)
	}
	selected, err := selectKinds(kinds)
	if err != nil {
		return nil, err
	}
	found := make([][]Leftover, len(selected))
	errs := make([]error, len(selected))
	var wg sync.WaitGroup
	for i, k := range selected {
		wg.Go(func() {
			found[i], errs[i] = k.list(ctx, c, prefix)
			if errs[i] != nil {
				errs[i] = fmt.Errorf("listing %s objects: %w", k.Name, errs[i])
			}
		})
	}
	wg.Wait()
	return slices.Concat(found...), errors.Join(errs...)
}

// sweepParallel is how many objects of one kind Sweep deletes at a time.
const sweepParallel = 4

// Sweep deletes the objects whose name starts with prefix, of the kinds named (every kind
// when none is): kind after kind in dependency order (jobs before queues, pooled queues
// before pools, tables before databases, ...), each deletion waiting until the object is
// gone. It goes on past a failed deletion and returns what it deleted and every error,
// joined. A dry run deletes nothing and returns what it would delete. logf is told about
// every object.
func Sweep(ctx context.Context, c *client.Client, prefix string, dryRun bool, logf func(format string, args ...any), kinds ...string) ([]Leftover, error) {
	left, listErr := Leftovers(ctx, c, prefix, kinds...)
	if dryRun {
		for _, l := range left {
			logf("would delete %s", l)
		}
		return left, listErr
	}
	var (
		mu      sync.Mutex
		deleted []Leftover
		errs    = []error{listErr}
	)
	for _, k := range sweepKinds {
		g := errgroup.Group{}
		g.SetLimit(sweepParallel)
		for _, l := range left {
			if l.Kind != k.Name {
				continue
			}
			g.Go(func() error {
				err := k.delete(ctx, c, l)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					logf("FAILED to delete %s: %v", l, err)
					errs = append(errs, fmt.Errorf("deleting %s: %w", l, err))
					return nil
				}
				logf("deleted %s", l)
				deleted = append(deleted, l)
				return nil
			})
		}
		_ = g.Wait() // the deletions report their errors in errs
	}
	return deleted, errors.Join(errs...)
}

// pick returns a Leftover, made by leftover, for every item whose name starts with prefix.
func pick[T any](items []T, prefix string, name func(T) string, leftover func(T) Leftover) []Leftover {
	var out []Leftover
	for _, it := range items {
		if strings.HasPrefix(name(it), prefix) {
			out = append(out, leftover(it))
		}
	}
	return out
}

// untilAccepted calls del until DLI stops refusing it because the object is busy
// (DLI.0012: a queue or pool still provisioning or scaling).
func untilAccepted(ctx context.Context, c *client.Client, what string, del func(context.Context) error) error {
	return c.Wait(ctx, what+" to accept its deletion", func(ctx context.Context) (bool, string, error) {
		err := del(ctx)
		if client.HasCode(err, "DLI.0012") {
			return false, "busy", nil
		}
		return true, "deleted", err
	})
}

func parseID(l Leftover) (int64, error) {
	id, err := strconv.ParseInt(l.ID, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s has an id that is not a number: %w", l, err)
	}
	return id, nil
}

func listSQLJobs(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	jobs, err := c.ListSQLJobs(ctx, client.SQLJobFilter{SQLPattern: prefix})
	var out []Leftover
	for _, j := range jobs {
		if !client.SQLJobEnded(j.Status) && strings.Contains(j.Statement, prefix) {
			out = append(out, Leftover{Kind: KindSQLJob, Name: statementStart(j.Statement), ID: j.JobID})
		}
	}
	return out, err
}

// statementStart is the start of a SQL statement, on one line, to name its job.
func statementStart(sql string) string {
	s := strings.Join(strings.Fields(sql), " ")
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return strconv.Quote(s)
}

func cancelSQLJob(ctx context.Context, c *client.Client, l Leftover) error {
	if err := c.CancelSQLJob(ctx, l.ID); err != nil && !client.IsNotFound(err) {
		// It may have ended since it was listed: then there is nothing to cancel.
		if st, rerr := c.ShowSQLJobStatus(ctx, l.ID); rerr != nil || !client.SQLJobEnded(st.Status) {
			return err
		}
	}
	var ended *client.SQLJobEndedError
	if err := c.WaitForSQLJob(ctx, l.ID); err != nil && !errors.As(err, &ended) && !client.IsNotFound(err) {
		return err
	}
	return nil
}

func listSparkBatches(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	jobs, err := c.ListAllBatchJobs(ctx, client.BatchJobFilter{Name: prefix}) // DLI matches job_name as a substring
	var running []client.BatchJob
	for _, j := range jobs {
		if !client.BatchFinished(j.State) {
			running = append(running, j)
		}
	}
	return pick(running, prefix, func(j client.BatchJob) string { return j.Name },
		func(j client.BatchJob) Leftover { return Leftover{Kind: KindSparkBatch, Name: j.Name, ID: j.ID} }), err
}

func cancelSparkBatch(ctx context.Context, c *client.Client, l Leftover) error {
	if err := c.CancelBatchJob(ctx, l.ID); err != nil {
		return err
	}
	if _, err := c.WaitForBatchJob(ctx, l.ID, "to stop after cancel", client.BatchFinished); err != nil && !client.IsNotFound(err) {
		return err
	}
	return nil
}

func listFlinkJobs(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	jobs, err := c.ListFlinkJobs(ctx, client.FlinkJobQuery{}) // SQL and Jar jobs; DLI matches name exactly
	return pick(jobs, prefix, func(j model.FlinkJob) string { return ptr.Deref(j.Name) }, func(j model.FlinkJob) Leftover {
		return Leftover{Kind: KindFlinkJob, Name: ptr.Deref(j.Name), ID: strconv.FormatInt(j.JobId, 10)}
	}), err
}

func deleteFlinkJob(ctx context.Context, c *client.Client, l Leftover) error {
	id, err := parseID(l)
	if err != nil {
		return err
	}
	if err := c.DeleteFlinkJob(ctx, id); err != nil { // any status: a running job is stopped
		return err
	}
	return c.WaitForFlinkJobDeleted(ctx, id)
}

func listConnections(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	conns, err := c.ListEnhancedConnections(ctx, client.ConnectionFilter{})
	conns = slices.DeleteFunc(conns, func(e model.EnhancedConnection) bool { return ptr.Deref(e.Status) == "DELETED" })
	return pick(conns, prefix, func(e model.EnhancedConnection) string { return ptr.Deref(e.Name) }, func(e model.EnhancedConnection) Leftover {
		return Leftover{Kind: KindEnhancedConnection, Name: ptr.Deref(e.Name), ID: ptr.Deref(e.Id)}
	}), err
}

func deleteConnection(ctx context.Context, c *client.Client, l Leftover) error {
	if err := c.WaitForConnectionSettled(ctx, l.ID); err != nil {
		return fmt.Errorf("waiting for its queue peerings to finish creating: %w", err)
	}
	if err := c.DeleteEnhancedConnection(ctx, l.ID); err != nil {
		return err
	}
	return c.WaitForConnectionDeleted(ctx, l.ID)
}

func listQueues(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	queues, err := c.ListQueues(ctx)
	return pick(queues, prefix, func(q model.Queue) string {
		if pool := ptr.Deref(q.ElasticResourcePoolName); strings.HasPrefix(pool, prefix) {
			return pool // a queue in a swept pool goes before it, whatever its name
		}
		return ptr.Deref(q.QueueName)
	}, func(q model.Queue) Leftover { return Leftover{Kind: KindQueue, Name: ptr.Deref(q.QueueName)} }), err
}

func deleteQueue(ctx context.Context, c *client.Client, l Leftover) error {
	err := untilAccepted(ctx, c, "queue "+l.Name, func(ctx context.Context) error { return c.DeleteQueue(ctx, l.Name) })
	if err != nil {
		return err
	}
	return c.WaitForQueueDeleted(ctx, l.Name)
}

func listPools(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	pools, err := c.ListElasticResourcePools(ctx)
	return pick(pools, prefix, func(p model.ElasticResourcePool) string { return ptr.Deref(p.ElasticResourcePoolName) },
		func(p model.ElasticResourcePool) Leftover {
			return Leftover{Kind: KindElasticResourcePool, Name: ptr.Deref(p.ElasticResourcePoolName)}
		}), err
}

func deletePool(ctx context.Context, c *client.Client, l Leftover) error {
	err := untilAccepted(ctx, c, "elastic resource pool "+l.Name, func(ctx context.Context) error {
		return c.DeleteElasticResourcePool(ctx, l.Name)
	})
	if err != nil {
		return err
	}
	return c.WaitForElasticResourcePoolDeleted(ctx, l.Name)
}

// defaultDatabase is DLI's built-in database, where a test may create a table too.
const defaultDatabase = "default"

// listTables lists the tables of every prefixed database (all of them) and the prefixed
// tables of "default": one listing per database.
func listTables(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	dbs, err := listDatabases(ctx, c, prefix)
	if err != nil {
		return nil, err
	}
	found := make([][]Leftover, len(dbs)+1)
	g, gctx := errgroup.WithContext(ctx)
	for i, db := range append(dbs, Leftover{Name: defaultDatabase}) {
		namePrefix := "" // any table of a swept database
		if db.Name == defaultDatabase {
			namePrefix = prefix
		}
		g.Go(func() error {
			tables, err := c.ListTables(gctx, db.Name)
			if client.IsNotFound(err) {
				return nil // dropped since it was listed
			}
			found[i] = pick(tables, namePrefix, func(t model.Table) string { return t.TableName },
				func(t model.Table) Leftover { return Leftover{Kind: KindTable, Name: t.TableName, Parent: db.Name} })
			return err
		})
	}
	err = g.Wait()
	return slices.Concat(found...), err
}

func deleteTable(ctx context.Context, c *client.Client, l Leftover) error {
	return c.DeleteTable(ctx, l.Parent, l.Name) // synchronous
}

func listDatabases(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	dbs, err := c.ListDatabases(ctx)
	return pick(dbs, prefix, func(d model.Database) string { return ptr.Deref(d.DatabaseName) },
		func(d model.Database) Leftover { return Leftover{Kind: KindDatabase, Name: ptr.Deref(d.DatabaseName)} }), err
}

func deleteDatabase(ctx context.Context, c *client.Client, l Leftover) error {
	return c.DeleteDatabase(ctx, l.Name, true) // synchronous; cascade: tables created since the listing go too
}

func listGlobalVariables(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	vars, err := c.ListGlobalVariables(ctx)
	return pick(vars, prefix, func(v model.GlobalVariable) string { return ptr.Deref(v.VarName) },
		func(v model.GlobalVariable) Leftover {
			return Leftover{Kind: KindGlobalVariable, Name: ptr.Deref(v.VarName)}
		}), err
}

func deleteGlobalVariable(ctx context.Context, c *client.Client, l Leftover) error {
	return c.DeleteGlobalVariable(ctx, l.Name)
}

func listSQLTemplates(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	ts, err := c.ListSQLTemplates(ctx)
	return pick(ts, prefix, func(t model.SqlJobTemplate) string { return ptr.Deref(t.SqlName) }, func(t model.SqlJobTemplate) Leftover {
		return Leftover{Kind: KindSQLTemplate, Name: ptr.Deref(t.SqlName), ID: ptr.Deref(t.SqlId)}
	}), err
}

func listSparkTemplates(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	ts, err := c.ListSparkTemplates(ctx)
	return pick(ts, prefix, func(t client.SparkTemplate) string { return t.Name }, func(t client.SparkTemplate) Leftover {
		return Leftover{Kind: KindSparkTemplate, Name: t.Name, ID: t.ID}
	}), err
}

// deleteTemplate deletes an SQL or a Spark template (one API for both; synchronous).
func deleteTemplate(ctx context.Context, c *client.Client, l Leftover) error {
	return c.DeleteTemplates(ctx, l.ID)
}

func listFlinkTemplates(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	ts, err := c.ListFlinkTemplates(ctx)
	return pick(ts, prefix, func(t model.FlinkSqlJobTemplate) string { return ptr.Deref(t.Name) }, func(t model.FlinkSqlJobTemplate) Leftover {
		return Leftover{Kind: KindFlinkTemplate, Name: ptr.Deref(t.Name), ID: strconv.FormatInt(int64(ptr.Deref(t.TemplateId)), 10)}
	}), err
}

func deleteFlinkTemplate(ctx context.Context, c *client.Client, l Leftover) error {
	id, err := parseID(l)
	if err != nil {
		return err
	}
	return c.DeleteFlinkTemplate(ctx, id) // synchronous
}

// listPackages lists the packages whose group or name starts with prefix (grouped and
// ungrouped ones alike).
func listPackages(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	resp, err := c.ListPackages(ctx, "")
	if err != nil {
		return nil, err
	}
	var out []Leftover
	add := func(group string, pkgs []model.PackageResource) {
		for _, p := range pkgs {
			if name := ptr.Deref(p.ResourceName); strings.HasPrefix(group, prefix) || strings.HasPrefix(name, prefix) {
				out = append(out, Leftover{Kind: KindPackage, Name: name, Parent: group})
			}
		}
	}
	add("", ptr.Deref(resp.Resources))
	for _, g := range ptr.Deref(resp.Groups) {
		add(ptr.Deref(g.GroupName), ptr.Deref(g.Details))
	}
	return out, nil
}

func deletePackage(ctx context.Context, c *client.Client, l Leftover) error {
	if err := c.DeletePackage(ctx, l.Parent, l.Name); err != nil { // a group goes with its last package
		return err
	}
	return c.WaitForPackageDeleted(ctx, l.Parent, l.Name)
}

func listAuthInfos(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	auths, err := c.ListAuthInfos(ctx)
	return pick(auths, prefix, func(a client.AuthInfo) string { return ptr.Deref(a.AuthInfoName) },
		func(a client.AuthInfo) Leftover {
			return Leftover{Kind: KindDatasourceAuth, Name: ptr.Deref(a.AuthInfoName)}
		}), err
}

func deleteAuthInfo(ctx context.Context, c *client.Client, l Leftover) error {
	return c.DeleteAuthInfo(ctx, l.Name) // synchronous
}
