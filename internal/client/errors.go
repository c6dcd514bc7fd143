package client

import (
	"errors"
	"fmt"
	"math"
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
	if IsUnpublishedAPI(err) {
		return false // the API is missing, not the object
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

// IsAlreadyExists reports whether err says the object to be created exists already: DLI's
// DLI.0006, HTTP 409, or a client error whose message says "already exists" (the global
// variable API answers DLI.0999 so, dli-part2 Ambiguity 39).
func IsAlreadyExists(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode < 400 || apiErr.StatusCode >= 500 {
		return false
	}
	if apiErr.Code == "DLI.0006" || apiErr.StatusCode == 409 {
		return true
	}
	return strings.Contains(strings.ToLower(apiErr.Message), "already exist")
}

// ExistsMismatchError says that a create was answered "already exists" after an earlier
// attempt's outcome was unknown, but the object found has different settings than
// requested: it was not created by this request, and is neither adopted nor changed.
type ExistsMismatchError struct {
	Kind, Name string
	Detail     string // which settings differ
}

func (e *ExistsMismatchError) Error() string {
	return fmt.Sprintf("%s %q already exists with different settings than requested (%s); it was not created by this "+
		"request and was left unchanged: import it, or choose another name", e.Kind, e.Name, e.Detail)
}

// CheckedInt32 converts v for an API field typed int32, with an error naming what instead
// of a silent wrap-around (2147483664 would become -2147483632).
func CheckedInt32(what string, v int64) (int32, error) {
	if v < math.MinInt32 || v > math.MaxInt32 {
		return 0, fmt.Errorf("%s is %d, outside the API's range (%d to %d)", what, v, math.MinInt32, math.MaxInt32)
	}
	return int32(v), nil
}

// positiveCUs checks a CU count: positive and within int32.
func positiveCUs(what string, v int64) error {
	if v <= 0 || v > math.MaxInt32 {
		return fmt.Errorf("%s is %d: it must be a positive number of CUs no larger than %d", what, v, math.MaxInt32)
	}
	return nil
}

// nonNegative checks optional int32 request fields that count something: a negative value
// is one that wrapped around on its way into the field (or a mistake), never sent.
func nonNegative(op string, fields map[string]*int32) error {
	for name, v := range fields {
		if v != nil && *v < 0 {
			return fmt.Errorf("%s: %s is %d; it must not be negative", op, name, *v)
		}
	}
	return nil
}

// IsUnpublishedAPI reports whether err is the API gateway's answer for an API that does not
// exist or is not published in the region (APIGW.0101, HTTP 404): the object asked for may
// well exist.
func IsUnpublishedAPI(err error) bool {
	return HasCode(err, "APIGW.0101")
}
