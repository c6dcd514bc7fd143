package emulator

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// A small Spark SQL reader: enough to classify any statement by job type, to reject text that
// is not SQL (check-sql, submit-job) and to apply the catalog DDL that the provider and users
// run through SQL jobs (see README.md, "SQL jobs"). It is not a SQL engine: queries are
// accepted when they are lexically sound and start like a statement, and have no effect.

// sqlToken is one lexical token.
type sqlToken struct {
	kind byte // 'w' word, 'q' `quoted identifier`, 's' string literal, 'n' number, 'p' punctuation
	text string
	pos  int // byte offset, for error messages
}

// sqlSyntaxError is a parse error; it becomes 400 DLI.0004.
type sqlSyntaxError struct{ msg string }

func (e *sqlSyntaxError) Error() string { return e.msg }

func syntaxErr(pos int, format string, args ...any) error {
	return &sqlSyntaxError{msg: fmt.Sprintf("[PARSE_SYNTAX_ERROR] "+format+" (line 1, pos %d)", append(args, pos)...)}
}

// tokenizeSQL splits SQL text into tokens, dropping comments.
func tokenizeSQL(s string) ([]sqlToken, error) {
	var toks []sqlToken
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			i++
		case ch == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case ch == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return nil, syntaxErr(i, "Unclosed bracketed comment")
			}
			i += end + 4
		case ch == '\'' || ch == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(s) && s[j] != ch; j++ {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, syntaxErr(i, "Unclosed string literal starting at %q", truncate(s[i:], 20))
			}
			toks = append(toks, sqlToken{kind: 's', text: b.String(), pos: i})
			i = j + 1
		case ch == '`':
			end := strings.IndexByte(s[i+1:], '`')
			if end < 0 {
				return nil, syntaxErr(i, "Unclosed quoted identifier starting at %q", truncate(s[i:], 20))
			}
			toks = append(toks, sqlToken{kind: 'q', text: s[i+1 : i+1+end], pos: i})
			i += end + 2
		case isWordByte(ch):
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			kind := byte('w')
			if ch >= '0' && ch <= '9' && strings.Trim(s[i:j], "0123456789") == "" {
				kind = 'n'
			}
			toks = append(toks, sqlToken{kind: kind, text: s[i:j], pos: i})
			i = j
		case strings.IndexByte("(),.<>:=;*+-/%!|&[]{}?^~", ch) >= 0:
			toks = append(toks, sqlToken{kind: 'p', text: string(ch), pos: i})
			i++
		default:
			return nil, syntaxErr(i, "Unexpected character %q", string(ch))
		}
	}
	return toks, nil
}

