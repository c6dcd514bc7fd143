package httpapi

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/region"
	dli "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// TestSDKCredentialsFlow drives the emulator through the SDK's own credential handling:
// a typed DLI client with a region and no project id discovers the project with
// KeystoneListProjects against the IAM endpoint override, then signs with BasicCredentials
// (adding X-Project-Id and X-Security-Token).
func TestSDKCredentialsFlow(t *testing.T) {
	env := newEnv(t, Options{Speed: defaultSpeed})
	cred := must[*basic.Credentials](t, "build the credentials")(basic.NewCredentialsBuilder().WithAk(DemoAccessKey).WithSk(DemoSecretKey).
		WithSecurityToken("temporary-session-token").WithIamEndpointOverride(env.srv.URL).SafeBuild())
	c := dli.NewDliClient(must[*core.HcHttpClient](t, "build the DLI client")(dli.DliClientBuilder().WithRegion(region.NewRegion(DemoRegion, env.srv.URL)).
		WithCredential(cred).WithHttpConfig(config.DefaultHttpConfig().WithRetries(0)).SafeBuild()))
	if got := cred.ProjectId; got != DemoProjectID {
		t.Fatalf("discovered project %q", got)
	}
	if n := env.emu.RequestCounts()["KeystoneListProjects"]; n != 1 {
		t.Fatalf("KeystoneListProjects count %d", n)
	}
	recordSDKCoverage(env.emu.RequestCounts())

	created := must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{
		QueueName: "SdkQueue", CuCount: 16, QueueType: ptr("sql")}}))
	if *created.QueueName != "sdkqueue" {
		t.Fatalf("create %+v", created)
	}
	must[*model.CreateGlobalVariableResponse](t, "CreateGlobalVariable")(c.CreateGlobalVariable(&model.CreateGlobalVariableRequest{
		Body: &model.CreateGlobalVariableRequestBody{VarName: "sdk_var", VarValue: "hidden", IsSensitive: ptr(true)}}))
	vars := must[*model.ListGlobalVariablesResponse](t, "ListGlobalVariables")(c.ListGlobalVariables(&model.ListGlobalVariablesRequest{}))
	if *vars.Count != 1 || *(*vars.GlobalVars)[0].VarValue != sensitiveMask {
		t.Fatalf("list variables %+v", vars)
	}
	env.emu.Advance(queueProvisionTime)
	acted := must[*model.RunQueueActionResponse](t, "RunQueueAction")(c.RunQueueAction(&model.RunQueueActionRequest{
		QueueName: "sdkqueue", Body: &model.RunQueueActionRequestBody{Action: "restart", Force: ptr(true)}}))
	if acted.JobId == nil {
		t.Fatalf("restart %+v", acted)
	}
}
