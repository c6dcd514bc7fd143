package sparksql

import (
	"strings"
)

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

// tableName reads a table reference, [db.]name.
func (p *sqlParser) tableName() (db, name string, err error) {
	const what = "a table name"
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
