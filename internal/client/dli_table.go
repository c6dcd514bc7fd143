package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const tablesPageSize = 100

func tablesCacheKey(database string) string { return strings.ToLower(database) }

func tableKey(database, name string) string { return strings.ToLower(database + "/" + name) }

func tablesPath(database string) string {
	return databasePath(database) + "/tables"
}

// TableDescription is the describe-table response (§7.2.4). Its names and values differ from
// create: table_type is MANAGED/EXTERNAL/VIEW, data_location is the OBS path, and the
// format options come back as storage_properties (delimiter, escape, quote, header,
// dateformat, timestampformat).
type TableDescription struct {
	ColumnCount       int32          `json:"column_count"`
	Columns           []model.Column `json:"columns"`
	TableType         string         `json:"table_type"`
	DataType          string         `json:"data_type"`
	DataLocation      string         `json:"data_location"`
	StorageProperties []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"storage_properties"`
	TableComment   string `json:"table_comment"`
	CreateTableSQL string `json:"create_table_sql"`
}

// StorageProperty returns a storage property's value and whether it is present.
func (d *TableDescription) StorageProperty(key string) (string, bool) {
	for _, p := range d.StorageProperties {
		if strings.EqualFold(p.Key, key) {
			return p.Value, true
		}
	}
	return "", false
}

// ShowTable describes one table (§7.2.4), the only per-table read.
func (c *Client) ShowTable(ctx context.Context, database, name string) (*TableDescription, error) {
	var out TableDescription
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowTable", Method: http.MethodGet, Path: tablesPath(database) + "/" + name,
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// ListTables returns every table of a database with its details (§7.2.3: owner, create time,
// location), paging through the list. Callers in the same run share one listing per database.
func (c *Client) ListTables(ctx context.Context, database string) ([]model.Table, error) {
	return c.tables.get(ctx, tablesCacheKey(database), func(ctx context.Context) ([]model.Table, error) {
		return c.listTables(ctx, database, "")
	})
}

// listTables reads the §7.2.3 listing of a database, filtered by keyword when it is not "".
func (c *Client) listTables(ctx context.Context, database, keyword string) ([]model.Table, error) {
	return listAll(ctx, pager[model.Table]{
		operation: "ListTables", path: tablesPath(database), pageSize: tablesPageSize,
		key: func(t model.Table) string { return strings.ToLower(t.TableName) },
		fetch: func(ctx context.Context, number, _ int) (listPage[model.Table], error) {
			q := url.Values{
				"with-detail":  {"true"},
				"page-size":    {strconv.Itoa(tablesPageSize)},
				"current-page": {strconv.Itoa(number)},
			}
			if keyword != "" {
				q.Set("keyword", keyword)
			}
			var out listTablesResponse
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListTables", Method: http.MethodGet, Path: tablesPath(database), Query: q,
			}, &out)
			return listPage[model.Table]{items: ptr.Deref(out.Tables), total: totalOf(out.TableCount)}, err
		},
	})
}

// GetTableListing finds a table's list entry (owner, create time) in the shared listing.
// A table missing from a cached listing may be newer than it, so the listing is fetched
// afresh once before reporting not-found. A table this process has just written is looked
// up with the list's keyword filter instead: while an apply creates many tables, every
// create drops the shared listing, and reading it whole for each read-back would cost
// O(N) calls per table.
func (c *Client) GetTableListing(ctx context.Context, database, name string) (*model.Table, error) {
	list := func(ctx context.Context) ([]model.Table, error) { return c.ListTables(ctx, database) }
	if c.recentlyWritten(kindTable, tableKey(database, name)) {
		list = func(ctx context.Context) ([]model.Table, error) { return c.listTables(ctx, database, name) }
	}
	return findListed(ctx, list, func() { c.invalidateTables(database) },
		func(t model.Table) bool { return strings.EqualFold(t.TableName, name) },
		true, &NotFoundError{Kind: "table", Name: database + "/" + name})
}

// CreateTable creates a table or view (§7.2.1). If an attempt's outcome is unknown, it
// describes the table (within the consistency window) before sending the create again, and
// adopts a table of that name, type and columns when the create sent again is answered
// "already exists".
func (c *Client) CreateTable(ctx context.Context, database string, body *model.CreateTableRequestBody) error {
	defer c.invalidateTables(database)
	defer c.invalidateDatabases() // table_number changes
	c.noteWrite(kindTable, tableKey(database, body.TableName))
	lookup := func(ctx context.Context) error {
		d, err := c.ShowTable(ctx, database, body.TableName)
		if err != nil {
			return err
		}
		if detail := tableMismatch(body, d); detail != "" {
			return &ExistsMismatchError{Kind: "table", Name: database + "/" + body.TableName, Detail: detail}
		}
		return nil
	}
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateTable", Method: http.MethodPost, Path: tablesPath(database), Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
}

// tableMismatch says how a described table differs from a create request in the settings
// that identify it: its type (data_location DLI, OBS or VIEW) and, for tables, its column
// names. "" when it matches.
func tableMismatch(body *model.CreateTableRequestBody, d *TableDescription) string {
	wantType := map[string]string{"DLI": "MANAGED", "OBS": "EXTERNAL", "VIEW": "VIEW"}[strings.ToUpper(body.DataLocation)]
	if wantType != "" && !strings.EqualFold(d.TableType, wantType) {
		return fmt.Sprintf("table_type %s, requested %s (data_location %s)", d.TableType, wantType, body.DataLocation)
	}
	if wantType == "VIEW" {
		return ""
	}
	// Compared as sets: a description may list partition columns last.
	var want, got []string
	for _, col := range body.Columns {
		want = append(want, strings.ToLower(col.ColumnName))
	}
	for _, col := range d.Columns {
		got = append(got, strings.ToLower(col.ColumnName))
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		return fmt.Sprintf("columns (%s), requested (%s)", strings.Join(got, ", "), strings.Join(want, ", "))
	}
	return ""
}

// DeleteTable drops a table synchronously (§7.2.2). A table that is already gone is not an
// error.
func (c *Client) DeleteTable(ctx context.Context, database, name string) error {
	defer c.invalidateTables(database)
	defer c.invalidateDatabases()
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteTable", Method: http.MethodDelete, Path: tablesPath(database) + "/" + name,
		Query: url.Values{"async": {"false"}},
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// invalidateTables drops a database's shared table listing after a write (including DDL
// run as SQL jobs).
func (c *Client) invalidateTables(database string) { c.tables.invalidate(tablesCacheKey(database)) }
