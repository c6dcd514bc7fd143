package client

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// NodeInstancesPageSize is the limit of each ShowInstanceInfos page (offset and limit are
// required and have no documented maximum).
const NodeInstancesPageSize = 100

// NodeInstancesQuery selects the running instances of one job operator (seed 002).
type NodeInstancesQuery struct {
	Instance    string
	WorkspaceID string // optional filter
	TaskID      string
	JobName     string
	StartMillis int64 // epoch milliseconds
	EndMillis   int64
}

// NodeInstance is one row of the decoded body. Times are epoch milliseconds (0: not set).
type NodeInstance struct {
	Status           string  `json:"status"`
	Type             string  `json:"type"`
	JobID            flexInt `json:"jobId"`
	JobName          string  `json:"jobName"`
	TaskID           flexInt `json:"taskId"`
	TaskName         string  `json:"taskName"`
	TaskRunningLogID flexInt `json:"taskRunningLogId"`
	Owner            string  `json:"owner"`
	PlanTime         flexInt `json:"planTime"`
	SubmitTime       flexInt `json:"submitTime"`
	StartTime        flexInt `json:"startTime"`
	EndTime          flexInt `json:"endTime"`
	RunningTime      flexInt `json:"runningTime"`
	RetryTimes       flexInt `json:"retryTimes"`
	FailCount        flexInt `json:"failCount"`
	ForceSuccess     flexInt `json:"forceSuccess"`
	InputRowCount    flexInt `json:"inputRowCount"`
	OutputRowCount   flexInt `json:"outputRowCount"`
	Speed            float64 `json:"speed"`
	ExecutionLogPath string  `json:"executionLogPath"`
	WorkspaceID      string  `json:"workspaceId"`
	WorkspaceName    string  `json:"workspaceName"`
	RunningData      string  `json:"runningData"`
	RunningParam     string  `json:"runningParam"`
}

// nodeInstancesEnvelope is the proxy envelope: the wrapped call's status and its body as a
// JSON string.
type nodeInstancesEnvelope struct {
	StatusCode flexInt `json:"status_code"`
	Body       *string `json:"body"`
}

func (e *nodeInstancesEnvelope) validate() error { return requireFields(field{"body", e.Body != nil}) }

type nodeInstancesBody struct {
	Msg     string         `json:"msg"`
	Success *bool          `json:"success"`
	Total   *flexInt       `json:"total"`
	Rows    []NodeInstance `json:"rows"`
}

// MalformedBodyError says the body string of ShowInstanceInfos could not be decoded.
type MalformedBodyError struct {
	Operation, Path string
	Err             error
	Body            string
}

func (e *MalformedBodyError) Error() string {
	return fmt.Sprintf("%s (GET %s): the response's body field is not the expected JSON document (%v); body starts with: %q",
		e.Operation, e.Path, e.Err, truncate(e.Body, 200))
}

func (e *MalformedBodyError) Unwrap() error { return e.Err }

// ListNodeInstances returns every instance of the operator whose plan time lies in the
// window, paging through all of them, sorted by plan time (oldest first).
func (c *Client) ListNodeInstances(ctx context.Context, q NodeInstancesQuery) ([]NodeInstance, error) {
	path := "/v1/{project_id}/datamap/node/" + q.TaskID + "/instances"
	query := url.Values{
		"job_name":   {q.JobName},
		"start_time": {strconv.FormatInt(q.StartMillis, 10)}, // integer ms (WIRE-NOTES)
		"end_time":   {strconv.FormatInt(q.EndMillis, 10)},
		"limit":      {strconv.Itoa(NodeInstancesPageSize)},
	}
	setIfAny(query, "workspace_id", q.WorkspaceID)
	all, err := listAll(ctx, pager[NodeInstance]{
		operation: "ShowInstanceInfos", path: path, pageSize: NodeInstancesPageSize,
		key: func(r NodeInstance) string { // a run that moved across a page boundary
			if r.TaskRunningLogID == 0 {
				return ""
			}
			return strconv.FormatInt(int64(r.TaskRunningLogID), 10)
		},
		fetch: func(ctx context.Context, _, offset int) (listPage[NodeInstance], error) {
			pq := maps.Clone(query)
			pq.Set("offset", strconv.Itoa(offset))
			var env nodeInstancesEnvelope
			err := c.Do(ctx, Request{
				Service: ServiceDataArts, Operation: "ShowInstanceInfos", Method: http.MethodGet,
				Path: path, Query: pq, Header: dataArtsHeader("instance", q.Instance),
			}, &env)
			if err != nil {
				return listPage[NodeInstance]{}, err
			}
			body, err := decodeInstancesBody(path, env)
			if err != nil {
				return listPage[NodeInstance]{}, err
			}
			return listPage[NodeInstance]{items: body.Rows, total: totalOf(body.Total)}, nil
		},
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(all, func(a, b NodeInstance) int {
		return cmp.Or(cmp.Compare(a.PlanTime, b.PlanTime), cmp.Compare(a.TaskRunningLogID, b.TaskRunningLogID))
	})
	return all, nil
}

// decodeInstancesBody checks the wrapped status and decodes the body string.
func decodeInstancesBody(path string, env nodeInstancesEnvelope) (*nodeInstancesBody, error) {
	raw := ""
	if env.Body != nil {
		raw = *env.Body
	}
	if sc := int(env.StatusCode); sc != 0 && (sc < 200 || sc > 299) {
		return nil, &APIError{
			Operation: "ShowInstanceInfos", Method: http.MethodGet, Path: path, StatusCode: sc,
			Message: "the scheduler behind the API answered status_code " + strconv.Itoa(sc) + ": " + truncate(strings.TrimSpace(raw), 300),
		}
	}
	var body nodeInstancesBody
	if strings.TrimSpace(raw) == "" {
		return nil, &MalformedBodyError{Operation: "ShowInstanceInfos", Path: path, Err: fmt.Errorf("body is empty"), Body: raw}
	}
	if err := json.Unmarshal([]byte(raw), &body); err != nil {
		return nil, &MalformedBodyError{Operation: "ShowInstanceInfos", Path: path, Err: err, Body: raw}
	}
	if body.Success != nil && !*body.Success {
		return nil, &APIError{
			Operation: "ShowInstanceInfos", Method: http.MethodGet, Path: path, StatusCode: 200,
			Message: "the scheduler reported success=false: " + body.Msg,
		}
	}
	return &body, nil
}
