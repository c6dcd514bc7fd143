package client

import (
	"errors"
	"fmt"
	"strings"
)

// APIError is a failed API call: an HTTP error status, or a 200 whose body says is_success=false.
type APIError struct {
	Operation  string
	Method     string
	Path       string
	StatusCode int
	Code       string // error_code
	Message    string // error_msg, or message for is_success=false
	RequestID  string
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s %s) failed: HTTP %d", e.Operation, e.Method, e.Path, e.StatusCode)
	if e.Code != "" {
		fmt.Fprintf(&b, ", error_code %s", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.RequestID)
	}
	return b.String()
}

// notFoundCodes are the error codes the services use for "object does not exist". DLI reports
// most of them with HTTP 400, not 404.
var notFoundCodes = map[string]bool{
	"DLI.0002":  true, // object does not exist
	"DLI.0023":  true, // resource not found (404)
	"DLI.12004": true, // global variable (documented as "job") does not exist
	"DLI.16001": true, // Flink job does not exist
	"DLS.4106":  true, // DataArts object does not exist
}

// notFoundPhrases mark not-found errors reported under generic codes (DLI.0001, DLI.0008).
var notFoundPhrases = []string{"not exist", "there is no", "not found"}

// IsNotFound reports whether err says the object does not exist.
func IsNotFound(err error) bool {
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return true
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	if apiErr.StatusCode == 404 || notFoundCodes[apiErr.Code] {
		return true
	}
	if apiErr.Code == "DLI.0001" || apiErr.Code == "DLI.0008" {
		msg := strings.ToLower(apiErr.Message)
		for _, p := range notFoundPhrases {
			if strings.Contains(msg, p) {
				return true
			}
		}
	}
	return false
}

// NotFoundError is returned when a lookup through a list finds no object of that name.
type NotFoundError struct {
	Kind string
	Name string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s %q does not exist", e.Kind, e.Name)
}

// HasCode reports whether err is an APIError with the given error_code.
func HasCode(err error, code string) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Code == code
}

// MalformedResponseError is a successful (2xx) answer the client cannot use: an empty body,
// `{}`, `null`, not JSON, or without the fields that identify the object or that the
// provider needs; or a paged list whose pages disagree with its reported total. The client
// retries it like a 5xx before reporting it. It is never a not-found.
type MalformedResponseError struct {
	Operation  string
	Method     string
	Path       string
	StatusCode int
	RequestID  string
	Reason     string // what is wrong
	Body       string // the start of the body, for the message
}

func (e *MalformedResponseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Operation)
	if e.Method != "" {
		fmt.Fprintf(&b, " (%s %s)", e.Method, e.Path)
	}
	b.WriteString(": malformed response")
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.StatusCode)
	}
	fmt.Fprintf(&b, ": %s", e.Reason)
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.RequestID)
	}
	if e.StatusCode != 0 {
		if e.Body == "" {
			b.WriteString("; the body is empty")
		} else {
			fmt.Fprintf(&b, "; the body starts with %q", e.Body)
		}
	}
	return b.String()
}
