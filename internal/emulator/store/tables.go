package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/sparksql"
)

// table is a stored table or view. Columns hold the data columns first and the partition
// columns last, which is the order describe returns them in. OBS format options are nil
// when not given at create (describe then reports DLI's defaults).
type Table struct {
	Name             string            `json:"table_name"`
	DataLocation     string            `json:"data_location"` // DLI, OBS or VIEW
	Description      string            `json:"description"`
	Columns          []Column          `json:"columns"`
	DataType         string            `json:"data_type,omitempty"` // OBS: parquet, orc, csv, json, avro
	DataPath         string            `json:"data_path,omitempty"`
	WithColumnHeader *bool             `json:"with_column_header,omitempty"`
	Delimiter        *string           `json:"delimiter,omitempty"`
	QuoteChar        *string           `json:"quote_char,omitempty"`
	EscapeChar       *string           `json:"escape_char,omitempty"`
	DateFormat       *string           `json:"date_format,omitempty"`
	TimestampFormat  *string           `json:"timestamp_format,omitempty"`
	SelectStatement  string            `json:"select_statement,omitempty"`
	Tags             []Tag             `json:"tags,omitempty"`
	Properties       map[string]string `json:"properties,omitempty"`
	Partitions       []Partition       `json:"partitions,omitempty"`
	Owner            string            `json:"owner"`
	CreateTime       int64             `json:"create_time"`
	LastAccessTime   int64             `json:"last_access_time"`
	CreatedReal      time.Time         `json:"-"`
}

// Column is a column with its canonical (describe) type.
type Column struct {
	Name        string `json:"column_name"`
	Type        string `json:"type"`
	Description string `json:"description"`
	IsPartition bool   `json:"is_partition_column"`
}

// Partition is one partition (§7.2.6).
type Partition struct {
	Name           string   `json:"partition_name"` // k1=v1/k2=v2
	CreateTime     int64    `json:"create_time"`
	LastAccessTime int64    `json:"last_access_time"`
	Locations      []string `json:"locations"`
}

