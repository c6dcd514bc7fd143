package client

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const databasesPageSize = 100

func databasePath(name string) string {
	return "/v1.0/{project_id}/databases/" + name // the SDK escapes the path
}

// ListDatabases returns every database of the project (§7.1.3; there is no GET by name),
// paging through the list. Callers in the same run share one listing.
func (c *Client) ListDatabases(ctx context.Context) ([]model.Database, error) {
	return c.databases.get(ctx, "", func(ctx context.Context) ([]model.Database, error) {
		return c.listDatabases(ctx, "")
	})
}

// listDatabases pages through the list, optionally filtered by a name keyword (a fuzzy,
// case-insensitive "contains" match).
func (c *Client) listDatabases(ctx context.Context, keyword string) ([]model.Database, error) {
	filter := url.Values{}
	if keyword != "" {
		filter.Set("keyword", keyword)
	}
	return c.listDatabasesWhere(ctx, filter)
}

// listDatabasesWhere pages through the list with the §7.1.3 filters in filter.
func (c *Client) listDatabasesWhere(ctx context.Context, filter url.Values) ([]model.Database, error) {
	return listAll(ctx, pager[model.Database]{
		operation: "ListDatabases", path: "/v1.0/{project_id}/databases", pageSize: databasesPageSize,
		key: func(d model.Database) string { return strings.ToLower(ptr.Deref(d.DatabaseName)) },
		fetch: func(ctx context.Context, _, offset int) (listPage[model.Database], error) {
			q := maps.Clone(filter)
			q.Set("limit", strconv.Itoa(databasesPageSize))
			q.Set("offset", strconv.Itoa(offset))
			var out listDatabasesResponse
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListDatabases", Method: http.MethodGet,
				Path: "/v1.0/{project_id}/databases", Query: q,
			}, &out)
			return listPage[model.Database]{items: ptr.Deref(out.Databases), total: totalOf(out.DatabaseCount)}, err
		},
	})
}

// GetDatabase finds one database by (case-insensitive) name in the shared listing. A
// database this process has just written is looked up with the list's name filter
// instead: while an apply writes many databases, every write drops the shared listing, and
// reading it whole for each read-back would cost O(N) calls per database.
func (c *Client) GetDatabase(ctx context.Context, name string) (*model.Database, error) {
	list := c.ListDatabases
	if c.recentlyWritten(kindDatabase, strings.ToLower(name)) {
		list = func(ctx context.Context) ([]model.Database, error) { return c.listDatabases(ctx, name) }
	}
	return findListed(ctx, list, c.invalidateDatabases,
		func(d model.Database) bool { return strings.EqualFold(ptr.Deref(d.DatabaseName), name) },
		c.recentlyWritten(kindDatabase, strings.ToLower(name)), &NotFoundError{Kind: "database", Name: name})
}

func findDatabase(dbs []model.Database, listErr error, name string) (*model.Database, error) {
	return pick(dbs, listErr, func(d model.Database) bool { return strings.EqualFold(ptr.Deref(d.DatabaseName), name) },
		&NotFoundError{Kind: "database", Name: name})
}

// CreateDatabase creates a database (§7.1.1). If an attempt's outcome is unknown, it lists
// afresh (filtered by the name, within the consistency window) to see whether the database
// exists before sending again, and adopts a database of that name (and description, when
// one is requested) when the create sent again is answered "already exists".
func (c *Client) CreateDatabase(ctx context.Context, body *model.CreateDatabaseRequestBody) error {
	defer c.invalidateDatabases()
	c.noteWrite(kindDatabase, strings.ToLower(body.DatabaseName))
	lookup := func(ctx context.Context) error {
		dbs, err := c.listDatabases(ctx, body.DatabaseName)
		db, err := findDatabase(dbs, err, body.DatabaseName)
		if err != nil {
			return err
		}
		if want, got := ptr.Deref(body.Description), ptr.Deref(db.Description); want != "" && got != want {
			return &ExistsMismatchError{Kind: "database", Name: body.DatabaseName, Detail: fmt.Sprintf("description %q, requested %q", got, want)}
		}
		return nil
	}
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateDatabase", Method: http.MethodPost,
		Path: "/v1.0/{project_id}/databases", Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
}

// UpdateDatabaseOwner gives a database to another user of the tenant (§7.1.4), the only
// change DLI allows on a database.
func (c *Client) UpdateDatabaseOwner(ctx context.Context, name, owner string) error {
	defer c.invalidateDatabases()
	c.noteWrite(kindDatabase, strings.ToLower(name))
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateDatabaseOwner", Method: http.MethodPut,
		Path: databasePath(name) + "/owner", Body: &model.UpdateOwnerRequestBody{NewOwner: owner},
	}, &out)
}

// DeleteDatabase deletes a database synchronously (§7.1.2). Without cascade DLI refuses a
// database that still has tables; with it, the tables are dropped too. A database that is
// already gone is not an error.
func (c *Client) DeleteDatabase(ctx context.Context, name string, cascade bool) error {
	defer c.invalidateDatabases()
	defer c.invalidateTables(name)
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteDatabase", Method: http.MethodDelete, Path: databasePath(name),
		Query: url.Values{"cascade": {strconv.FormatBool(cascade)}, "async": {"false"}},
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// invalidateDatabases drops the shared database listing after a write.
func (c *Client) invalidateDatabases() { c.databases.invalidate("") }
