package httpapi

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

func listVars(t *testing.T, env *testEnv, query map[string]string) model.ListGlobalVariablesResponse {
	t.Helper()
	var resp model.ListGlobalVariablesResponse
	env.must("GET", testPrefix+"/variables", query, nil, &resp)
	return resp
}

func TestGlobalVariablePaging(t *testing.T) {
	env := newEnv(t, Options{})
	for i := 0; i < 250; i++ {
		env.must("POST", testPrefix+"/variables", nil, map[string]any{"var_name": fmt.Sprintf("v%03d", i), "var_value": strconv.Itoa(i)}, nil)
	}
	first := listVars(t, env, nil)
	if *first.Count != 250 || len(*first.GlobalVars) != 100 || *(*first.GlobalVars)[0].VarName != "v000" {
		t.Fatalf("default page: count %d, len %d", *first.Count, len(*first.GlobalVars))
	}
	seen := map[string]bool{}
	for offset := 0; offset < 250; offset += 100 {
		page := listVars(t, env, map[string]string{"limit": "100", "offset": strconv.Itoa(offset)})
		if *page.Count != 250 {
			t.Fatalf("count %d", *page.Count)
		}
		for _, v := range *page.GlobalVars {
			seen[*v.VarName] = true
			if *v.ProjectId != DemoProjectID || *v.UserName != "demo_user" || v.UserId == nil || v.Id == nil ||
				v.IsSensitive == nil || *v.CreateTime <= 0 || *v.UpdateTime <= 0 {
				t.Fatalf("item fields: %v", v)
			}
		}
	}
	if len(seen) != 250 {
		t.Fatalf("saw %d distinct variables", len(seen))
	}
	last := listVars(t, env, map[string]string{"limit": "100", "offset": "200"})
	if len(*last.GlobalVars) != 50 {
		t.Fatalf("last page %d", len(*last.GlobalVars))
	}
	for _, q := range []map[string]string{{"limit": "0"}, {"limit": "x"}, {"offset": "-1"}} {
		env.wantError("GET", testPrefix+"/variables", q, nil, 400, "DLI.0001")
	}
}

func TestGlobalVariableLifecycle(t *testing.T) {
	env := newEnv(t, Options{})
	env.must("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "plain", "var_value": "one"}, nil)
	env.must("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "secret", "var_value": "s3cr3t", "is_sensitive": true}, nil)

	e := env.wantError("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "plain", "var_value": "x"}, 400, "DLI.0999")
	if !strings.Contains(e.Msg, "already exists") {
		t.Errorf("duplicate message %q", e.Msg)
	}
	invalid := []map[string]any{
		{"var_value": "x"},
		{"var_name": "", "var_value": "x"},
		{"var_name": "123", "var_value": "x"},
		{"var_name": "_x", "var_value": "x"},
		{"var_name": "a-b", "var_value": "x"},
		{"var_name": strings.Repeat("a", 129), "var_value": "x"},
		{"var_name": "novalue"},
		{"var_name": "emptyvalue", "var_value": ""},
		{"var_name": "badflag", "var_value": "x", "is_sensitive": "maybe"},
	}
	for _, body := range invalid {
		e := env.wantError("POST", testPrefix+"/variables", nil, body, 400, "DLI.0001")
		if !strings.Contains(e.Msg, "var_") && !strings.Contains(e.Msg, "is_sensitive") {
			t.Errorf("message %q does not name the field", e.Msg)
		}
	}

	values := func() map[string]string {
		out := map[string]string{}
		for _, v := range *listVars(t, env, nil).GlobalVars {
			out[*v.VarName] = *v.VarValue
		}
		return out
	}
	if got := values(); got["plain"] != "one" || got["secret"] != "******" {
		t.Fatalf("values %v", got)
	}
	env.must("PUT", testPrefix+"/variables/plain", nil, map[string]any{"var_value": "two"}, nil)
	env.must("PUT", testPrefix+"/variables/secret", nil, map[string]any{"var_value": "other"}, nil)
	if got := values(); got["plain"] != "two" || got["secret"] != "******" {
		t.Fatalf("after update %v", got)
	}
	if env.emu.data.Projects[DemoProjectID].Variables["secret"].Value != "other" {
		t.Fatal("sensitive update not stored")
	}
	env.wantError("PUT", testPrefix+"/variables/plain", nil, map[string]any{}, 400, "DLI.0001")
	env.wantError("PUT", testPrefix+"/variables/absent", nil, map[string]any{"var_value": "x"}, 400, "DLI.12004")
	env.wantError("DELETE", testPrefix+"/variables/absent", nil, nil, 400, "DLI.12004")
	env.wantError("DELETE", testPrefix+"/variables/_bad", nil, nil, 400, "DLI.0001")
	env.must("DELETE", testPrefix+"/variables/plain", nil, nil, nil)
	if got := values(); len(got) != 1 {
		t.Fatalf("after delete %v", got)
	}
}
