package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// DataArtsInstanceID is the provider's default DataArts Studio instance (the dataarts block).
func (c *Client) DataArtsInstanceID() string { return c.cfg.DataArtsInstanceID }

// DataArtsWorkspaceID is the provider's default DataArts Studio workspace (the dataarts block).
func (c *Client) DataArtsWorkspaceID() string { return c.cfg.DataArtsWorkspaceID }

// flexInt decodes a JSON number in integer, decimal or exponent form (1705248000000,
// 1.705248e+12), or such a number in a string; null is 0. DataArts sends epoch
// milliseconds in all of these forms (WIRE-NOTES).
type flexInt int64

func (f *flexInt) UnmarshalJSON(data []byte) error {
	s := strings.TrimSpace(string(data))
	if s == "null" {
		*f = 0
		return nil
	}
	if uq, err := strconv.Unquote(s); err == nil {
		s = strings.TrimSpace(uq)
		if s == "" {
			*f = 0
			return nil
		}
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		*f = flexInt(i)
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > math.MaxInt64 {
		return fmt.Errorf("%s is not a number", data)
	}
	*f = flexInt(math.Round(v))
	return nil
}

// flexString decodes a JSON string, or a number kept exactly as written (DataArts ids are
// documented as strings; the SDK types some as int64). null is "".
type flexString string

func (f *flexString) UnmarshalJSON(data []byte) error {
	s := strings.TrimSpace(string(data))
	switch {
	case s == "null":
		*f = ""
	case strings.HasPrefix(s, `"`):
		var v string
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		*f = flexString(v)
	default:
		var n json.Number
		if err := json.Unmarshal(data, &n); err != nil {
			return fmt.Errorf("%s is neither a string nor a number", data)
		}
		*f = flexString(n)
	}
	return nil
}

// rawToString renders a JSON value as a string attribute: strings as they are, other
// values as compact JSON (numbers exactly as sent). ok is false for null.
func rawToString(raw json.RawMessage) (string, bool) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		return "", false
	}
	if trimmed[0] == '"' {
		var s string
		if json.Unmarshal(trimmed, &s) == nil {
			return s, true
		}
	}
	var buf bytes.Buffer
	if json.Compact(&buf, trimmed) != nil {
		return string(trimmed), true
	}
	return buf.String(), true
}

// dataArtsHeader is the context header a DataArts call needs.
func dataArtsHeader(name, value string) map[string]string {
	return map[string]string{name: value}
}