func isWordByte(ch byte) bool {
	return ch == '_' || ch == '$' || ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z'
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// sqlParser walks a token list.
type sqlParser struct {
	toks []sqlToken
	pos  int
	end  int // offset just past the text, for errors at the end
}

func (p *sqlParser) peek() *sqlToken {
	if p.pos < len(p.toks) {
		return &p.toks[p.pos]
	}
	return nil
}

func (p *sqlParser) errAt(format string, args ...any) error {
	if t := p.peek(); t != nil {
		return syntaxErr(t.pos, "Syntax error at or near '%s': "+format, append([]any{t.text}, args...)...)
	}
	return syntaxErr(p.end, "Syntax error at end of input: "+format, args...)
}

// isKeyword reports whether the next token is the (case-insensitive) word kw.
func (p *sqlParser) isKeyword(kw string) bool {
	t := p.peek()
	return t != nil && t.kind == 'w' && strings.EqualFold(t.text, kw)
}

// acceptKeywords consumes the words kws in sequence if they all follow.
func (p *sqlParser) acceptKeywords(kws ...string) bool {
	for i, kw := range kws {
		if p.pos+i >= len(p.toks) {
			return false
		}
		t := p.toks[p.pos+i]
		if t.kind != 'w' || !strings.EqualFold(t.text, kw) {
			return false
		}
	}
	p.pos += len(kws)
	return true
}

func (p *sqlParser) expectKeyword(kw string) error {
	if !p.acceptKeywords(kw) {
		return p.errAt("expecting %s", strings.ToUpper(kw))
	}
	return nil
}

func (p *sqlParser) acceptPunct(s string) bool {
	if t := p.peek(); t != nil && t.kind == 'p' && t.text == s {
		p.pos++
		return true
	}
	return false
}

func (p *sqlParser) expectPunct(s string) error {
	if !p.acceptPunct(s) {
		return p.errAt("expecting '%s'", s)
	}
	return nil
}

// ident reads an identifier (a word or a `quoted` name).
func (p *sqlParser) ident(what string) (string, error) {
	t := p.peek()
	if t == nil || (t.kind != 'w' && t.kind != 'q') {
		return "", p.errAt("expecting %s", what)
	}
	p.pos++
	return t.text, nil
}

// qualifiedName reads [db.]name.
func (p *sqlParser) qualifiedName(what string) (db, name string, err error) {
	first, err := p.ident(what)
	if err != nil {
		return "", "", err
	}
	if p.acceptPunct(".") {
		second, err := p.ident(what)
		if err != nil {
			return "", "", err
		}
		return strings.ToLower(first), strings.ToLower(second), nil
	}
	return "", strings.ToLower(first), nil
}

func (p *sqlParser) stringLit(what string) (string, error) {
	t := p.peek()
	if t == nil || t.kind != 's' {
		return "", p.errAt("expecting %s (a quoted string)", what)
	}
	p.pos++
	return t.text, nil
}

func (p *sqlParser) atEnd() bool { return p.pos >= len(p.toks) }

// sqlColumn is a column in DDL: name, canonical type and comment.
type sqlColumn struct {
	Name    string
	Type    string
	Comment string
}

// sqlProp is a key/value pair of TBLPROPERTIES, OPTIONS or a partition spec.
type sqlProp struct{ Key, Value string }

// ddlStatement is a parsed statement.
type ddlStatement struct {
	JobType string // DDL, DCL, QUERY, INSERT, IMPORT, UPDATE, DELETE
	Kind    string // create_database, drop_database, create_table, drop_table, add_columns, set_tblproperties, change_column, add_partition; "" = no catalog effect

	DB, Table   string
	IfExists    bool
	IfNotExists bool
	Cascade     bool
	Comment     *string
	Columns     []sqlColumn
	PartitionBy []sqlColumn // Type "" when only the name is given (datasource syntax)
	Props       []sqlProp   // TBLPROPERTIES, or the partition spec for add_partition
	Options     []sqlProp
	Location    string
	Format      string
	Change      sqlColumn // change_column: the column's new definition
	ChangeFrom  string

	// RefDB and RefTable name the table a statement without catalog effect reads or
	// writes (DESC t, SELECT … FROM db.t, INSERT INTO t), for the job detail.
	RefDB, RefTable string
}

// statementStarts maps a statement's first word to its job type (§7.3.3 job types).
var statementStarts = map[string]string{
	"select": "QUERY", "with": "QUERY", "values": "QUERY", "from": "QUERY", "table": "QUERY",
	"insert": "INSERT", "merge": "INSERT",
	"grant": "DCL", "revoke": "DCL",
	"load": "IMPORT", "update": "UPDATE", "delete": "DELETE",
	"create": "DDL", "drop": "DDL", "alter": "DDL", "show": "DDL", "desc": "DDL", "describe": "DDL",
	"use": "DDL", "explain": "DDL", "analyze": "DDL", "refresh": "DDL", "msck": "DDL", "truncate": "DDL",
	"cache": "DDL", "uncache": "DDL", "clear": "DDL", "set": "DDL", "reset": "DDL", "add": "DDL", "list": "DDL",
}

// parseSQL parses one statement (an optional trailing ';' is allowed).
func parseSQL(sql string) (*ddlStatement, error) {
	toks, err := tokenizeSQL(sql)
	if err != nil {
		return nil, err
	}
	for len(toks) > 0 && toks[len(toks)-1].kind == 'p' && toks[len(toks)-1].text == ";" {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return nil, syntaxErr(0, "The SQL statement is empty")
	}
	depth := 0
	for _, t := range toks {
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			if depth--; depth < 0 {
				return nil, syntaxErr(t.pos, "Syntax error at or near ')': unbalanced parenthesis")
			}
		case t.kind == 'p' && t.text == ";":
			return nil, syntaxErr(t.pos, "Only one SQL statement can be submitted at a time")
		}
	}
	if depth != 0 {
		return nil, syntaxErr(len(sql), "Syntax error at end of input: missing ')'")
	}
	p := &sqlParser{toks: toks, end: len(sql)}
	first := toks[0]
	jobType, known := statementStarts[strings.ToLower(first.text)]
	if first.kind != 'w' || !known {
		return nil, syntaxErr(first.pos, "Syntax error at or near '%s': expecting a statement such as SELECT, INSERT, CREATE, ALTER or DROP", first.text)
	}
	st := &ddlStatement{JobType: jobType}
	if len(toks) == 1 && jobType != "DDL" {
		return nil, syntaxErr(len(sql), "Syntax error at end of input: the %s statement is incomplete", strings.ToUpper(first.text))
	}
	switch strings.ToLower(first.text) {
	case "create":
		p.pos++
		err = p.parseCreate(st)
	case "drop":
		p.pos++
		err = p.parseDrop(st)
	case "alter":
		p.pos++
		err = p.parseAlter(st)
	case "insert":
		if t := toks[1]; t.kind != 'w' || !(strings.EqualFold(t.text, "into") || strings.EqualFold(t.text, "overwrite")) {
			err = syntaxErr(t.pos, "Syntax error at or near '%s': expecting INTO or OVERWRITE", t.text)
		}
	}
	if err != nil {
		return nil, err
	}
	if st.Kind == "" {
		st.RefDB, st.RefTable = referencedTable(toks)
	}
	return st, nil
}

