package httpapi

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/sparksql"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// lookupTable finds a table by (case-insensitive) name.
func (e *Server) lookupTable(c *call, visibleOnly bool) (*database, *table, *apiError) {
	db, err := e.lookupDatabase(c, c.path("database_name"), visibleOnly)
	if err != nil {
		return nil, nil, err
	}
	t, terr := db.Table(c.path("table_name"))
	if terr == nil && visibleOnly && !e.visible(t.CreatedReal) {
		terr = &store.NotFoundError{Kind: store.KindTable, Name: t.Name, In: db.Name}
	}
	if terr != nil {
		return db, nil, domainError(terr)
	}
	return db, t, nil
}

type createTableBody struct {
	TableName        *string             `json:"table_name"`
	DataLocation     *string             `json:"data_location"`
	Description      *string             `json:"description"`
	Columns          []*createColumnBody `json:"columns"`
	SelectStatement  *string             `json:"select_statement"`
	DataType         *string             `json:"data_type"`
	DataPath         *string             `json:"data_path"`
	WithColumnHeader flexBool            `json:"with_column_header"`
	Delimiter        *string             `json:"delimiter"`
	QuoteChar        *string             `json:"quote_char"`
	EscapeChar       *string             `json:"escape_char"`
	DateFormat       *string             `json:"date_format"`
	TimestampFormat  *string             `json:"timestamp_format"`
	Tags             []*queueTagBody     `json:"tags"`
}

type createColumnBody struct {
	ColumnName        *string  `json:"column_name"`
	Type              *string  `json:"type"`
	Description       *string  `json:"description"`
	IsPartitionColumn flexBool `json:"is_partition_column"`
}

// obsDataTypes are the OBS table formats of §7.2.1.
var obsDataTypes = map[string]bool{"parquet": true, "orc": true, "csv": true, "json": true, "avro": true}

func (e *Server) createTable(c *call) result {
	e.settleSQLJobs(c)
	b := createTableBody{WithColumnHeader: flexBool{name: "with_column_header"}}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	db, err := e.lookupDatabase(c, c.path("database_name"), false)
	if err != nil {
		return fail(err)
	}
	if b.TableName == nil {
		return fail(badRequest("table_name is required."))
	}
	if err := validTableName(*b.TableName); err != nil {
		return fail(err)
	}
	t := &table{Name: strings.ToLower(*b.TableName), Owner: c.user.UserName, CreateTime: c.nowMillis(), CreatedReal: c.real}
	t.LastAccessTime = t.CreateTime
	if b.DataLocation == nil || *b.DataLocation == "" {
		return fail(badRequest("data_location is required."))
	}
	t.DataLocation = strings.ToUpper(*b.DataLocation)
	if t.DataLocation != "DLI" && t.DataLocation != "OBS" && t.DataLocation != "VIEW" {
		return fail(badRequest("Invalid data_location %q: must be OBS, DLI or VIEW.", *b.DataLocation))
	}
	if b.Description != nil {
		t.Description = *b.Description
	}
	if t.Tags, err = parseTags(b.Tags); err != nil {
		return fail(err)
	}
	if err := setTableColumns(t, b.Columns); err != nil {
		return fail(err)
	}
	if err := setTableStorage(t, &b); err != nil {
		return fail(err)
	}
	if db.Tables[t.Name] != nil {
		return failDomain(&store.ConflictError{Kind: store.KindTable, Name: t.Name, In: db.Name})
	}
	db.Tables[t.Name] = t
	return ok(success(""))
}

