package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestAPIErrorTextHasEverything(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("X-Request-Id", "req-7f3a9c")
		writeDLIError(w, http.StatusBadRequest, "DLI.0001", "Parameter queue_name is invalid")
	})
	c := newTestClient(t, ts.URL)
	err := c.Do(testCtx(t), testRequest(), nil)
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{
		"TestOp", "GET", "/v1.0/" + testProjectID + "/things", "HTTP 400",
		"DLI.0001", "Parameter queue_name is invalid", "req-7f3a9c",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("%T is not *APIError", err)
	}
	want := APIError{
		Operation: "TestOp", Method: "GET", Path: "/v1.0/" + testProjectID + "/things", StatusCode: 400,
		Code: "DLI.0001", Message: "Parameter queue_name is invalid", RequestID: "req-7f3a9c",
	}
	if *apiErr != want {
		t.Errorf("APIError = %+v, want %+v", *apiErr, want)
	}
	if !HasCode(err, "DLI.0001") || HasCode(err, "DLI.0002") || HasCode(errors.New("x"), "DLI.0001") {
		t.Error("HasCode misreports the error code")
	}
}

func TestAPIErrorGatewayShapeAndNonJSONBody(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeJSON(w, http.StatusUnauthorized, map[string]any{"code": "APIGW.0301", "message": "Incorrect IAM authentication information"})
			return
		}
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, "  <html>denied</html>\n")
	})
	c := newTestClient(t, ts.URL)

	err := c.Do(testCtx(t), testRequest(), nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "APIGW.0301" || apiErr.Message != "Incorrect IAM authentication information" {
		t.Errorf("gateway error decoded as %+v", apiErr)
	}

	err = c.Do(testCtx(t), testRequest(), nil)
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 403 || apiErr.Code != "" || apiErr.Message != "<html>denied</html>" {
		t.Errorf("non-JSON error decoded as %+v", apiErr)
	}
	if strings.Contains(err.Error(), "error_code") {
		t.Errorf("error without a code should not mention error_code: %q", err)
	}
}

func TestParseErrorBodyTruncatesLongBodies(t *testing.T) {
	_, msg := parseErrorBody([]byte(strings.Repeat("x", 1000)))
	if len(msg) > 310 || !strings.HasSuffix(msg, "…") {
		t.Errorf("message of %d bytes not truncated: %q…", len(msg), msg[:20])
	}
}