func (p *sqlParser) parseCreate(st *ddlStatement) error {
	switch {
	case p.acceptKeywords("database") || p.acceptKeywords("schema"):
		st.Kind = "create_database"
		st.IfNotExists = p.acceptKeywords("if", "not", "exists")
		name, err := p.ident("a database name")
		if err != nil {
			return err
		}
		st.DB = strings.ToLower(name)
		for !p.atEnd() {
			switch {
			case p.acceptKeywords("comment"):
				c, err := p.stringLit("the comment")
				if err != nil {
					return err
				}
				st.Comment = &c
			case p.acceptKeywords("location"):
				if st.Location, err = p.stringLit("the location"); err != nil {
					return err
				}
			default:
				return p.errAt("expecting COMMENT or LOCATION")
			}
		}
		return nil
	case p.acceptKeywords("table") || p.acceptKeywords("external", "table"):
		st.Kind = "create_table"
		return p.parseCreateTable(st)
	}
	// CREATE VIEW / FUNCTION / ...: accepted without catalog effect.
	return p.restAfter("create", "or", "temporary", "global", "view", "function", "index")
}

func (p *sqlParser) parseCreateTable(st *ddlStatement) error {
	st.IfNotExists = p.acceptKeywords("if", "not", "exists")
	var err error
	if st.DB, st.Table, err = p.qualifiedName("a table name"); err != nil {
		return err
	}
	if err := p.expectPunct("("); err != nil {
		return err
	}
	if st.Columns, err = p.columnList(false); err != nil {
		return err
	}
	for !p.atEnd() {
		switch {
		case p.acceptKeywords("using"):
			f, err := p.ident("a data source format")
			if err != nil {
				return err
			}
			st.Format = strings.ToLower(f)
		case p.acceptKeywords("stored", "as"):
			f, err := p.ident("a file format")
			if err != nil {
				return err
			}
			st.Format = strings.ToLower(f)
		case p.acceptKeywords("comment"):
			c, err := p.stringLit("the comment")
			if err != nil {
				return err
			}
			st.Comment = &c
		case p.acceptKeywords("location"):
			if st.Location, err = p.stringLit("the location"); err != nil {
				return err
			}
		case p.acceptKeywords("partitioned", "by"):
			if st.PartitionBy, err = p.partitionColumns(); err != nil {
				return err
			}
		case p.acceptKeywords("options"):
			if st.Options, err = p.propertyList(false); err != nil {
				return err
			}
		case p.acceptKeywords("tblproperties"):
			if st.Props, err = p.propertyList(true); err != nil {
				return err
			}
		default:
			return p.errAt("expecting USING, STORED AS, COMMENT, LOCATION, PARTITIONED BY, OPTIONS or TBLPROPERTIES")
		}
	}
	return nil
}

