package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// closedEndpoint is an address nothing listens on: the metadata service of a machine that
// is not an ECS/CCE node.
const closedEndpoint = "http://127.0.0.1:1"

var accessRe = regexp.MustCompile(`Access=([^,\s]+)`)

// signer is the access key that signed a recorded request.
func signer(r recorded) string {
	m := accessRe.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return ""
	}
	return m[1]
}

// fakeCloud answers the metadata service, the IAM agency exchange and any other call; the
// temporary credentials it issues expire lifetime after the chain's clock says now.
type fakeCloud struct {
	*testServer
	clock    *fakeClock
	lifetime time.Duration
	metadata atomic.Int32 // metadata requests
	noToken  bool         // the metadata service has no token mode (404 to the token request)
	agency   atomic.Int32 // agency exchanges
	expireAK sync.Map     // access keys to refuse as expired (APIGW.0307)
}

func newFakeCloud(t *testing.T) *fakeCloud {
	t.Helper()
	fc := &fakeCloud{clock: newFakeClock(), lifetime: time.Hour}
	fc.testServer = newTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		expires := fc.clock.Now().Add(fc.lifetime).UTC().Format("2006-01-02T15:04:05.000000Z")
		switch r.URL.Path {
		case metadataTokenPath:
			if fc.noToken || r.Method != http.MethodPut || r.Header.Get(metadataTokenTTLHeader) == "" {
				w.WriteHeader(http.StatusNotFound)
				return
			}
			fmt.Fprintln(w, "session-token")
		case metadataSecurityKeyPath:
			n := fc.metadata.Add(1)
			writeJSON(w, 200, map[string]any{"credential": map[string]string{
				"access": fmt.Sprintf("AKMETA%d", n), "secret": "SKMETA-secret", "securitytoken": "tok-meta", "expires_at": expires,
			}})
		case "/v3.0/OS-CREDENTIAL/securitytokens":
			n := fc.agency.Add(1)
			writeJSON(w, 201, map[string]any{"credential": map[string]string{
				"access": fmt.Sprintf("AKAGENCY%d", n), "secret": "SKAGENCY-secret", "securitytoken": "tok-agency", "expires_at": expires,
			}})
		default:
			if m := accessRe.FindStringSubmatch(r.Header.Get("Authorization")); m != nil {
				if _, refuse := fc.expireAK.Load(m[1]); refuse {
					writeJSON(w, 401, map[string]string{"error_code": "APIGW.0307", "error_msg": "The token must be updated."})
					return
				}
			}
			writeJSON(w, 200, map[string]any{"ok": true})
		}
	})
	return fc
}

// client is a client of the fake cloud with no credentials but those mutate sets, the
// metadata service on the fake cloud, and the chain on the fake clock.
func (fc *fakeCloud) client(t *testing.T, mutate ...func(*Config)) *Client {
	t.Helper()
	c := newTestClient(t, fc.URL, append([]func(*Config){func(cfg *Config) {
		cfg.AccessKey, cfg.SecretKey = "", ""
		cfg.MetadataEndpoint = fc.URL
	}}, mutate...)...)
	c.creds.clock = fc.clock
	return c
}

// apiSigners are the access keys that signed the API calls (not the metadata requests).
func (fc *fakeCloud) apiSigners() []string {
	var out []string
	for _, r := range fc.requests() {
		if r.Path != metadataSecurityKeyPath && r.Path != metadataTokenPath {
			out = append(out, signer(r))
		}
	}
	return out
}

func writeSharedConfig(t *testing.T, cfg map[string]any) string {
	t.Helper()
	data, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "config.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func profileFile(t *testing.T) string {
	return writeSharedConfig(t, map[string]any{"current": "dev", "profiles": []map[string]any{
		{"name": "dev", "mode": "AKSK", "accessKeyId": "AKPROFILE", "secretAccessKey": "SKPROFILE", "region": "ap-southeast-1", "projectId": "pid-ap"},
		{"name": "sso", "mode": "SSO", "ssoAuth": map[string]any{"stsToken": map[string]string{
			"accessKeyId": "AKSSO", "secretAccessKey": "SKSSO", "securityToken": "tok-sso"}}},
		{"name": "ecs", "mode": "ecsAgency"},
		{"name": "agency", "accessKeyId": "AKBASE", "secretAccessKey": "SKBASE", "agencyName": "ci", "agencyDomainName": "partner"},
		{"name": "odd", "mode": "federated"},
		{"name": "empty", "mode": "AKSK"},
		{"name": "halfagency", "accessKeyId": "AKBASE", "secretAccessKey": "SKBASE", "agencyName": "ci"},
	}})
}

