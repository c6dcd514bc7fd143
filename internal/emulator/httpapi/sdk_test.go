package httpapi

import (
	"encoding/json"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer/algorithm"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/impl"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// TestSDKCredentialsFlow drives the emulator through the SDK's own credential
// handling: project id discovery with KeystoneListProjects against the IAM
// endpoint override, then requests signed by BasicCredentials (which adds
// X-Project-Id and X-Security-Token) and sent by the SDK's HTTP client.
// (The DLI service client package is not used: it needs core/region, whose
// yaml dependency is not in go.sum.)
func TestSDKCredentialsFlow(t *testing.T) {
	env := newEnv(t, Options{})
	cred := auth.NewBasicCredentialsBuilder().WithAk(DemoAccessKey).WithSk(DemoSecretKey).
		WithSecurityToken("temporary-session-token").WithIamEndpointOverride(env.srv.URL).Build()
	client := impl.NewDefaultHttpClient(config.DefaultHttpConfig().WithRetries(0))
	ic, err := cred.ProcessAuthParams(client, DemoRegion)
	if err != nil {
		t.Fatalf("project discovery: %v", err)
	}
	if got := ic.(*auth.BasicCredentials).ProjectId; got != DemoProjectID {
		t.Fatalf("discovered project %q", got)
	}
	if n := env.emu.RequestCounts()["KeystoneListProjects"]; n != 1 {
		t.Fatalf("KeystoneListProjects count %d", n)
	}

	call := func(method, path string, pathParams map[string]string, body any, out any) int {
		t.Helper()
		b := request.NewHttpRequestBuilder().WithEndpoint(env.srv.URL).WithPath(path).WithMethod(method).
			WithSigningAlgorithm(algorithm.GetDefaultSigningAlgorithm()).AddHeaderParam("Content-Type", "application/json")
		for k, v := range pathParams {
			b.AddPathParam(k, v)
		}
		if body != nil {
			b.WithBody("application/json", body)
		}
		req, err := ic.ProcessAuthRequest(client, b.Build())
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.SyncInvokeHttp(req)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := resp.GetBodyAsBytes()
		if out != nil {
			if err := json.Unmarshal(data, out); err != nil {
				t.Fatalf("decode %s: %v", data, err)
			}
		}
		if resp.GetHeader("X-Request-Id") == "" {
			t.Fatal("no X-Request-Id")
		}
		return resp.GetStatusCode()
	}
	qt := "sql"
	var created model.CreateQueueResponse
	if s := call("POST", "/v1.0/{project_id}/queues", nil,
		&model.CreateQueueRequestBody{QueueName: "SdkQueue", CuCount: 16, QueueType: &qt}, &created); s != 200 || *created.QueueName != "sdkqueue" {
		t.Fatalf("create %d %v", s, created)
	}
	env.emu.Advance(queueProvisionTime)
	var shown model.ShowQueueResponse
	if s := call("GET", "/v1.0/{project_id}/queues/{queue_name}", map[string]string{"queue_name": "sdkqueue"}, nil, &shown); s != 200 || *shown.CuCount != 16 {
		t.Fatalf("show %d %v", s, shown)
	}
	sensitive := true
	if s := call("POST", "/v1.0/{project_id}/variables", nil,
		&model.CreateGlobalVariableRequestBody{VarName: "sdk_var", VarValue: "hidden", IsSensitive: &sensitive}, nil); s != 200 {
		t.Fatalf("create variable %d", s)
	}
	var vars model.ListGlobalVariablesResponse
	if s := call("GET", "/v1.0/{project_id}/variables", nil, nil, &vars); s != 200 || *vars.Count != 1 || *(*vars.GlobalVars)[0].VarValue != sensitiveMask {
		t.Fatalf("list variables %d %v", s, vars)
	}
	var acted model.RunQueueActionResponse
	force := true
	if s := call("PUT", "/v1.0/{project_id}/queues/{queue_name}/action", map[string]string{"queue_name": "sdkqueue"},
		&model.RunQueueActionRequestBody{Action: "restart", Force: &force}, &acted); s != 200 || acted.JobId == nil {
		t.Fatalf("restart %d %v", s, acted)
	}
}
