package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// apiError is an error response: HTTP status plus the documented
// {"error_code","error_msg"} body. RequestID is only sent on auth errors,
// mirroring the API gateway's body.
type apiError struct {
	Status    int    `json:"-"`
	Code      string `json:"error_code"`
	Msg       string `json:"error_msg"`
	RequestID string `json:"request_id,omitempty"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Msg }

func newError(status int, code, msg string) *apiError {
	return &apiError{Status: status, Code: code, Msg: msg}
}

// badRequest is the documented parameter validation error (400 DLI.0001).
func badRequest(format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, "DLI.0001", fmt.Sprintf(format, args...))
}

// result is what a route handler returns: a status (0 means 200) and a body
// to encode as JSON.
type result struct {
	Status int
	Body   any
}

func ok(body any) result { return result{Status: http.StatusOK, Body: body} }

func fail(err *apiError) result { return result{Status: err.Status, Body: err} }

// call carries one authenticated API request to its handler. Handlers run
// with the emulator's data lock held.
type call struct {
	r         *http.Request
	body      []byte
	projectID string
	user      userInfo
	now       time.Time    // emulated time when the request started
	real      time.Time    // real time when the request started (consistency delay)
	proj      *projectData // nil for routes without {project_id}
}

// path returns a path parameter.
func (c *call) path(name string) string { return c.r.PathValue(name) }

// query returns a query parameter (first value).
func (c *call) query(name string) string { return c.r.URL.Query().Get(name) }

// hasQuery reports whether a query parameter is present.
func (c *call) hasQuery(name string) bool { return c.r.URL.Query().Has(name) }

// nowMillis returns the emulated request time in epoch milliseconds.
func (c *call) nowMillis() int64 { return c.now.UnixMilli() }

// decode parses the JSON request body into v. A missing, malformed or
// non-object body, or a field of the wrong type, is a DLI.0001 error naming
// the field where possible.
func (c *call) decode(v any) *apiError {
	trimmed := bytes.TrimSpace(c.body)
	if len(trimmed) == 0 {
		return badRequest("The request body is empty; a JSON object is required.")
	}
	if trimmed[0] != '{' {
		return badRequest("The format of message is error: the request body must be a JSON object.")
	}
	if err := json.Unmarshal(trimmed, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return badRequest("Invalid value for %s: expected %s, got JSON %s.", te.Field, jsonTypeName(te.Type.String()), te.Value)
		}
		var fe *fieldError
		if errors.As(err, &fe) {
			return badRequest("%s", fe.Error())
		}
		return badRequest("The format of message is error: %v", err)
	}
	return nil
}

func jsonTypeName(goType string) string {
	switch {
	case strings.Contains(goType, "int"):
		return "an integer"
	case strings.Contains(goType, "bool"):
		return "a boolean"
	case strings.Contains(goType, "string"):
		return "a string"
	case strings.HasPrefix(goType, "[]") || strings.HasPrefix(goType, "*[]"):
		return "an array"
	default:
		return "an object"
	}
}

// fieldError is returned by custom JSON decoders to name the bad field.
type fieldError struct{ msg string }

func (f *fieldError) Error() string { return f.msg }

// flexBool decodes a JSON boolean or the strings "true"/"false" (the DLI
// examples send booleans as strings in several places).
type flexBool struct {
	Set   bool
	Value bool
	name  string
}

func (b *flexBool) UnmarshalJSON(data []byte) error {
	s := strings.TrimSpace(string(data))
	if s == "null" {
		return nil
	}
	if uq, err := strconv.Unquote(s); err == nil {
		s = uq
	}
	switch strings.ToLower(s) {
	case "true":
		b.Set, b.Value = true, true
	case "false":
		b.Set, b.Value = true, false
	default:
		return &fieldError{msg: fmt.Sprintf("Invalid value for %s: %s is not a boolean.", b.name, string(data))}
	}
	return nil
}

// intParam parses an optional integer query parameter with a default and a
// lower bound (least); errors name the parameter.
func (c *call) intParam(name string, def, least int) (int, *apiError) {
	if !c.hasQuery(name) {
		return def, nil
	}
	v, err := strconv.Atoi(strings.TrimSpace(c.query(name)))
	if err != nil {
		return 0, badRequest("Invalid value for %s: %q is not an integer.", name, c.query(name))
	}
	if v < least {
		return 0, badRequest("Invalid value for %s: must be at least %d.", name, least)
	}
	return v, nil
}

// writeJSON writes a JSON response and returns the status.
func writeJSON(w http.ResponseWriter, status int, body any) int {
	data, err := json.Marshal(body)
	if err != nil {
		status = http.StatusInternalServerError
		data, _ = json.Marshal(newError(status, "DLI.0999", "Failed to encode the response."))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
	return status
}

// writeError writes an apiError and returns its status.
func writeError(w http.ResponseWriter, err *apiError) int {
	return writeJSON(w, err.Status, err)
}

// successBody is the common {"is_success": true, "message": ""} envelope.
type successBody struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
}

func success(msg string) successBody { return successBody{IsSuccess: true, Message: msg} }