// columnList reads "name type [COMMENT 'c'], ... )" after the opening parenthesis. With
// typeOptional (PARTITIONED BY), a column may be a bare name referring to a defined column.
func (p *sqlParser) columnList(typeOptional bool) ([]sqlColumn, error) {
	var cols []sqlColumn
	for {
		name, err := p.ident("a column name")
		if err != nil {
			return nil, err
		}
		col := sqlColumn{Name: strings.ToLower(name)}
		if t := p.peek(); !typeOptional || t != nil && t.kind == 'w' && !strings.EqualFold(t.text, "comment") {
			if col.Type, err = p.sqlType(); err != nil {
				return nil, err
			}
		}
		if p.acceptKeywords("comment") {
			if col.Comment, err = p.stringLit("the column comment"); err != nil {
				return nil, err
			}
		}
		cols = append(cols, col)
		if p.acceptPunct(")") {
			return cols, nil
		}
		if err := p.expectPunct(","); err != nil {
			return nil, err
		}
	}
}

// partitionColumns reads "(a, b)" or "(a string, b int)".
func (p *sqlParser) partitionColumns() ([]sqlColumn, error) {
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	return p.columnList(true)
}

// propertyList reads "('k' = 'v', ...)"; keys may be identifiers (OPTIONS) and '=' is
// optional in OPTIONS.
func (p *sqlParser) propertyList(needEquals bool) ([]sqlProp, error) {
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	var props []sqlProp
	for {
		t := p.peek()
		if t == nil || (t.kind != 's' && t.kind != 'w' && t.kind != 'q') {
			return nil, p.errAt("expecting a property key")
		}
		p.pos++
		key := t.text
		for p.acceptPunct(".") { // dotted keys such as spark.sql.x
			part, err := p.ident("a property key")
			if err != nil {
				return nil, err
			}
			key += "." + part
		}
		if !p.acceptPunct("=") && needEquals {
			return nil, p.errAt("expecting '='")
		}
		v := p.peek()
		if v == nil || (v.kind != 's' && v.kind != 'n' && v.kind != 'w') {
			return nil, p.errAt("expecting a property value")
		}
		p.pos++
		props = append(props, sqlProp{Key: key, Value: v.text})
		if p.acceptPunct(")") {
			return props, nil
		}
		if err := p.expectPunct(","); err != nil {
			return nil, err
		}
	}
}

func (p *sqlParser) parseDrop(st *ddlStatement) error {
	var err error
	switch {
	case p.acceptKeywords("database") || p.acceptKeywords("schema"):
		st.Kind = "drop_database"
		st.IfExists = p.acceptKeywords("if", "exists")
		name, err := p.ident("a database name")
		if err != nil {
			return err
		}
		st.DB = strings.ToLower(name)
		switch {
		case p.acceptKeywords("cascade"):
			st.Cascade = true
		case p.acceptKeywords("restrict"):
		}
	case p.acceptKeywords("table"):
		st.Kind = "drop_table"
		st.IfExists = p.acceptKeywords("if", "exists")
		if st.DB, st.Table, err = p.qualifiedName("a table name"); err != nil {
			return err
		}
		p.acceptKeywords("purge")
	default:
		return p.restAfter("drop", "view", "function", "temporary", "index")
	}
	if !p.atEnd() {
		return p.errAt("unexpected text after the statement")
	}
	return nil
}

func (p *sqlParser) parseAlter(st *ddlStatement) error {
	if !p.acceptKeywords("table") {
		return p.restAfter("alter", "view", "database", "schema") // no catalog effect
	}
	var err error
	if st.DB, st.Table, err = p.qualifiedName("a table name"); err != nil {
		return err
	}
	switch {
	case p.acceptKeywords("add", "columns"):
		st.Kind = "add_columns"
		if err := p.expectPunct("("); err != nil {
			return err
		}
		if st.Columns, err = p.columnList(false); err != nil {
			return err
		}
	case p.acceptKeywords("set", "tblproperties"):
		st.Kind = "set_tblproperties"
		if st.Props, err = p.propertyList(true); err != nil {
			return err
		}
	case p.acceptKeywords("change"):
		st.Kind = "change_column"
		p.acceptKeywords("column")
		from, err := p.ident("a column name")
		if err != nil {
			return err
		}
		st.ChangeFrom = strings.ToLower(from)
		to, err := p.ident("the new column name")
		if err != nil {
			return err
		}
		typ, err := p.sqlType()
		if err != nil {
			return err
		}
		st.Change = sqlColumn{Name: strings.ToLower(to), Type: typ}
		if p.acceptKeywords("comment") {
			c, err := p.stringLit("the column comment")
			if err != nil {
				return err
			}
			st.Change.Comment = c
			st.Comment = &c
		}
	case p.acceptKeywords("add"):
		st.IfNotExists = p.acceptKeywords("if", "not", "exists")
		if !p.acceptKeywords("partition") {
			return p.errAt("expecting COLUMNS or PARTITION")
		}
		st.Kind = "add_partition"
		if st.Props, err = p.propertyList(true); err != nil {
			return err
		}
		if p.acceptKeywords("location") {
			if st.Location, err = p.stringLit("the location"); err != nil {
				return err
			}
		}
	default:
		if p.atEnd() {
			return p.errAt("expecting an ALTER TABLE action")
		}
		return p.rest() // RENAME, DROP PARTITION, SET LOCATION, ...: no catalog effect
	}
	if !p.atEnd() {
		return p.errAt("unexpected text after the statement")
	}
	return nil
}

