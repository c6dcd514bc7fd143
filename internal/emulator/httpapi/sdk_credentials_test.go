package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	dli "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1"
	dlimodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"
)

// agencyRequest is a typed CreateTemporaryAccessKeyByAgency request.
func agencyRequest(agency string, seconds *int32) *iammodel.CreateTemporaryAccessKeyByAgencyRequest {
	return &iammodel.CreateTemporaryAccessKeyByAgencyRequest{Body: &iammodel.CreateTemporaryAccessKeyByAgencyRequestBody{
		Auth: &iammodel.AgencyAuth{Identity: &iammodel.AgencyAuthIdentity{
			Methods: []iammodel.AgencyAuthIdentityMethods{iammodel.GetAgencyAuthIdentityMethodsEnum().ASSUME_ROLE},
			AssumeRole: &iammodel.IdentityAssumerole{
				AgencyName: agency, DomainName: ptr("partner_domain"), DurationSeconds: seconds,
			},
		}},
	}}
}

// dliClientWith is an SDK DLI client signing with temporary credentials.
func (s *sdkEnv) dliClientWith(t *testing.T, ak, sk, token string) *dli.DliClient {
	t.Helper()
	cred := must[*basic.Credentials](t, "build the temporary credentials")(basic.NewCredentialsBuilder().
		WithAk(ak).WithSk(sk).WithSecurityToken(token).WithProjectId(DemoProjectID).SafeBuild())
	hc := config.DefaultHttpConfig().WithRetries(0)
	return dli.NewDliClient(must[*core.HcHttpClient](t, "build the DLI client")(dli.DliClientBuilder().
		WithEndpoints([]string{s.srv.URL}).WithCredential(cred).WithHttpConfig(hc).SafeBuild()))
}

func wantAuthError(t *testing.T, err error, code string) {
	t.Helper()
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) || se.StatusCode != http.StatusUnauthorized || se.ErrorCode != code {
		t.Fatalf("want 401 %s, got %v", code, err)
	}
}

// An agency's temporary credentials sign DLI requests with their security token until they
// expire on the emulated clock; each request is counted under the key that signed it.
func TestSDKCreateTemporaryAccessKeyByAgency(t *testing.T) {
	s := newSDKEnv(t)
	resp := must[*iammodel.CreateTemporaryAccessKeyByAgencyResponse](t, "CreateTemporaryAccessKeyByAgency")(
		s.iam.CreateTemporaryAccessKeyByAgency(agencyRequest("ci_deployer", ptr(int32(900)))))
	c := resp.Credential
	if resp.HttpStatusCode != http.StatusCreated || c == nil || c.Access == "" || c.Secret == "" || c.Securitytoken == "" {
		t.Fatalf("response: %d %+v", resp.HttpStatusCode, c)
	}
	expires, err := time.Parse(time.RFC3339Nano, c.ExpiresAt)
	if err != nil || expires.Sub(s.emu.Now()) > 15*time.Minute || expires.Sub(s.emu.Now()) < 14*time.Minute {
		t.Fatalf("expires_at %q: want 15 minutes from the emulated now %v (%v)", c.ExpiresAt, s.emu.Now(), err)
	}

	temp := s.dliClientWith(t, c.Access, c.Secret, c.Securitytoken)
	must[*dlimodel.ListQueuesResponse](t, "ListQueues with the agency's credentials")(temp.ListQueues(&dlimodel.ListQueuesRequest{}))
	signers := s.emu.RequestsBySigner()
	if got := signers[c.Access]; got.Origin != "agency:ci_deployer" || got.Requests != 1 {
		t.Errorf("signer of the temporary key: %+v, want agency:ci_deployer with 1 request", got)
	}
	if got := signers[DemoAccessKey]; got.Origin != permanentOrigin || got.Requests != 1 {
		t.Errorf("signer of the permanent key: %+v, want 1 request (the exchange)", got)
	}

	_, err = s.dliClientWith(t, c.Access, c.Secret, "gQwrong").ListQueues(&dlimodel.ListQueuesRequest{})
	wantAuthError(t, err, authErrorCode)
	_, err = s.dliClientWith(t, c.Access, c.Secret, "").ListQueues(&dlimodel.ListQueuesRequest{})
	wantAuthError(t, err, authErrorCode)

	s.emu.Advance(16 * time.Minute)
	_, err = temp.ListQueues(&dlimodel.ListQueuesRequest{})
	wantAuthError(t, err, "APIGW.0307")

	for _, bad := range []*int32{ptr(int32(899)), ptr(int32(86401))} {
		_, err = s.iam.CreateTemporaryAccessKeyByAgency(agencyRequest("ci_deployer", bad))
		wantSDKError(t, err, "IAM.0011")
	}
	_, err = s.iam.CreateTemporaryAccessKeyByAgency(agencyRequest("", nil))
	wantSDKError(t, err, "IAM.0011")
}

