package client

import (
	"encoding/json"
	"fmt"
	"strings"
)

// flexBool decodes a JSON boolean or the strings "true"/"false"; DLI sends both forms of
// is_success (WIRE-NOTES: strings on the Flink APIs, booleans elsewhere).
type flexBool bool

func (b *flexBool) UnmarshalJSON(data []byte) error {
	s := strings.Trim(strings.TrimSpace(string(data)), `"`)
	switch strings.ToLower(s) {
	case "true":
		*b = true
	case "false", "", "null":
		*b = false
	default:
		return fmt.Errorf("is_success: unexpected value %s", data)
	}
	return nil
}

// envelope is the part of every DLI response that says whether the call succeeded.
type envelope struct {
	IsSuccess *flexBool `json:"is_success"`
	Message   string    `json:"message"`
}

// errorBody is the error shape of every service: {"error_code": ..., "error_msg": ...}.
type errorBody struct {
	ErrorCode string `json:"error_code"`
	ErrorMsg  string `json:"error_msg"`
	// Some gateways use code/message instead.
	Code    string `json:"code"`
	Message string `json:"message"`
}

func parseErrorBody(body []byte) (code, msg string) {
	var eb errorBody
	if json.Unmarshal(body, &eb) != nil {
		return "", strings.TrimSpace(truncate(string(body), 300))
	}
	code, msg = eb.ErrorCode, eb.ErrorMsg
	if code == "" {
		code = eb.Code
	}
	if msg == "" {
		msg = eb.Message
	}
	return code, msg
}

// checkEnvelope turns a 200 with is_success=false into an error message.
func checkEnvelope(body []byte) (failed bool, msg string) {
	var env envelope
	if json.Unmarshal(body, &env) != nil || env.IsSuccess == nil {
		return false, ""
	}
	return !bool(*env.IsSuccess), env.Message
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
