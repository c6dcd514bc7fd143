package client

import (
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// A template create answered 408 after it took effect is found by its name among the
// templates that did not exist before, and not sent again.
func TestCreateFlinkTemplateReconcilesAfter408(t *testing.T) {
	var mu sync.Mutex
	committed := false
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPost && r.URL.Path == streamingPath+"/job-templates":
			committed = true
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
		case r.Method == http.MethodGet && r.URL.Path == streamingPath+"/job-templates":
			templates := []map[string]any{{"template_id": 3, "name": "t1"}, {"template_id": 4, "name": "t10"}}
			if committed {
				templates = append(templates, map[string]any{"template_id": 9, "name": "t1"})
			}
			writeJSON(w, 200, map[string]any{"is_success": true, "template_list": map[string]any{"total_count": len(templates), "templates": templates}})
		default:
			writeDLIError(w, 404, "", "no route")
		}
	})
	c := newTestClient(t, ts.URL)
	id, err := c.CreateFlinkTemplate(testCtx(t), &model.CreateFlinkSqlJobTemplateRequestBody{Name: "t1", SqlBody: ptr.Of("select 1")})
	if err != nil || id != 9 {
		t.Fatalf("CreateFlinkTemplate = %d, %v; want the template created by the lost attempt (9)", id, err)
	}
	if got := ts.countWhere(http.MethodPost, streamingPath+"/job-templates"); got != 1 {
		t.Errorf("POSTs = %d, want exactly 1", got)
	}
}

// A template listing whose rows lack their id is malformed, never an empty or partial result.
func TestListFlinkTemplatesIsStrict(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true, "template_list": map[string]any{"total_count": 1, "templates": []any{map[string]any{"name": "t1"}}}})
	})
	c := newTestClient(t, ts.URL)
	_, err := c.ListFlinkTemplates(testCtx(t))
	var malformed *MalformedResponseError
	if !errors.As(err, &malformed) {
		t.Fatalf("ListFlinkTemplates error = %v, want a malformed response", err)
	}
}