func TestIsSuccessFalseIsAnError(t *testing.T) {
	cases := []struct {
		name string
		body string
	}{
		{"bool", `{"is_success": false, "message": "boom"}`},
		{"string", `{"is_success": "false", "message": "boom"}`},
		{"string upper", `{"is_success": "FALSE", "message": "boom", "error_code": "DLI.0999"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("X-Request-Id", "rid-1")
				w.WriteHeader(200)
				fmt.Fprint(w, tc.body)
			})
			c := newTestClient(t, ts.URL)
			var out map[string]any
			err := c.Do(testCtx(t), testRequest(), &out)
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v (%T), want *APIError", err, err)
			}
			if apiErr.StatusCode != 200 || !strings.Contains(apiErr.Message, "boom") || apiErr.RequestID != "rid-1" {
				t.Errorf("APIError = %+v", apiErr)
			}
			if !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "is_success=false") {
				t.Errorf("error text %q", err)
			}
			if got := ts.count(); got != 1 {
				t.Errorf("requests = %d; an is_success=false answer must not be retried", got)
			}
		})
	}
}

func TestIsSuccessTrueSucceeds(t *testing.T) {
	for _, body := range []string{
		`{"is_success": "true", "message": "", "name": "q1"}`,
		`{"is_success": true, "name": "q1"}`,
		`{"name": "q1"}`,
	} {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			fmt.Fprint(w, body)
		})
		c := newTestClient(t, ts.URL)
		var out struct {
			Name string `json:"name"`
		}
		if err := c.Do(testCtx(t), testRequest(), &out); err != nil {
			t.Errorf("body %s: %v", body, err)
		}
		if out.Name != "q1" {
			t.Errorf("body %s: decoded name %q", body, out.Name)
		}
	}
}

// A call that needs nothing from the answer (nil out) accepts an empty 2xx, e.g. a 204.
func TestDoEmptyBodyWithoutOut(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.WriteHeader(http.StatusNoContent)
	})
	c := newTestClient(t, ts.URL)
	if err := c.Do(testCtx(t), testRequest(), nil); err != nil {
		t.Errorf("empty 204 without out: %v", err)
	}
	if got := ts.count(); got != 1 {
		t.Errorf("requests = %d, want 1", got)
	}
}

func TestIsNotFound(t *testing.T) {
	api := func(status int, code, msg string) error {
		return &APIError{Operation: "Op", Method: "GET", Path: "/p", StatusCode: status, Code: code, Message: msg}
	}
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"404", api(404, "", ""), true},
		{"404 any code", api(404, "DLI.0404", "Not found"), true},
		{"404 unpublished API", api(404, "APIGW.0101", "The API does not exist"), false},
		{"400 DLI.0002", api(400, "DLI.0002", "The queue does not exist."), true},
		{"DLI.0023", api(400, "DLI.0023", "x"), true},
		{"DLI.12004", api(400, "DLI.12004", "The job does not exist."), true},
		{"DLI.16001", api(400, "DLI.16001", "x"), true},
		{"DLS.4106", api(400, "DLS.4106", "x"), true},
		{"DLI.0001 is not exist", api(400, "DLI.0001", "Queue q1 is not exist."), true},
		{"DLI.0001 not found", api(400, "DLI.0001", "Table NOT FOUND"), true},
		{"DLI.0008 there is no", api(400, "DLI.0008", "There is no queue named q"), true},
		{"NotFoundError", &NotFoundError{Kind: "global variable", Name: "v"}, true},
		{"wrapped NotFoundError", fmt.Errorf("ctx: %w", &NotFoundError{Kind: "k", Name: "n"}), true},
		{"wrapped APIError", fmt.Errorf("ctx: %w", api(400, "DLI.0002", "")), true},
		{"wrapped in attemptError", &attemptError{err: api(404, "", ""), status: 404}, true},
		{"DLI.0001 bad name", api(400, "DLI.0001", "bad name"), false},
		{"phrase under another code", api(400, "DLI.0005", "there is no spoon"), false},
		{"500", api(500, "", "not exist"), false},
		{"409", api(409, "DLI.0003", "already exists"), false},
		{"plain error", errors.New("the object does not exist"), false},
		{"nil", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsNotFound(tc.err); got != tc.want {
				t.Errorf("IsNotFound(%v) = %v, want %v", tc.err, got, tc.want)
			}
		})
	}
}

func TestNotFoundErrorText(t *testing.T) {
	err := &NotFoundError{Kind: "global variable", Name: "v1"}
	if got, want := err.Error(), `global variable "v1" does not exist`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestIsNotFoundThroughDo(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeDLIError(w, 400, "DLI.0002", "The queue does not exist.")
	})
	c := newTestClient(t, ts.URL)
	if err := c.Do(testCtx(t), testRequest(), nil); !IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}
}

// An API the region has not published answers 404 APIGW.0101: that is not the object's
// absence, and must never drop it from state.
func TestUnpublishedAPIIsNotNotFound(t *testing.T) {
	err := &APIError{Operation: "ListQueueProperties", StatusCode: 404, Code: "APIGW.0101",
		Message: "The API does not exist or has not been published in the environment"}
	if IsNotFound(err) {
		t.Error("IsNotFound(APIGW.0101) = true")
	}
	if !IsUnpublishedAPI(err) {
		t.Error("IsUnpublishedAPI(APIGW.0101) = false")
	}
	if !IsNotFound(&APIError{StatusCode: 404, Code: "DLI.0002"}) {
		t.Error("a plain 404 is no longer not-found")
	}
}
