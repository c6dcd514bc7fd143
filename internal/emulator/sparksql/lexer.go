package sparksql

import (
	"fmt"
	"strings"
)

// sqlToken is one lexical token.
type sqlToken struct {
	kind byte // 'w' word, 'q' `quoted identifier`, 's' string literal, 'n' number, 'p' punctuation
	text string
	pos  int // byte offset, for error messages
}

// SyntaxError is a parse error; it becomes 400 DLI.0004.
type SyntaxError struct{ msg string }

func (e *SyntaxError) Error() string { return e.msg }

func syntaxErr(pos int, format string, args ...any) error {
	return &SyntaxError{msg: fmt.Sprintf("[PARSE_SYNTAX_ERROR] "+format+" (line 1, pos %d)", append(args, pos)...)}
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