// The metadata service hands out temporary credentials without a signature, the same ones
// until they near expiry, and the signature check accepts them.
func TestMetadataSecurityKey(t *testing.T) {
	s := newSDKEnv(t)
	get := func() credentialBody {
		t.Helper()
		resp, err := http.Get(s.srv.URL + metadataSecurityKeyPath)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]credentialBody
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&out) != nil {
			t.Fatalf("GET securitykey: HTTP %d", resp.StatusCode)
		}
		return out["credential"]
	}
	first := get()
	if again := get(); again != first {
		t.Error("a second GET while the credentials are fresh should return the same ones")
	}
	must[*dlimodel.ListQueuesResponse](t, "ListQueues with the metadata credentials")(
		s.dliClientWith(t, first.Access, first.Secret, first.SecurityToken).ListQueues(&dlimodel.ListQueuesRequest{}))
	if got := s.emu.RequestsBySigner()[first.Access]; got.Origin != metadataOrigin || got.Requests != 1 {
		t.Errorf("signer: %+v", got)
	}
	if n := s.emu.RequestCounts()[metadataOperation]; n != 2 {
		t.Errorf("%s counted %d times, want 2", metadataOperation, n)
	}
	s.emu.Advance(metadataCredentialLife - metadataCredentialRenew/2)
	if renewed := get(); renewed.Access == first.Access {
		t.Error("credentials near expiry should be replaced")
	}
}

// In token mode, a session token from PUT api/token lets GET securitykey through until it
// expires on the emulated clock; a bad or expired one is refused.
func TestMetadataTokenMode(t *testing.T) {
	env := newEnv(t, Options{Speed: defaultSpeed})
	send := func(method, path, header, value string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, env.srv.URL+path, nil)
		if value != "" {
			req.Header.Set(header, value)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if status, _ := send(http.MethodPut, metadataTokenPath, "X-Metadata-Token-Ttl-Seconds", "99999"); status != http.StatusBadRequest {
		t.Errorf("a TTL over 6 hours: HTTP %d, want 400", status)
	}
	status, token := send(http.MethodPut, metadataTokenPath, "X-Metadata-Token-Ttl-Seconds", "60")
	if status != http.StatusOK || token == "" {
		t.Fatalf("token: HTTP %d %q", status, token)
	}
	if status, _ := send(http.MethodGet, metadataSecurityKeyPath, "X-Metadata-Token", token); status != http.StatusOK {
		t.Errorf("with a live token: HTTP %d, want 200", status)
	}
	if status, _ := send(http.MethodGet, metadataSecurityKeyPath, "X-Metadata-Token", "forged"); status != http.StatusUnauthorized {
		t.Errorf("with a forged token: HTTP %d, want 401", status)
	}
	env.emu.Advance(time.Minute)
	if status, _ := send(http.MethodGet, metadataSecurityKeyPath, "X-Metadata-Token", token); status != http.StatusUnauthorized {
		t.Errorf("with an expired token: HTTP %d, want 401", status)
	}
}
