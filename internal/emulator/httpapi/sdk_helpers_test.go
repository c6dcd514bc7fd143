package httpapi

// The official-SDK conformance suite (sdk_*_test.go): every operation the emulator serves
// is called through the SDK's typed client (services/dli/v1, dataartsstudio/v1, iam/v3)
// with a typed request, and the typed response is decoded and checked. No hand-built HTTP.
// The emulator runs at the command's default speed, 60; waits are manual clock advances.

import (
	"errors"
	"flag"
	"os"
	"sort"
	"sync"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/global"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	dataarts "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dataartsstudio/v1"
	dli "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1"
	iam "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3"
)

// defaultSpeed is the command's default -speed.
const defaultSpeed = 60

// sdkEnv is an emulator at default speed with the SDK's typed clients pointed at it.
type sdkEnv struct {
	*testEnv
	dli      *dli.DliClient
	dataarts *dataarts.DataArtsStudioClient
	iam      *iam.IamClient
}

func newSDKEnv(t *testing.T) *sdkEnv {
	t.Helper()
	env := newEnv(t, Options{Speed: defaultSpeed})
	hc := config.DefaultHttpConfig().WithRetries(0).WithIgnoreSSLVerification(true)
	cred := must[*basic.Credentials](t, "build the project credentials")(
		basic.NewCredentialsBuilder().WithAk(DemoAccessKey).WithSk(DemoSecretKey).WithProjectId(DemoProjectID).SafeBuild())
	globalCred := must[*global.Credentials](t, "build the global credentials")(
		global.NewCredentialsBuilder().WithAk(DemoAccessKey).WithSk(DemoSecretKey).SafeBuild())
	s := &sdkEnv{
		testEnv: env,
		dli: dli.NewDliClient(must[*core.HcHttpClient](t, "build the DLI client")(dli.DliClientBuilder().
			WithEndpoints([]string{env.srv.URL}).WithCredential(cred).WithHttpConfig(hc).SafeBuild())),
		dataarts: dataarts.NewDataArtsStudioClient(must[*core.HcHttpClient](t, "build the DataArts Studio client")(dataarts.DataArtsStudioClientBuilder().
			WithEndpoints([]string{env.srv.URL}).WithCredential(cred).WithHttpConfig(hc).SafeBuild())),
		iam: iam.NewIamClient(must[*core.HcHttpClient](t, "build the IAM client")(iam.IamClientBuilder().
			WithEndpoints([]string{env.srv.URL}).WithCredential(globalCred).WithHttpConfig(hc).SafeBuild())),
	}
	t.Cleanup(func() { recordSDKCoverage(env.emu.RequestCounts()) })
	return s
}

// must fails the test on an SDK error.
func must[T any](t *testing.T, op string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		return v
	}
}

// wantSDKError requires an SDK service error 400 (every refusal the suite provokes is a
// bad request) with this error_code and a message.
func wantSDKError(t *testing.T, err error, code string) {
	t.Helper()
	const status = 400
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) {
		t.Fatalf("want %d %s, got %v", status, code, err)
	}
	if se.StatusCode != status || se.ErrorCode != code || se.ErrorMessage == "" {
		t.Fatalf("want %d %s with a message, got %d %s %q", status, code, se.StatusCode, se.ErrorCode, se.ErrorMessage)
	}
}

func ptr[T any](v T) *T { return &v }

// sdkCovered collects the operations the conformance suite called.
var sdkCovered = struct {
	sync.Mutex
	ops map[string]bool
}{ops: map[string]bool{}}

func recordSDKCoverage(counts map[string]int) {
	sdkCovered.Lock()
	defer sdkCovered.Unlock()
	for op, n := range counts {
		if n > 0 {
			sdkCovered.ops[op] = true
		}
	}
}

// TestMain checks, after a full run of the package's tests, that the SDK conformance suite
// called every operation the emulator serves.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		var missing []string
		for _, op := range Operations() {
			if !sdkCovered.ops[op] {
				missing = append(missing, op)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			os.Stderr.WriteString("SDK conformance suite does not call these operations: ")
			for _, op := range missing {
				os.Stderr.WriteString(op + " ")
			}
			os.Stderr.WriteString("\n")
			code = 1
		}
	}
	os.Exit(code)
}