// setColumns validates §7.2.1 columns (required unless VIEW; types are Spark SQL types; a
// partitioned table keeps at least one non-partition column) and stores them with the
// partition columns last.
func setTableColumns(t *table, in []*createColumnBody) *apiError {
	if len(in) == 0 && t.DataLocation != "VIEW" {
		return badRequest("columns is required for %s tables.", t.DataLocation)
	}
	var data, parts []tableColumn
	seen := map[string]bool{}
	for i, c := range in {
		if c == nil || c.ColumnName == nil || strings.TrimSpace(*c.ColumnName) == "" {
			return badRequest("columns[%d].column_name is required.", i)
		}
		name := strings.ToLower(*c.ColumnName)
		if seen[name] {
			return badRequest("Invalid columns: column name %s is used more than once (column names are case-insensitive).", name)
		}
		seen[name] = true
		if c.Type == nil || *c.Type == "" {
			return badRequest("columns[%d].type is required.", i)
		}
		typ, err := sparksql.CanonicalType(*c.Type)
		if err != nil {
			return badRequest("Invalid columns[%d].type %q: %v", i, *c.Type, err)
		}
		col := tableColumn{Name: name, Type: typ, IsPartition: c.IsPartitionColumn.Value}
		if c.Description != nil {
			col.Description = *c.Description
		}
		if col.IsPartition {
			parts = append(parts, col)
		} else {
			data = append(data, col)
		}
	}
	if len(parts) > 0 && len(data) == 0 {
		return badRequest("Invalid columns: a partitioned table must have at least one non-partition column.")
	}
	t.Columns = append(append([]tableColumn{}, data...), parts...)
	return nil
}