// ColumnIndex returns the index of a column by (case-insensitive) name, or -1.
func (t *Table) ColumnIndex(name string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

func (t *Table) SplitColumns() (data, parts []Column) {
	for _, c := range t.Columns {
		if c.IsPartition {
			parts = append(parts, c)
		} else {
			data = append(data, c)
		}
	}
	return data, parts
}

// AddPartition adds a partition from a spec naming every partition column.
func (t *Table) AddPartition(spec []sparksql.Prop, location string, ifNotExists bool, now int64) string {
	_, parts := t.SplitColumns()
	if len(parts) == 0 {
		return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Table %s is not partitioned", t.Name)
	}
	values := map[string]string{}
	for _, kv := range spec {
		values[strings.ToLower(kv.Key)] = kv.Value
	}
	var names []string
	for _, pc := range parts {
		v, found := values[pc.Name]
		if !found || len(values) != len(parts) {
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Partition spec %v does not match the partition columns of %s", spec, t.Name)
		}
		names = append(names, pc.Name+"="+v)
	}
	name := strings.Join(names, "/")
	for _, p := range t.Partitions {
		if p.Name == name {
			if ifNotExists {
				return ""
			}
			return fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.PartitionsAlreadyExistException: Partition already exists in table %s: %s", t.Name, name)
		}
	}
	if location == "" {
		base := t.DataPath
		if base == "" {
			base = "obs://dli-managed-warehouse/" + t.Name
		}
		location = strings.TrimSuffix(base, "/") + "/" + name
	}
	t.Partitions = append(t.Partitions, Partition{Name: name, CreateTime: now, LastAccessTime: now, Locations: []string{location}})
	return ""
}

// ValidTableName applies §7.2.1: letters, digits, '_' and '$', not all digits, not starting
// with '_', at most 128 characters.
func ValidTableName(name string) *ValidationError {
	if name == "" {
		return invalid("table_name is required.")
	}
	if len(name) > 128 {
		return invalid("Invalid table_name: the length must be 1 to 128 characters.")
	}
	allDigits := true
	for _, r := range name {
		isDigit := r >= '0' && r <= '9'
		if !(isDigit || r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return invalid("Invalid table_name %q: only letters, digits, underscores and $ are allowed.", name)
		}
		if !isDigit {
			allDigits = false
		}
	}
	if allDigits {
		return invalid("Invalid table_name %q: the name cannot consist of digits only.", name)
	}
	if name[0] == '_' {
		return invalid("Invalid table_name %q: the name cannot start with an underscore.", name)
	}
	return nil
}

// TableType is the describe/list spelling of a table's kind.
func (t *Table) TableType() string {
	switch t.DataLocation {
	case "OBS":
		return "EXTERNAL"
	case "VIEW":
		return "VIEW"
	}
	return "MANAGED"
}

// StorageProperty is a §7.2.4 storage_properties item.
type StorageProperty struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// StorageProperties reports every OBS format option, with DLI's defaults for unset ones, in
// the order of the §7.2.4 example.
func (t *Table) StorageProperties() []StorageProperty {
	or := func(p *string, def string) string {
		if p == nil {
			return def
		}
		return *p
	}
	header := "false"
	if t.WithColumnHeader != nil && *t.WithColumnHeader {
		header = "true"
	}
	return []StorageProperty{
		{"timestampformat", or(t.TimestampFormat, "yyyy-MM-dd HH:mm:ss")},
		{"quote", or(t.QuoteChar, `"`)},
		{"dateformat", or(t.DateFormat, "yyyy-MM-dd")},
		{"escape", or(t.EscapeChar, `\`)},
		{"header", header},
		{"delimiter", or(t.Delimiter, ",")},
	}
}

// CreateSQL renders the table's DDL as describe's create_table_sql does.
func (t *Table) CreateSQL(db string) string {
	var b strings.Builder
	if t.DataLocation == "VIEW" {
		names := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			names[i] = c.Name
		}
		fmt.Fprintf(&b, "CREATE VIEW `%s`.`%s` (%s) AS\n%s\n", db, t.Name, strings.Join(names, ", "), t.SelectStatement)
		return b.String()
	}
	cols := make([]string, len(t.Columns))
	var parts []string
	for i, c := range t.Columns {
		cols[i] = fmt.Sprintf("`%s` %s", c.Name, strings.ToUpper(c.Type))
		if c.Description != "" {
			cols[i] += " COMMENT '" + strings.ReplaceAll(c.Description, "'", `\'`) + "'"
		}
		if c.IsPartition {
			parts = append(parts, "`"+c.Name+"`")
		}
	}
	format := t.DataType
	if format == "" {
		format = "parquet"
	}
	fmt.Fprintf(&b, "CREATE TABLE `%s`.`%s` (%s)\nUSING %s\n", db, t.Name, strings.Join(cols, ", "), format)
	if t.DataLocation == "OBS" {
		b.WriteString("OPTIONS (\n")
		props := t.StorageProperties()
		for i, p := range props {
			sep := ","
			if i == len(props)-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "    `%s` '%s'%s\n", p.Key, strings.ReplaceAll(p.Value, `\`, `\\`), sep)
		}
		b.WriteString(")\n")
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, "PARTITIONED BY\n(%s)\n", strings.Join(parts, ", "))
	}
	if t.Description != "" {
		fmt.Fprintf(&b, "COMMENT '%s'\n", strings.ReplaceAll(t.Description, "'", `\'`))
	}
	if t.DataLocation == "OBS" {
		fmt.Fprintf(&b, "LOCATION '%s'\n", t.DataPath)
	}
	if len(t.Properties) > 0 {
		b.WriteString("TBLPROPERTIES (\n")
		props := sortedProps(t.Properties)
		for i, p := range props {
			sep := ","
			if i == len(props)-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "    '%s' = '%s'%s\n", p.Key, p.Value, sep)
		}
		b.WriteString(")\n")
	}
	return b.String()
}