// restAfter accepts the remaining tokens of a statement the emulator does not interpret,
// provided the next word is one of the objects the statement can act on.
func (p *sqlParser) restAfter(stmt string, objects ...string) error {
	for _, o := range objects {
		if p.isKeyword(o) {
			return p.rest()
		}
	}
	return p.errAt("expecting %s after %s", strings.ToUpper(strings.Join(objects, ", ")), strings.ToUpper(stmt))
}

// rest accepts the remaining tokens of a statement the emulator does not interpret.
func (p *sqlParser) rest() error {
	if p.atEnd() {
		return p.errAt("the statement is incomplete")
	}
	p.pos = len(p.toks)
	return nil
}

// sparkTypeAliases maps primitive type names (and their aliases) to Spark's catalog spelling,
// which is what describe returns.
var sparkTypeAliases = map[string]string{
	"boolean": "boolean", "bool": "boolean",
	"tinyint": "tinyint", "byte": "tinyint",
	"smallint": "smallint", "short": "smallint",
	"int": "int", "integer": "int",
	"bigint": "bigint", "long": "bigint",
	"float": "float", "real": "float",
	"double":    "double",
	"string":    "string",
	"binary":    "binary",
	"date":      "date",
	"timestamp": "timestamp",
}

// sqlType reads a Spark SQL data type and returns its canonical (describe) spelling:
// lowercase, aliases resolved, decimal precision filled in, no spaces.
func (p *sqlParser) sqlType() (string, error) {
	t := p.peek()
	if t == nil || t.kind != 'w' {
		return "", p.errAt("expecting a data type")
	}
	p.pos++
	name := strings.ToLower(t.text)
	if canon, ok := sparkTypeAliases[name]; ok {
		return canon, nil
	}
	switch name {
	case "decimal", "dec", "numeric":
		prec, scale := 10, 0
		if p.acceptPunct("(") {
			var err error
			if prec, err = p.intArg("the decimal precision"); err != nil {
				return "", err
			}
			if p.acceptPunct(",") {
				if scale, err = p.intArg("the decimal scale"); err != nil {
					return "", err
				}
			}
			if err := p.expectPunct(")"); err != nil {
				return "", err
			}
		}
		if prec < 1 || prec > 38 || scale < 0 || scale > prec {
			return "", syntaxErr(t.pos, "decimal(%d,%d) is not valid: precision must be 1 to 38 and scale 0 to the precision", prec, scale)
		}
		return fmt.Sprintf("decimal(%d,%d)", prec, scale), nil
	case "varchar", "char":
		if err := p.expectPunct("("); err != nil {
			return "", err
		}
		n, err := p.intArg("the length")
		if err != nil {
			return "", err
		}
		if err := p.expectPunct(")"); err != nil {
			return "", err
		}
		if n < 1 || (name == "char" && n > 255) || n > 65535 {
			return "", syntaxErr(t.pos, "%s(%d) is not valid: the length must be 1 to %d", name, n, map[string]int{"char": 255, "varchar": 65535}[name])
		}
		return fmt.Sprintf("%s(%d)", name, n), nil
	case "array", "map":
		n := map[string]int{"array": 1, "map": 2}[name]
		if err := p.expectPunct("<"); err != nil {
			return "", err
		}
		var args []string
		for i := 0; i < n; i++ {
			if i > 0 {
				if err := p.expectPunct(","); err != nil {
					return "", err
				}
			}
			arg, err := p.sqlType()
			if err != nil {
				return "", err
			}
			args = append(args, arg)
		}
		if err := p.expectPunct(">"); err != nil {
			return "", err
		}
		return name + "<" + strings.Join(args, ",") + ">", nil
	case "struct":
		if err := p.expectPunct("<"); err != nil {
			return "", err
		}
		var fields []string
		if p.acceptPunct(">") {
			return "struct<>", nil
		}
		for {
			f, err := p.ident("a struct field name")
			if err != nil {
				return "", err
			}
			if err := p.expectPunct(":"); err != nil {
				return "", err
			}
			ft, err := p.sqlType()
			if err != nil {
				return "", err
			}
			if p.acceptKeywords("comment") {
				if _, err := p.stringLit("the field comment"); err != nil {
					return "", err
				}
			}
			fields = append(fields, strings.ToLower(f)+":"+ft)
			if p.acceptPunct(">") {
				return "struct<" + strings.Join(fields, ",") + ">", nil
			}
			if err := p.expectPunct(","); err != nil {
				return "", err
			}
		}
	}
	return "", syntaxErr(t.pos, "DataType %s is not supported", name)
}