// Each source is used only when every source before it has nothing: arguments, then
// the environment, then the shared config file, then the metadata service.
func TestCredentialChainPrecedence(t *testing.T) {
	file := profileFile(t)
	env := Credentials{AccessKey: "AKENV", SecretKey: "SKENV"}
	for _, tc := range []struct {
		name   string
		mutate func(*Config)
		want   string
	}{
		{"arguments first", func(c *Config) {
			c.AccessKey, c.SecretKey, c.EnvCredentials, c.SharedConfigFile = "AKARG", "SKARG", env, file
		}, "AKARG"},
		{"then the environment", func(c *Config) { c.EnvCredentials, c.SharedConfigFile = env, file }, "AKENV"},
		{"then the shared config file", func(c *Config) { c.SharedConfigFile = file }, "AKPROFILE"},
		{"a named SSO profile", func(c *Config) { c.SharedConfigFile, c.Profile = file, "sso" }, "AKSSO"},
		{"an ecsAgency profile defers to the metadata", func(c *Config) { c.SharedConfigFile, c.Profile = file, "ecs" }, "AKMETA1"},
		{"then the metadata service", func(*Config) {}, "AKMETA1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fc := newFakeCloud(t)
			c := fc.client(t, tc.mutate)
			if err := c.Do(testCtx(t), testRequest(), nil); err != nil {
				t.Fatalf("Do: %v", err)
			}
			if got := fc.apiSigners(); len(got) != 1 || got[0] != tc.want {
				t.Errorf("signed by %v, want %s", got, tc.want)
			}
		})
	}
}