// setStorage validates the location-specific fields of §7.2.1.
func setTableStorage(t *table, b *createTableBody) *apiError {
	csvOnly := map[string]bool{
		"with_column_header": b.WithColumnHeader.Set, "delimiter": b.Delimiter != nil,
		"quote_char": b.QuoteChar != nil, "escape_char": b.EscapeChar != nil,
	}
	csvJSON := map[string]bool{"date_format": b.DateFormat != nil, "timestamp_format": b.TimestampFormat != nil}
	obsOnly := map[string]bool{"data_type": b.DataType != nil, "data_path": b.DataPath != nil}
	if t.DataLocation != "OBS" {
		for _, set := range []map[string]bool{obsOnly, csvOnly, csvJSON} {
			for _, f := range sortedKeys(set) {
				if set[f] {
					return badRequest("Invalid %s: it applies only to OBS tables (data_location OBS), not %s.", f, t.DataLocation)
				}
			}
		}
	}
	if t.DataLocation == "VIEW" {
		if b.SelectStatement == nil || strings.TrimSpace(*b.SelectStatement) == "" {
			return badRequest("select_statement is required when data_location is VIEW.")
		}
		st, err := sparksql.Parse(*b.SelectStatement)
		if err != nil || st.JobType != "QUERY" {
			return newError(http.StatusBadRequest, "DLI.0004", fmt.Sprintf("Invalid select_statement: it must be a SELECT query (%v).", err))
		}
		t.SelectStatement = *b.SelectStatement
		return nil
	}
	if b.SelectStatement != nil {
		return badRequest("Invalid select_statement: it applies only when data_location is VIEW.")
	}
	if t.DataLocation == "DLI" {
		return nil
	}
	if b.DataType == nil || *b.DataType == "" {
		return badRequest("data_type is required for OBS tables.")
	}
	t.DataType = strings.ToLower(*b.DataType)
	if !obsDataTypes[t.DataType] {
		return badRequest("Invalid data_type %q: must be Parquet, ORC, CSV, JSON or Avro.", *b.DataType)
	}
	if b.DataPath == nil || *b.DataPath == "" {
		return badRequest("data_path is required for OBS tables.")
	}
	if u, err := url.Parse(*b.DataPath); err != nil || u.Scheme != "obs" || u.Host == "" {
		return badRequest("Invalid data_path %q: it must be an OBS path such as obs://bucket/path.", *b.DataPath)
	}
	t.DataPath = *b.DataPath
	if t.DataType != "csv" {
		for _, f := range sortedKeys(csvOnly) {
			if csvOnly[f] {
				return badRequest("Invalid %s: it applies only to CSV data (data_type csv), not %s.", f, t.DataType)
			}
		}
	}
	if t.DataType != "csv" && t.DataType != "json" {
		for _, f := range sortedKeys(csvJSON) {
			if csvJSON[f] {
				return badRequest("Invalid %s: it applies only to CSV and JSON data, not %s.", f, t.DataType)
			}
		}
	}
	if b.WithColumnHeader.Set {
		v := b.WithColumnHeader.Value
		t.WithColumnHeader = &v
	}
	t.Delimiter, t.QuoteChar, t.EscapeChar = b.Delimiter, b.QuoteChar, b.EscapeChar
	t.DateFormat, t.TimestampFormat = b.DateFormat, b.TimestampFormat
	return nil
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tableListItem is a §7.2.3 list item (the SDK's model.Table).
type tableListItem struct {
	CreateTime       *int64   `json:"create_time,omitempty"`
	DataType         string   `json:"data_type,omitempty"`
	DataLocation     string   `json:"data_location"`
	LastAccessTime   *int64   `json:"last_access_time,omitempty"`
	Location         string   `json:"location,omitempty"`
	Owner            string   `json:"owner,omitempty"`
	TableName        string   `json:"table_name"`
	TableSize        *int64   `json:"table_size,omitempty"`
	TableType        string   `json:"table_type"`
	PartitionColumns []string `json:"partition_columns,omitempty"`
}

// listTableTypes maps the table-type filter to the stored kind.
var listTableTypes = map[string]string{"MANAGED_TABLE": "DLI", "EXTERNAL_TABLE": "OBS", "VIRTUAL_VIEW": "VIEW"}

var datasourceTypes = []string{"CSS", "DLI", "DWS", "Geomesa", "HBase", "JDBC", "Mongo", "OBS", "ODPS", "OpenTSDB", "Redis", "RDS"}

func (e *Server) listTables(c *call) result {
	e.settleSQLJobs(c)
	db, err := e.lookupDatabase(c, c.path("database_name"), true)
	if err != nil {
		return fail(err)
	}
	withDetail, err := c.boolParam("with-detail")
	if err != nil {
		return fail(err)
	}
	for _, p := range []string{"with-priv", "without-tablemeta"} {
		if _, err := c.boolParam(p); err != nil {
			return fail(err)
		}
	}
	pageSize, err := c.intParam("page-size", 0, 1)
	if err != nil {
		return fail(err)
	}
	if pageSize > 100 {
		return fail(badRequest("Invalid value for page-size: must be 1 to 100."))
	}
	page, err := c.intParam("current-page", 1, 1)
	if err != nil {
		return fail(err)
	}
	kind := ""
	if tt := c.query("table-type"); tt != "" {
		if kind = listTableTypes[tt]; kind == "" {
			return fail(badRequest("Invalid table-type %q: must be MANAGED_TABLE, EXTERNAL_TABLE or VIRTUAL_VIEW.", tt))
		}
	}
	dsType := c.query("datasource-type")
	if dsType != "" && !containsFold(datasourceTypes, dsType) {
		return fail(badRequest("Invalid datasource-type %q: must be one of %s.", dsType, strings.Join(datasourceTypes, ", ")))
	}
	keyword := strings.ToLower(c.query("keyword"))
	var names []string
	for name, t := range db.Tables {
		if !e.visible(t.CreatedReal) || !strings.Contains(name, keyword) || (kind != "" && t.DataLocation != kind) {
			continue
		}
		if dsType != "" && !strings.EqualFold(dsType, t.DataLocation) {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	total := len(names)
	if pageSize > 0 {
		start := min((page-1)*pageSize, len(names))
		names = names[start:min(start+pageSize, len(names))]
	}
	items := []tableListItem{}
	for _, name := range names {
		t := db.Tables[name]
		item := tableListItem{DataLocation: t.DataLocation, TableName: t.Name, TableType: t.TableType()}
		if withDetail {
			size := int64(0)
			item.CreateTime, item.LastAccessTime, item.TableSize = &t.CreateTime, &t.LastAccessTime, &size
			item.Owner, item.DataType, item.Location = t.Owner, t.DataType, t.DataPath
			if t.DataLocation == "OBS" {
				for _, pc := range t.Columns {
					if pc.IsPartition {
						item.PartitionColumns = append(item.PartitionColumns, pc.Name)
					}
				}
			}
		}
		items = append(items, item)
	}
	return ok(listTablesResponse{IsSuccess: true, TableCount: total, Tables: items})
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// describeTable is the §7.2.4 response: its names and values differ from create (table_type
// MANAGED/EXTERNAL/VIEW, data_location is the OBS path, options as storage_properties).
type describeTable struct {
	IsSuccess         bool              `json:"is_success"`
	Message           string            `json:"message"`
	ColumnCount       int               `json:"column_count"`
	Columns           []tableColumn     `json:"columns"`
	TableType         string            `json:"table_type"`
	DataType          string            `json:"data_type,omitempty"`
	DataLocation      string            `json:"data_location,omitempty"`
	StorageProperties []storageProperty `json:"storage_properties,omitempty"`
	TableComment      string            `json:"table_comment"`
	CreateTableSQL    string            `json:"create_table_sql"`
}

func (e *Server) showTable(c *call) result {
	e.settleSQLJobs(c)
	db, t, err := e.lookupTable(c, true)
	if err != nil {
		return fail(err)
	}
	cols := append([]tableColumn{}, t.Columns...)
	out := describeTable{
		IsSuccess: true, ColumnCount: len(cols), Columns: cols, TableType: t.TableType(),
		TableComment: t.Description, CreateTableSQL: t.CreateSQL(db.Name),
	}
	if t.DataLocation == "OBS" {
		out.DataType, out.DataLocation, out.StorageProperties = t.DataType, t.DataPath, t.StorageProperties()
	}
	return ok(out)
}

func (e *Server) deleteTable(c *call) result {
	e.settleSQLJobs(c)
	async, err := c.boolParam("async")
	if err != nil {
		return fail(err)
	}
	db, t, err := e.lookupTable(c, false)
	if err != nil {
		return fail(err)
	}
	if async {
		job := e.startInternalJob(c, fmt.Sprintf("DROP TABLE `%s`.`%s`", db.Name, t.Name), db.Name)
		return ok(ddlJobResponse{IsSuccess: true, JobID: job.ID, JobType: "DDL", JobMode: "async"})
	}
	delete(db.Tables, t.Name)
	c.proj.DropPrivileges("databases." + db.Name + ".tables." + t.Name) // permissions: grants go with the object
	return ok(ddlJobResponse{IsSuccess: true, JobMode: "sync"})
}

func (e *Server) listPartitions(c *call) result {
	e.settleSQLJobs(c)
	_, t, err := e.lookupTable(c, true)
	if err != nil {
		return fail(err)
	}
	limit, err := c.intParam("limit", 100, 1)
	if err != nil {
		return fail(err)
	}
	offset, err := c.intParam("offset", 0, 0)
	if err != nil {
		return fail(err)
	}
	if _, parts := t.SplitColumns(); len(parts) == 0 {
		return fail(newError(http.StatusBadRequest, "DLI.0007", fmt.Sprintf("Table %s is not partitioned.", t.Name)))
	}
	var fk, fv string
	if f := c.query("filter"); f != "" {
		k, v, found := strings.Cut(f, "=")
		if !found || strings.TrimSpace(k) == "" || strings.ContainsAny(k, "<>!") {
			return fail(badRequest("Invalid filter %q: only column=value is supported.", f))
		}
		fk, fv = strings.ToLower(strings.TrimSpace(k)), strings.ToLower(strings.TrimSpace(v))
	}
	infos := []tablePartition{}
	for _, p := range t.Partitions {
		if fk != "" && !strings.Contains("/"+strings.ToLower(p.Name)+"/", "/"+fk+"="+fv+"/") {
			continue
		}
		infos = append(infos, p)
	}
	total := len(infos)
	infos = infos[min(offset, len(infos)):]
	infos = infos[:min(limit, len(infos))]
	return ok(listPartitionsResponse{
		IsSuccess: true, Message: "list partitions succeed",
		Partitions: partitionList{TotalCount: total, PartitionInfos: infos},
	})
}
