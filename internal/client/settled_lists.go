package client

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// The listings the list data sources read: the shared listing of a collection, as the
// resources read it, but read until it holds every object of the collection this process
// has written within the consistency window. A data source read in the same apply right
// after its resources were created then lists them, instead of a replica's older view.

// ListDatabasesSettled is ListDatabases holding every database this process has recently
// created or changed (see settledList).
func (c *Client) ListDatabasesSettled(ctx context.Context) ([]model.Database, error) {
	return settledList(ctx, c, c.ListDatabases, c.invalidateDatabases, c.recentWrites(kindDatabase, ""),
		func(d model.Database) string { return strings.ToLower(ptr.Deref(d.DatabaseName)) })
}

// ListTablesSettled is ListTables holding every table of the database this process has
// recently created or changed; a database it has just created that is not visible yet is
// waited for too.
func (c *Client) ListTablesSettled(ctx context.Context, database string) ([]model.Table, error) {
	pending := c.recentWrites(kindTable, tablesCacheKey(database)+"/")
	if at := c.writtenAt(kindDatabase, tablesCacheKey(database)); !at.IsZero() {
		pending[""] = at // not an item: only the window of the database's own write
	}
	return settledList(ctx, c, func(ctx context.Context) ([]model.Table, error) { return c.ListTables(ctx, database) },
		func() { c.invalidateTables(database) }, pending, func(t model.Table) string { return strings.ToLower(t.TableName) })
}

// ListGlobalVariablesSettled is ListGlobalVariables holding every variable this process
// has recently created or changed.
func (c *Client) ListGlobalVariablesSettled(ctx context.Context) ([]model.GlobalVariable, error) {
	return settledList(ctx, c, c.ListGlobalVariables, c.invalidateGlobalVariables, c.recentWrites(kindVariable, ""),
		func(v model.GlobalVariable) string { return ptr.Deref(v.VarName) })
}

// settledList reads list (listing once more when it changed while it was paged) and, while
// an object in pending (key -> when this process wrote it; "" marks a window only) is
// missing from it and that write's consistency window lasts, polls it afresh with the
// waiters' backoff. Once the windows have passed, the listing is what it is: an object
// written and since deleted elsewhere is simply not in it.
func settledList[T any](ctx context.Context, c *Client, list func(context.Context) ([]T, error), invalidate func(),
	pending map[string]time.Time, key func(T) string) ([]T, error) {
	var latest time.Time
	for _, at := range pending {
		if at.After(latest) {
			latest = at
		}
	}
	var items []T
	var missing *NotFoundError
	err := c.AwaitVisible(ctx, latest, func(ctx context.Context) error {
		var err error
		items, err = list(ctx)
		var inconsistent *InconsistentListError
		if errors.As(err, &inconsistent) {
			invalidate()
			items, err = list(ctx)
		}
		if err != nil {
			return err
		}
		listed := make(map[string]bool, len(items))
		for _, it := range items {
			listed[key(it)] = true
		}
		for k := range pending {
			if k != "" && !listed[k] {
				invalidate() // poll a fresh listing, not the cached one that misses it
				missing = &NotFoundError{Kind: "listed object", Name: k}
				return missing
			}
		}
		return nil
	})
	if missing != nil && errors.Is(err, missing) {
		return items, nil
	}
	return items, err
}

// recentWrites returns, for every object of kind whose id starts with prefix and that this
// process wrote within the consistency window, the rest of its id and when it was written.
func (c *Client) recentWrites(kind, prefix string) map[string]time.Time {
	c.writes.mu.Lock()
	defer c.writes.mu.Unlock()
	out := map[string]time.Time{}
	for k, at := range c.writes.at {
		id, ok := strings.CutPrefix(k, objectKey(kind, prefix))
		if ok && time.Since(at) < c.cfg.ConsistencyWindow {
			out[id] = at
		}
	}
	return out
}

// ListEnhancedConnectionsSettled is ListEnhancedConnections(f). Without filters, it also
// holds every connection this process has recently created or changed; with them, such a
// connection may rightly be left out, so there is nothing to wait for.
func (c *Client) ListEnhancedConnectionsSettled(ctx context.Context, f ConnectionFilter) ([]model.EnhancedConnection, error) {
	pending := map[string]time.Time{}
	if f.Name == "" && f.Status == "" && len(f.Tags) == 0 {
		pending = c.recentWrites(kindConnection, "")
	}
	list := func(ctx context.Context) ([]model.EnhancedConnection, error) {
		return c.ListEnhancedConnections(ctx, f)
	}
	noCache := func() {}
	return settledList(ctx, c, list, noCache, pending, func(conn model.EnhancedConnection) string { return ptr.Deref(conn.Id) })
}
