package fwtypes

import (
	"fmt"
	"strconv"
	"strings"
)

// sparkTypeAliases maps primitive Spark SQL type names and aliases to the name DLI's
// describe returns.
var sparkTypeAliases = map[string]string{
	"boolean": "boolean", "bool": "boolean", "tinyint": "tinyint", "byte": "tinyint",
	"smallint": "smallint", "short": "smallint", "int": "int", "integer": "int",
	"bigint": "bigint", "long": "bigint", "float": "float", "real": "float", "double": "double",
	"string": "string", "binary": "binary", "date": "date", "timestamp": "timestamp",
}

// NormalizeSparkType returns the canonical spelling of a Spark SQL type (lowercase, aliases
// resolved, decimal precision filled in, no spaces), as DLI's describe reports it, or an
// error saying what is wrong.
func NormalizeSparkType(s string) (string, error) {
	p := &typeParser{s: s}
	out, err := p.parse()
	if err != nil {
		return "", err
	}
	p.space()
	if p.i < len(p.s) {
		return "", fmt.Errorf("unexpected %q after %s", p.s[p.i:], out)
	}
	return out, nil
}

// SameSparkType reports whether a and b are valid spellings of the same Spark SQL type.
func SameSparkType(a, b string) bool {
	na, errA := NormalizeSparkType(a)
	nb, errB := NormalizeSparkType(b)
	return errA == nil && errB == nil && na == nb
}

// typeParser is a recursive-descent parser of Spark SQL type expressions.
type typeParser struct {
	s string
	i int
}

func (p *typeParser) space() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

func (p *typeParser) word() string {
	p.space()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

func (p *typeParser) accept(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *typeParser) expect(c byte, after string) error {
	if !p.accept(c) {
		if p.i >= len(p.s) {
			return fmt.Errorf("missing '%c' after %s", c, after)
		}
		return fmt.Errorf("expected '%c' after %s, found %q", c, after, p.s[p.i:])
	}
	return nil
}

func (p *typeParser) number(what string) (int, error) {
	w := p.word()
	n, err := strconv.Atoi(w)
	if err != nil {
		return 0, fmt.Errorf("%s must be a whole number, found %q", what, w)
	}
	return n, nil
}

func (p *typeParser) parse() (string, error) {
	raw := p.word()
	name := strings.ToLower(raw)
	if name == "" {
		if p.i >= len(p.s) {
			return "", fmt.Errorf("a type is missing")
		}
		return "", fmt.Errorf("expected a type name, found %q", p.s[p.i:])
	}
	if canon, ok := sparkTypeAliases[name]; ok {
		return canon, nil
	}
	switch name {
	case "decimal", "dec", "numeric":
		return p.decimal()
	case "varchar", "char":
		return p.sized(name)
	case "array", "map":
		return p.collection(name)
	case "struct":
		return p.structType()
	}
	return "", fmt.Errorf("%q is not a Spark SQL type", raw)
}

// decimal parses the optional "(precision[, scale])" of a decimal type.
func (p *typeParser) decimal() (string, error) {
	prec, scale := 10, 0
	if p.accept('(') {
		var err error
		if prec, err = p.number("the decimal precision"); err != nil {
			return "", err
		}
		if p.accept(',') {
			if scale, err = p.number("the decimal scale"); err != nil {
				return "", err
			}
		}
		if err := p.expect(')', "the decimal precision and scale"); err != nil {
			return "", err
		}
	}
	if prec < 1 || prec > 38 || scale < 0 || scale > prec {
		return "", fmt.Errorf("decimal(%d,%d) is out of range: precision 1 to 38, scale 0 to the precision", prec, scale)
	}
	return fmt.Sprintf("decimal(%d,%d)", prec, scale), nil
}

// sized parses the required "(length)" of varchar and char.
func (p *typeParser) sized(name string) (string, error) {
	limit := map[string]int{"varchar": 65535, "char": 255}[name]
	if err := p.expect('(', name+" (it needs a length, e.g. "+name+"(20))"); err != nil {
		return "", err
	}
	n, err := p.number("the " + name + " length")
	if err != nil {
		return "", err
	}
	if err := p.expect(')', "the "+name+" length"); err != nil {
		return "", err
	}
	if n < 1 || n > limit {
		return "", fmt.Errorf("%s(%d) is out of range: the length must be 1 to %d", name, n, limit)
	}
	return fmt.Sprintf("%s(%d)", name, n), nil
}

// collection parses "<type>" of an array and "<key,value>" of a map.
func (p *typeParser) collection(name string) (string, error) {
	if err := p.expect('<', name); err != nil {
		return "", err
	}
	var args []string
	for i := 0; i < map[string]int{"array": 1, "map": 2}[name]; i++ {
		if i > 0 {
			if err := p.expect(',', name+"<"+args[0]+" (a map has a key and a value type)"); err != nil {
				return "", err
			}
		}
		arg, err := p.parse()
		if err != nil {
			return "", err
		}
		args = append(args, arg)
	}
	if err := p.expect('>', name+"<"+strings.Join(args, ",")); err != nil {
		return "", err
	}
	return name + "<" + strings.Join(args, ",") + ">", nil
}

// structType parses "<name:type,...>" of a struct.
func (p *typeParser) structType() (string, error) {
	if err := p.expect('<', "struct"); err != nil {
		return "", err
	}
	if p.accept('>') {
		return "struct<>", nil
	}
	var fields []string
	for {
		f := p.word()
		if f == "" {
			return "", fmt.Errorf("expected a struct field name in %q", p.s)
		}
		if err := p.expect(':', "struct field "+f); err != nil {
			return "", err
		}
		ft, err := p.parse()
		if err != nil {
			return "", err
		}
		fields = append(fields, strings.ToLower(f)+":"+ft)
		if p.accept('>') {
			return "struct<" + strings.Join(fields, ",") + ">", nil
		}
		if err := p.expect(',', "struct field "+f); err != nil {
			return "", err
		}
	}
}
