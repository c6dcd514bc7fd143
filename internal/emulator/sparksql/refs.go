package sparksql

import "strings"

// referencedTable finds the table a statement without catalog effect is about, for the
// job detail's database_name/table_name (§7.3.8): the table after DESC/DESCRIBE [TABLE |
// EXTENDED | FORMATTED], after INSERT INTO|OVERWRITE [TABLE], or after the first FROM that
// names a table. db is "" when the name is unqualified.
func referencedTable(toks []sqlToken) (db, table string) {
	if len(toks) == 0 {
		return "", ""
	}
	p := &sqlParser{toks: toks}
	switch strings.ToLower(toks[0].text) {
	case "desc", "describe":
		p.pos = 1
		for p.acceptKeywords("table") || p.acceptKeywords("extended") || p.acceptKeywords("formatted") {
		}
		return nameAt(p)
	case "insert":
		p.pos = 1
		if p.acceptKeywords("into") || p.acceptKeywords("overwrite") {
			p.acceptKeywords("table")
			return nameAt(p)
		}
		return "", ""
	}
	for i, t := range toks {
		if t.kind == 'w' && strings.EqualFold(t.text, "from") {
			p.pos = i + 1
			if db, table := nameAt(p); table != "" {
				return db, table
			}
		}
	}
	return "", ""
}

// nameAt reads [db.]name at the parser's position, or nothing.
func nameAt(p *sqlParser) (string, string) {
	db, name, err := p.tableName()
	if err != nil {
		return "", ""
	}
	return db, name
}
