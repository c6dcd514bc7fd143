package sparksql

import (
	"strconv"
	"strings"
)

// SelectItem is one item of a SELECT list, as far as the emulator interprets it.
type SelectItem struct {
	Text    string // the expression as written, e.g. "1", "count(*)", "id"
	Alias   string // the AS name, "" when none
	Star    bool   // * or t.*
	Column  string // a bare (possibly qualified) column reference, lower case; "" otherwise
	Literal string // the type of a literal item: int, bigint, double, string, boolean, void; "" otherwise
	Value   any    // the literal's value
	Count   bool   // a count(...) aggregate
}

// Query is a parsed SELECT: its items, the table it reads (if one) and its LIMIT.
type Query struct {
	Items     []SelectItem
	DB, Table string // the FROM table; Table is "" without FROM or for a subquery
	Subquery  bool   // FROM (subquery)
	Limit     int    // -1 when there is none
}

// clauseWords end a select list or a table reference; they are never aliases.
var clauseWords = map[string]bool{
	"from": true, "where": true, "group": true, "having": true, "order": true, "limit": true, "union": true,
	"intersect": true, "except": true, "minus": true, "window": true, "cluster": true, "distribute": true,
	"sort": true, "lateral": true, "join": true, "inner": true, "left": true, "right": true, "full": true,
	"cross": true, "on": true, "natural": true, "anti": true, "semi": true, "using": true, "offset": true,
	"tablesample": true,
}

// binaryWords are the word operators between two operands.
var binaryWords = map[string]bool{
	"and": true, "or": true, "like": true, "ilike": true, "rlike": true, "regexp": true, "in": true,
	"is": true, "between": true, "div": true, "not": true,
}

// parseSelect parses SELECT items [FROM table [alias] ...] at the parser's position. The
// clauses after the table reference are accepted as they are, but must start with a clause
// keyword: "select 1 frm x" is a syntax error, as in Spark.
func (p *sqlParser) parseSelect() (*Query, error) {
	q := &Query{Limit: -1}
	if !p.acceptKeywords("select") {
		return nil, p.errAt("expecting SELECT")
	}
	if !p.acceptKeywords("distinct") {
		p.acceptKeywords("all")
	}
	for {
		item, err := p.selectItem()
		if err != nil {
			return nil, err
		}
		q.Items = append(q.Items, item)
		if !p.acceptPunct(",") {
			break
		}
	}
	if p.acceptKeywords("from") {
		if p.acceptPunct("(") {
			if err := p.skipBalanced(); err != nil {
				return nil, err
			}
			q.Subquery = true
		} else {
			db, table, err := p.tableName()
			if err != nil {
				return nil, err
			}
			q.DB, q.Table = db, table
		}
		if err := p.optionalAlias(); err != nil {
			return nil, err
		}
	}
	if p.atEnd() {
		return q, nil
	}
	if t := p.peek(); !(t.kind == 'p' && t.text == ",") && !(t.kind == 'w' && clauseWords[strings.ToLower(t.text)]) {
		return nil, p.errAt("extraneous input, expecting FROM, WHERE, GROUP BY, ORDER BY, LIMIT or end of input")
	}
	q.Limit = p.findLimit()
	p.pos = len(p.toks)
	return q, nil
}

// selectItem reads one select-list item and its optional alias.
func (p *sqlParser) selectItem() (SelectItem, error) {
	start := p.pos
	var item SelectItem
	switch {
	case p.acceptPunct("*"):
		item.Star = true
	case p.pos+2 < len(p.toks) && p.toks[p.pos+1].text == "." && p.toks[p.pos+2].text == "*" && p.toks[p.pos].kind == 'w':
		p.pos += 3
		item.Star = true
	default:
		if err := p.expression(); err != nil {
			return item, err
		}
		p.classify(&item, p.toks[start:p.pos])
	}
	item.Text = p.text(start, p.pos)
	if item.Star {
		return item, nil
	}
	if p.acceptKeywords("as") {
		alias, err := p.ident("an alias")
		if err != nil {
			return item, err
		}
		item.Alias = alias
	} else if t := p.peek(); t != nil && (t.kind == 'w' && !clauseWords[strings.ToLower(t.text)] || t.kind == 'q') {
		p.pos++
		item.Alias = t.text
	}
	return item, nil
}

// classify records what kind of item the tokens of an expression are.
func (p *sqlParser) classify(item *SelectItem, toks []sqlToken) {
	switch {
	case len(toks) == 1 && toks[0].kind == 'n':
		n, err := strconv.ParseInt(toks[0].text, 10, 64)
		item.Literal, item.Value = "int", n
		if err != nil || n > 1<<31-1 {
			item.Literal, item.Value = "bigint", toks[0].text
		}
	case len(toks) == 3 && toks[0].kind == 'n' && toks[1].text == "." && toks[2].kind == 'n':
		f, _ := strconv.ParseFloat(toks[0].text+"."+toks[2].text, 64)
		item.Literal, item.Value = "double", f
	case len(toks) == 1 && toks[0].kind == 's':
		item.Literal, item.Value = "string", toks[0].text
	case len(toks) == 1 && toks[0].kind == 'w' && (strings.EqualFold(toks[0].text, "true") || strings.EqualFold(toks[0].text, "false")):
		item.Literal, item.Value = "boolean", strings.EqualFold(toks[0].text, "true")
	case len(toks) == 1 && toks[0].kind == 'w' && strings.EqualFold(toks[0].text, "null"):
		item.Literal = "void"
	case len(toks) == 1 && (toks[0].kind == 'w' || toks[0].kind == 'q'):
		item.Column = strings.ToLower(toks[0].text)
	case len(toks) == 3 && toks[1].text == "." && toks[2].kind != 'p':
		item.Column = strings.ToLower(toks[2].text)
	case len(toks) >= 3 && strings.EqualFold(toks[0].text, "count") && toks[1].text == "(":
		item.Count = true
	}
}

