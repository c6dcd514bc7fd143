package sparksql

import (
	"fmt"
	"strconv"
	"strings"
)

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

// CanonicalType parses a whole type string (the create-table API's column type).
func CanonicalType(s string) (string, error) {
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