func (p *sqlParser) intArg(what string) (int, error) {
	t := p.peek()
	if t == nil || t.kind != 'n' {
		return 0, p.errAt("expecting %s (an integer)", what)
	}
	p.pos++
	n, err := strconv.Atoi(t.text)
	if err != nil {
		return 0, syntaxErr(t.pos, "%s %q is out of range", what, t.text)
	}
	return n, nil
}

// canonicalType parses a whole type string (the create-table API's column type).
func canonicalType(s string) (string, error) {
	toks, err := tokenizeSQL(s)
	if err != nil {
		return "", err
	}
	if len(toks) == 0 {
		return "", syntaxErr(0, "the data type is empty")
	}
	p := &sqlParser{toks: toks, end: len(s)}
	typ, err := p.sqlType()
	if err != nil {
		return "", err
	}
	if !p.atEnd() {
		return "", p.errAt("unexpected text after the data type")
	}
	return typ, nil
}

// applyDDL carries out a parsed statement against the project's catalog. It returns the
// error text of a failed job (Spark's AnalysisException wording) or "".
func applyDDL(p *projectData, st *ddlStatement, currentDB, owner string, now int64) string {
	resolveDB := func() (*database, string) {
		name := st.DB
		if name == "" {
			name = strings.ToLower(currentDB)
		}
		if name == "" {
			return nil, "org.apache.spark.sql.AnalysisException: No database is selected: qualify the table name or set currentdb"
		}
		db := p.Databases[name]
		if db == nil {
			return nil, fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException: Database '%s' not found", name)
		}
		return db, ""
	}
	resolveTable := func() (*database, *table, string) {
		db, msg := resolveDB()
		if db == nil {
			return nil, nil, msg
		}
		t := db.Tables[st.Table]
		if t == nil {
			return db, nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: Table or view not found: %s.%s", db.Name, st.Table)
		}
		return db, t, ""
	}
	switch st.Kind {
	case "create_database":
		if err := validDatabaseName(st.DB); err != nil {
			return "org.apache.spark.sql.AnalysisException: " + err.Msg
		}
		if p.Databases[st.DB] != nil {
			if st.IfNotExists {
				return ""
			}
			return fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.DatabaseAlreadyExistsException: Database '%s' already exists", st.DB)
		}
		db := newDatabase(st.DB, owner, now)
		if st.Comment != nil {
			db.Description = *st.Comment
		}
		p.Databases[st.DB] = db
	case "drop_database":
		db := p.Databases[st.DB]
		switch {
		case db == nil && st.IfExists:
			return ""
		case db == nil:
			return fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException: Database '%s' not found", st.DB)
		case db.Name == defaultDatabase:
			return "org.apache.spark.sql.AnalysisException: Can not drop default database"
		case len(db.Tables) > 0 && !st.Cascade:
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Cannot drop a non-empty database: %s. Use CASCADE option to drop a non-empty database.", db.Name)
		}
		delete(p.Databases, db.Name)
	case "create_table":
		db, msg := resolveDB()
		if db == nil {
			return msg
		}
		if err := validTableName(st.Table); err != nil {
			return "org.apache.spark.sql.AnalysisException: " + err.Msg
		}
		if db.Tables[st.Table] != nil {
			if st.IfNotExists {
				return ""
			}
			return fmt.Sprintf("org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException: Table or view '%s' already exists in database '%s'", st.Table, db.Name)
		}
		t, msg := tableFromDDL(st, owner, now)
		if t == nil {
			return msg
		}
		db.Tables[t.Name] = t
	case "drop_table":
		db, t, msg := resolveTable()
		if t == nil {
			if st.IfExists && db != nil {
				return ""
			}
			return msg
		}
		delete(db.Tables, t.Name)
	case "add_columns":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		if t.DataLocation == "VIEW" {
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: %s is a view. 'ALTER TABLE ... ADD COLUMNS' expects a table.", t.Name)
		}
		for _, c := range st.Columns {
			if t.column(c.Name) >= 0 {
				return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Found duplicate column(s) in the table definition of %s: `%s`", t.Name, c.Name)
			}
		}
		data, parts := t.splitColumns()
		for _, c := range st.Columns {
			data = append(data, tableColumn{Name: c.Name, Type: c.Type, Description: c.Comment})
		}
		t.Columns = append(data, parts...)
		t.LastAccessTime = now
	case "set_tblproperties":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		if t.Properties == nil {
			t.Properties = map[string]string{}
		}
		for _, kv := range st.Props {
			if strings.EqualFold(kv.Key, "comment") {
				t.Description = kv.Value
				continue
			}
			t.Properties[kv.Key] = kv.Value
		}
		t.LastAccessTime = now
	case "change_column":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		i := t.column(st.ChangeFrom)
		if i < 0 {
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: Can't find column `%s` given table data columns of %s", st.ChangeFrom, t.Name)
		}
		old := t.Columns[i]
		if st.Change.Name != old.Name || st.Change.Type != old.Type {
			return fmt.Sprintf("org.apache.spark.sql.AnalysisException: ALTER TABLE CHANGE COLUMN is not supported for changing column '%s' with type '%s' to '%s' with type '%s'",
				old.Name, old.Type, st.Change.Name, st.Change.Type)
		}
		if st.Comment != nil {
			t.Columns[i].Description = *st.Comment
		}
		t.LastAccessTime = now
	case "add_partition":
		_, t, msg := resolveTable()
		if t == nil {
			return msg
		}
		return t.addPartition(st.Props, st.Location, st.IfNotExists, now)
	}
	return ""
}