// expression reads operand (operator operand)*.
func (p *sqlParser) expression() error {
	for {
		if err := p.operand(); err != nil {
			return err
		}
		if !p.binaryOperator() {
			return nil
		}
	}
}

// binaryOperator consumes an operator (punctuation like + or <=, or a word like AND).
func (p *sqlParser) binaryOperator() bool {
	t := p.peek()
	switch {
	case t == nil:
		return false
	case t.kind == 'p' && strings.Contains("+-*/%=<>!|&^", t.text):
		for t := p.peek(); t != nil && t.kind == 'p' && strings.Contains("=<>!|&", t.text); t = p.peek() {
			p.pos++
		}
		return true
	case t.kind == 'w' && binaryWords[strings.ToLower(t.text)]:
		p.pos++
		if w := strings.ToLower(t.text); w == "not" || w == "is" { // NOT IN, IS NOT, NOT LIKE ...
			if n := p.peek(); n != nil && n.kind == 'w' && binaryWords[strings.ToLower(n.text)] && !strings.EqualFold(n.text, w) {
				p.pos++
			}
		}
		return true
	}
	return false
}

// operand reads a literal, a column or function reference, a parenthesised expression or
// subquery, or a CASE expression, with any unary prefix.
func (p *sqlParser) operand() error {
	t := p.peek()
	if t == nil {
		return p.errAt("expecting an expression")
	}
	switch {
	case t.kind == 'p' && (t.text == "-" || t.text == "+" || t.text == "!" || t.text == "~"),
		t.kind == 'w' && strings.EqualFold(t.text, "not"):
		p.pos++
		return p.operand()
	case t.kind == 'n':
		p.pos++
		if p.acceptPunct(".") {
			if n := p.peek(); n != nil && n.kind == 'n' {
				p.pos++
			}
		}
	case t.kind == 's':
		p.pos++
	case t.kind == 'p' && t.text == "(":
		p.pos++
		if err := p.skipBalanced(); err != nil {
			return err
		}
	case t.kind == 'w' && strings.EqualFold(t.text, "case"):
		p.pos++
		return p.skipCase()
	case t.kind == 'q' || t.kind == 'w' && !clauseWords[strings.ToLower(t.text)] && !binaryWords[strings.ToLower(t.text)]:
		p.pos++
		for p.acceptPunct(".") {
			if _, err := p.ident("a field name"); err != nil {
				return err
			}
		}
		if p.acceptPunct("(") {
			if err := p.skipBalanced(); err != nil {
				return err
			}
		}
	default:
		return p.errAt("expecting an expression")
	}
	for p.acceptPunct("[") { // element access a[0], m['k']
		for !p.atEnd() && !p.acceptPunct("]") {
			p.pos++
		}
	}
	return nil
}

// skipBalanced skips to just past the ')' that closes an already consumed '('.
func (p *sqlParser) skipBalanced() error {
	for depth := 1; depth > 0; p.pos++ {
		t := p.peek()
		if t == nil {
			return p.errAt("missing ')'")
		}
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			depth--
		}
	}
	return nil
}

// skipCase skips to just past the END of an already consumed CASE.
func (p *sqlParser) skipCase() error {
	for depth := 1; depth > 0; p.pos++ {
		t := p.peek()
		if t == nil {
			return p.errAt("missing END of CASE")
		}
		switch {
		case t.kind == 'w' && strings.EqualFold(t.text, "case"):
			depth++
		case t.kind == 'w' && strings.EqualFold(t.text, "end"):
			depth--
		}
	}
	return nil
}

// optionalAlias reads [AS] alias after a table reference.
func (p *sqlParser) optionalAlias() error {
	if p.acceptKeywords("as") {
		_, err := p.ident("an alias")
		return err
	}
	if t := p.peek(); t != nil && (t.kind == 'q' || t.kind == 'w' && !clauseWords[strings.ToLower(t.text)]) {
		p.pos++
	}
	return nil
}

// findLimit returns n of a top-level LIMIT n after the parser's position, or -1.
func (p *sqlParser) findLimit() int {
	depth := 0
	for i := p.pos; i < len(p.toks); i++ {
		t := p.toks[i]
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			depth--
		case depth == 0 && t.kind == 'w' && strings.EqualFold(t.text, "limit") && i+1 < len(p.toks) && p.toks[i+1].kind == 'n':
			n, err := strconv.Atoi(p.toks[i+1].text)
			if err == nil {
				return n
			}
		}
	}
	return -1
}

// text returns the source text of tokens [from, to) with single spaces between words.
func (p *sqlParser) text(from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		t := p.toks[i]
		prev := byte(0)
		if i > from {
			prev = p.toks[i-1].kind
		}
		if i > from && t.kind != 'p' && prev != 'p' {
			b.WriteByte(' ')
		}
		switch t.kind {
		case 's':
			b.WriteString("'" + t.text + "'")
		case 'q':
			b.WriteString("`" + t.text + "`")
		default:
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// topLevelWord returns the index of the first word w outside parentheses, or -1.
func topLevelWord(toks []sqlToken, w string) int {
	depth := 0
	for i, t := range toks {
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			depth--
		case depth == 0 && t.kind == 'w' && strings.EqualFold(t.text, w):
			return i
		}
	}
	return -1
}
