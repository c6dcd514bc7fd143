package sparksql

import (
	"strings"
)

// Parse parses one statement (an optional trailing ';' is allowed).
func Parse(sql string) (*Statement, error) {
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
	st := &Statement{JobType: jobType}
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
	case "select":
		st.Query, err = p.parseSelect()
	case "insert":
		if t := toks[1]; t.kind != 'w' || !(strings.EqualFold(t.text, "into") || strings.EqualFold(t.text, "overwrite")) {
			err = syntaxErr(t.pos, "Syntax error at or near '%s': expecting INTO or OVERWRITE", t.text)
		} else if p.pos = topLevelWord(toks, "select"); p.pos > 0 {
			st.Query, err = p.parseSelect()
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

func (p *sqlParser) parseCreate(st *Statement) error {
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

func (p *sqlParser) parseCreateTable(st *Statement) error {
	st.IfNotExists = p.acceptKeywords("if", "not", "exists")
	var err error
	if st.DB, st.Table, err = p.tableName(); err != nil {
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
func (p *sqlParser) columnList(typeOptional bool) ([]Column, error) {
	var cols []Column
	for {
		name, err := p.ident("a column name")
		if err != nil {
			return nil, err
		}
		col := Column{Name: strings.ToLower(name)}
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
func (p *sqlParser) partitionColumns() ([]Column, error) {
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	return p.columnList(true)
}

// propertyList reads "('k' = 'v', ...)"; keys may be identifiers (OPTIONS) and '=' is
// optional in OPTIONS.
func (p *sqlParser) propertyList(needEquals bool) ([]Prop, error) {
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	var props []Prop
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
		props = append(props, Prop{Key: key, Value: v.text})
		if p.acceptPunct(")") {
			return props, nil
		}
		if err := p.expectPunct(","); err != nil {
			return nil, err
		}
	}
}

func (p *sqlParser) parseDrop(st *Statement) error {
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
		if st.DB, st.Table, err = p.tableName(); err != nil {
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

func (p *sqlParser) parseAlter(st *Statement) error {
	if !p.acceptKeywords("table") {
		return p.restAfter("alter", "view", "database", "schema") // no catalog effect
	}
	var err error
	if st.DB, st.Table, err = p.tableName(); err != nil {
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
		st.Change = Column{Name: strings.ToLower(to), Type: typ}
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
