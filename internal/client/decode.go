package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Strict decoding. A successful answer is only used when it carries what the operation
// needs: Do decodes the body into the caller's out value and, when out implements
// validator, asks it. An empty body, `null`, `{}`, a body that is not JSON (an HTML error
// page from a gateway, a truncated body) or one that fails validate is a
// *MalformedResponseError: retried like a 5xx, and never taken for "not found" or an empty
// value. Calls whose successful answer has no body pass a nil out.

// validator is implemented by response types that know which fields they must carry.
type validator interface {
	validate() error
}

// field is a field an answer must carry: its wire name and whether it is present.
type field struct {
	name    string
	present bool
}

// requireFields reports the fields that are missing.
func requireFields(fields ...field) error {
	var missing []string
	for _, f := range fields {
		if !f.present {
			missing = append(missing, f.name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("the response lacks %s", strings.Join(missing, ", "))
}

// decodeStrict decodes a 2xx body into out and checks it; the error is the reason only
// (the caller adds operation, status and request id).
func decodeStrict(body []byte, out any) error {
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return fmt.Errorf("the body is empty")
	case string(trimmed) == "null":
		return fmt.Errorf("the body is null")
	case trimmed[0] != '{' && trimmed[0] != '[':
		return fmt.Errorf("the body is not JSON")
	}
	if err := json.Unmarshal(trimmed, out); err != nil {
		return fmt.Errorf("the body is not the expected JSON: %w", err)
	}
	if v, ok := out.(validator); ok {
		return v.validate()
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(trimmed, &probe) == nil && len(probe) == 0 {
		return fmt.Errorf("the body is an empty object")
	}
	return nil
}

// ack is the answer of a DLI write whose only content is the envelope (§6.2, §7.1.1,
// §7.2.1, §13.1, ...): is_success must be present.
type ack struct {
	IsSuccess *flexBool `json:"is_success"`
	Message   string    `json:"message"`
}

func (a *ack) validate() error { return requireFields(field{"is_success", a.IsSuccess != nil}) }

// queueCreateResponse is the §6.1 answer.
type queueCreateResponse struct {
	IsSuccess *flexBool `json:"is_success"`
	QueueName *string   `json:"queue_name"`
}

func (r *queueCreateResponse) validate() error {
	return requireFields(field{"is_success", r.IsSuccess != nil}, field{"queue_name", ptr.Deref(r.QueueName) != ""})
}

// showQueueResponse is the §6.4 answer; the provider needs the name, type and CUs.
type showQueueResponse struct{ model.ShowQueueResponse }

func (r *showQueueResponse) validate() error {
	return requireFields(field{"queueName", ptr.Deref(r.QueueName) != ""},
		field{"queueType", ptr.Deref(r.QueueType) != ""}, field{"cuCount", r.CuCount != nil})
}

// queueActionResponse is the §6.5 answer to scale_out/scale_in.
type queueActionResponse struct{ model.RunQueueActionResponse }

func (r *queueActionResponse) validate() error {
	return requireFields(field{"result", r.Result != nil})
}

type listQueuesResponse struct{ model.ListQueuesResponse }

func (r *listQueuesResponse) validate() error {
	if err := requireFields(field{"queues", r.Queues != nil}); err != nil {
		return err
	}
	for i, q := range *r.Queues {
		if ptr.Deref(q.QueueName) == "" || q.CuCount == nil {
			return fmt.Errorf("queues[%d] lacks queue_name or cu_count", i)
		}
	}
	return nil
}

type listDatabasesResponse struct{ model.ListDatabasesResponse }

func (r *listDatabasesResponse) validate() error {
	if err := requireFields(field{"databases", r.Databases != nil}); err != nil {
		return err
	}
	for i, d := range *r.Databases {
		if ptr.Deref(d.DatabaseName) == "" {
			return fmt.Errorf("databases[%d] lacks database_name", i)
		}
	}
	return nil
}

type listTablesResponse struct{ model.ListTablesResponse }

func (r *listTablesResponse) validate() error {
	if err := requireFields(field{"tables", r.Tables != nil}); err != nil {
		return err
	}
	for i, t := range *r.Tables {
		if t.TableName == "" {
			return fmt.Errorf("tables[%d] lacks table_name", i)
		}
	}
	return nil
}

func (d *TableDescription) validate() error {
	return requireFields(field{"columns", d.Columns != nil}, field{"table_type", d.TableType != ""})
}

type listGlobalVariablesResponse struct {
	model.ListGlobalVariablesResponse
}

func (r *listGlobalVariablesResponse) validate() error {
	if err := requireFields(field{"global_vars", r.GlobalVars != nil}); err != nil {
		return err
	}
	for i, v := range *r.GlobalVars {
		if ptr.Deref(v.VarName) == "" {
			return fmt.Errorf("global_vars[%d] lacks var_name", i)
		}
	}
	return nil
}

type createConnectionResponse struct {
	model.CreateEnhancedConnectionResponse
}

func (r *createConnectionResponse) validate() error {
	return requireFields(field{"connection_id", ptr.Deref(r.ConnectionId) != ""})
}

type showConnectionResponse struct {
	model.ShowEnhancedConnectionResponse
}

func (r *showConnectionResponse) validate() error {
	return requireFields(field{"id", ptr.Deref(r.Id) != ""}, field{"status", ptr.Deref(r.Status) != ""})
}

type listConnectionsResponse struct {
	model.ListEnhancedConnectionsResponse
}

func (r *listConnectionsResponse) validate() error {
	if err := requireFields(field{"connections", r.Connections != nil}); err != nil {
		return err
	}
	for i, conn := range *r.Connections {
		if ptr.Deref(conn.Id) == "" || ptr.Deref(conn.Name) == "" {
			return fmt.Errorf("connections[%d] lacks id or name", i)
		}
	}
	return nil
}