// With nothing anywhere, the error names every source in order and why it did not apply.
func TestCredentialChainNothingFound(t *testing.T) {
	c := newTestClient(t, closedEndpoint, func(cfg *Config) {
		cfg.AccessKey, cfg.SecretKey, cfg.MetadataEndpoint = "", "", closedEndpoint
	})
	err := c.Do(testCtx(t), testRequest(), nil)
	if err == nil {
		t.Fatal("want an error")
	}
	msg := err.Error()
	for _, want := range []string{
		"no credentials",
		sourceArguments + ": access_key and secret_key are not set",
		sourceEnv + ": HW_ACCESS_KEY and HW_SECRET_KEY are not set",
		sourceProfile + ": shared_config_file and profile are not set",
		sourceMetadata + ": " + closedEndpoint + metadataTokenPath + " cannot be reached",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

// A source that applies but cannot deliver stops the chain with its reason; secrets are
// never quoted.
func TestCredentialChainSourceErrors(t *testing.T) {
	file := profileFile(t)
	for _, tc := range []struct {
		name   string
		mutate func(*Config)
		want   string
	}{
		{"half a pair in the environment", func(c *Config) { c.EnvCredentials = Credentials{AccessKey: "AKENV"} }, "HW_ACCESS_KEY is set but HW_SECRET_KEY is not"},
		{"a missing file", func(c *Config) { c.SharedConfigFile = filepath.Join(t.TempDir(), "none.json") }, "does not exist"},
		{"an unknown profile", func(c *Config) { c.SharedConfigFile, c.Profile = file, "prod" }, `has no profile "prod" (it has: dev, sso, ecs, agency, odd, empty, halfagency)`},
		{"an unsupported mode", func(c *Config) { c.SharedConfigFile, c.Profile = file, "odd" }, `mode "federated"; supported: AKSK, SSO, ecsAgency`},
		{"an agency without its domain", func(c *Config) { c.SharedConfigFile, c.Profile = file, "halfagency" }, "agencyName but no agencyDomainName"},
		{"a profile without keys", func(c *Config) { c.SharedConfigFile, c.Profile = file, "empty" }, `profile "empty"`},
		{"not JSON", func(c *Config) {
			c.SharedConfigFile = filepath.Join(t.TempDir(), "bad.json")
			_ = os.WriteFile(c.SharedConfigFile, []byte("ak = SECRETVALUE"), 0o600)
		}, "is not valid JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fc := newFakeCloud(t)
			err := fc.client(t, tc.mutate).Do(testCtx(t), testRequest(), nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "SECRETVALUE") || strings.Contains(err.Error(), "SKPROFILE") {
				t.Errorf("the error quotes a secret: %v", err)
			}
			if fc.count() != 0 {
				t.Errorf("%d requests sent, want 0", fc.count())
			}
		})
	}
}

// The profile gives region and project id to a provider that sets neither.
func TestLoadProfile(t *testing.T) {
	file := profileFile(t)
	p, err := LoadProfile(file, "")
	if err != nil || p.Region != "ap-southeast-1" || p.ProjectID != "pid-ap" {
		t.Errorf("LoadProfile(current) = %+v, %v", p, err)
	}
	if _, err := LoadProfile(file, "prod"); err == nil {
		t.Error("want an error for an unknown profile")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	if err := os.MkdirAll(filepath.Join(home, ".hcloud"), 0o700); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	if err := os.WriteFile(filepath.Join(home, ".hcloud", "config.json"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if p, err := LoadProfile("", "dev"); err != nil || p.Region != "ap-southeast-1" {
		t.Errorf("LoadProfile from %s = %+v, %v", DefaultSharedConfigFile, p, err)
	}
}

// The metadata credentials are fetched once for many concurrent calls, kept, and fetched
// again shortly before they expire.
func TestCredentialChainMetadataOnceAndRefreshed(t *testing.T) {
	fc := newFakeCloud(t)
	c := fc.client(t)
	ctx := testCtx(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Do(ctx, testRequest(), nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := fc.metadata.Load(); n != 1 {
		t.Fatalf("metadata fetched %d times for 8 concurrent calls, want 1", n)
	}
	fc.clock.advance(time.Hour - credentialsRefreshMargin - time.Second)
	if err := c.Do(ctx, testRequest(), nil); err != nil || fc.metadata.Load() != 1 {
		t.Fatalf("before the refresh margin: err %v, %d fetches, want 1", err, fc.metadata.Load())
	}
	fc.clock.advance(2 * time.Second)
	if err := c.Do(ctx, testRequest(), nil); err != nil || fc.metadata.Load() != 2 {
		t.Fatalf("within the refresh margin: err %v, %d fetches, want 2", err, fc.metadata.Load())
	}
	if got := fc.apiSigners(); got[len(got)-1] != "AKMETA2" {
		t.Errorf("last call signed by %s, want the renewed AKMETA2", got[len(got)-1])
	}
}

// Credentials the API refuses as expired (clock skew, early revocation) are renewed once
// and the request is sent again.
func TestCredentialChainRenewsAfterExpiredAnswer(t *testing.T) {
	fc := newFakeCloud(t)
	c := fc.client(t)
	ctx := testCtx(t)
	if err := c.Do(ctx, testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	fc.expireAK.Store("AKMETA1", true)
	if err := c.Do(ctx, testRequest(), nil); err != nil {
		t.Fatalf("Do after the API refused the credentials: %v", err)
	}
	if got := fc.apiSigners(); strings.Join(got, " ") != "AKMETA1 AKMETA1 AKMETA2" {
		t.Errorf("signers %v, want AKMETA1 AKMETA1 AKMETA2", got)
	}
	// Static credentials cannot be renewed: the refusal is the answer.
	fc2 := newFakeCloud(t)
	fc2.expireAK.Store(testAK, true)
	err := newTestClient(t, fc2.URL).Do(ctx, testRequest(), nil)
	if !expiredCredentials(err) || fc2.count() != 1 {
		t.Errorf("static credentials refused: err %v after %d requests, want the 401 after 1", err, fc2.count())
	}
	if !strings.Contains(err.Error(), "signed with the credentials from the "+sourceArguments) {
		t.Errorf("a 401 should say which source's credentials signed the request: %v", err)
	}
}

// assume_role exchanges the chain's credentials, signing the exchange with them, and every
// API call after it is signed with the agency's; the agency of a profile acts the same.
func TestCredentialChainAssumeRole(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(*Config)
		base   string
	}{
		{"assume_role over the arguments", func(c *Config) {
			c.AccessKey, c.SecretKey = "AKARG", "SKARG"
			c.AssumeRole = &AssumeRole{AgencyName: "ci", DomainName: "partner", Duration: 2 * time.Hour}
		}, "AKARG"},
		{"assume_role over the metadata", func(c *Config) {
			c.AssumeRole = &AssumeRole{AgencyName: "ci", DomainName: "partner", Duration: 2 * time.Hour}
		}, "AKMETA1"},
		{"the agency of a profile", func(c *Config) { c.SharedConfigFile, c.Profile = profileFile(t), "agency" }, "AKBASE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fc := newFakeCloud(t)
			c := fc.client(t, tc.mutate)
			for range 3 {
				if err := c.Do(testCtx(t), testRequest(), nil); err != nil {
					t.Fatal(err)
				}
			}
			if got := strings.Join(fc.apiSigners(), " "); got != tc.base+" AKAGENCY1 AKAGENCY1 AKAGENCY1" {
				t.Errorf("signers %s, want the exchange by %s then AKAGENCY1 thrice", got, tc.base)
			}
			var exchange recorded
			for _, r := range fc.requests() {
				if r.Path == "/v3.0/OS-CREDENTIAL/securitytokens" {
					exchange = r
				}
			}
			var body map[string]any
			_ = json.Unmarshal(exchange.Body, &body)
			role, _ := body["auth"].(map[string]any)["identity"].(map[string]any)["assume_role"].(map[string]any)
			wantDuration := float64(7200)
			if tc.base == "AKBASE" {
				wantDuration = DefaultAssumeRoleDuration.Seconds()
			}
			if role["agency_name"] != "ci" || role["domain_name"] != "partner" || role["duration_seconds"] != wantDuration {
				t.Errorf("assume_role body: %v", role)
			}
			if got := exchange.Header.Get("X-Security-Token"); got != "" && tc.base != "AKMETA1" {
				t.Errorf("the exchange carried a security token %q", got)
			}
		})
	}
}

// An agency answer that is unusable is reported without quoting the body, which may carry
// secrets.
func TestCredentialChainAssumeRoleMalformedAnswer(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		writeJSON(w, 201, map[string]any{"credential": map[string]string{"access": "AKX", "secret": "LEAKEDSECRET"}})
	})
	c := newTestClient(t, ts.URL, func(cfg *Config) {
		cfg.MaxRetries = 0
		cfg.AssumeRole = &AssumeRole{AgencyName: "ci", DomainName: "partner"}
	})
	err := c.Do(testCtx(t), testRequest(), nil)
	if err == nil || !strings.Contains(err.Error(), "credential.securitytoken") || !strings.Contains(err.Error(), `agency "ci"`) {
		t.Fatalf("err = %v, want a malformed-answer error naming the missing field and the agency", err)
	}
	if strings.Contains(err.Error(), "LEAKEDSECRET") {
		t.Errorf("the error quotes the secret: %v", err)
	}
}

func TestCredentialsStringRedacts(t *testing.T) {
	c := Credentials{AccessKey: "AKVISIBLE", SecretKey: "SKVISIBLE", SecurityToken: "TOKVISIBLE", Expires: time.Unix(1_700_000_000, 0)}
	for _, s := range []string{c.String(), fmt.Sprintf("%v %+v %#v %s", c, c, c, c)} {
		if strings.Contains(s, "VISIBLE") {
			t.Errorf("formatted credentials show a secret: %s", s)
		}
	}
}

// The metadata service is asked in token mode when it offers it, and without a token when
// it does not.
func TestMetadataTokenMode(t *testing.T) {
	for _, noToken := range []bool{false, true} {
		fc := newFakeCloud(t)
		fc.noToken = noToken
		if err := fc.client(t).Do(testCtx(t), testRequest(), nil); err != nil {
			t.Fatalf("noToken=%v: %v", noToken, err)
		}
		want := "session-token"
		if noToken {
			want = ""
		}
		for _, r := range fc.requests() {
			if r.Path == metadataSecurityKeyPath && r.Header.Get(metadataTokenHeader) != want {
				t.Errorf("noToken=%v: securitykey asked with token %q, want %q", noToken, r.Header.Get(metadataTokenHeader), want)
			}
		}
	}
}

// A metadata service that refuses (no agency attached) stops the chain with its reason.
func TestMetadataRefusal(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == metadataTokenPath {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, "Please configure Cloud Service Agency first")
	})
	c := newTestClient(t, ts.URL, func(cfg *Config) { cfg.AccessKey, cfg.SecretKey, cfg.MetadataEndpoint = "", "", ts.URL })
	err := c.Do(testCtx(t), testRequest(), nil)
	if err == nil || !strings.Contains(err.Error(), "HTTP 404: Please configure Cloud Service Agency first") || !strings.Contains(err.Error(), sourceMetadata) {
		t.Fatalf("err = %v, want the metadata service's refusal", err)
	}
}