// tableFromDDL builds a table from CREATE TABLE: with LOCATION it is an OBS table, else a DLI table.
func tableFromDDL(st *ddlStatement, owner string, now int64) (*table, string) {
	t := &table{Name: st.Table, DataLocation: "DLI", Owner: owner, CreateTime: now, LastAccessTime: now, Properties: map[string]string{}}
	if st.Comment != nil {
		t.Description = *st.Comment
	}
	var parts []tableColumn
	for _, c := range st.Columns {
		t.Columns = append(t.Columns, tableColumn{Name: c.Name, Type: c.Type, Description: c.Comment})
	}
	for _, pc := range st.PartitionBy {
		i := t.column(pc.Name)
		switch {
		case pc.Type != "" && i >= 0:
			return nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: Found duplicate column(s) in the table definition of %s: `%s`", t.Name, pc.Name)
		case pc.Type != "":
			parts = append(parts, tableColumn{Name: pc.Name, Type: pc.Type, Description: pc.Comment, IsPartition: true})
		case i < 0:
			return nil, fmt.Sprintf("org.apache.spark.sql.AnalysisException: partition column %s is not defined in table %s", pc.Name, t.Name)
		default:
			c := t.Columns[i]
			c.IsPartition = true
			t.Columns = append(t.Columns[:i], t.Columns[i+1:]...)
			parts = append(parts, c)
		}
	}
	if len(parts) > 0 && len(t.Columns) == 0 {
		return nil, "org.apache.spark.sql.AnalysisException: Cannot use all columns for partition columns"
	}
	t.Columns = append(t.Columns, parts...)
	if st.Location != "" {
		t.DataLocation, t.DataPath, t.DataType = "OBS", st.Location, "parquet"
	}
	if st.Format != "" {
		t.DataType = st.Format
	}
	if t.DataLocation == "DLI" {
		t.DataType = ""
	}
	for _, kv := range st.Props {
		t.Properties[kv.Key] = kv.Value
	}
	return t, ""
}

// sortedProps returns a map as key-sorted pairs.
func sortedProps(m map[string]string) []sqlProp {
	out := make([]sqlProp, 0, len(m))
	for k, v := range m {
		out = append(out, sqlProp{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
