package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var authRE = regexp.MustCompile(`^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$`)

// verifySignature recomputes the APIG SDK-HMAC-SHA256 signature from what the server
// received, independently of the SDK, and reports a mismatch.
func verifySignature(r recorded, host, sk string) error {
	m := authRE.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return fmt.Errorf("malformed Authorization %q", r.Header.Get("Authorization"))
	}
	signedHeaders := strings.Split(m[2], ";")
	var canonHeaders []string
	for _, h := range signedHeaders {
		v := r.Header.Get(h)
		if h == "host" {
			v = host
		}
		canonHeaders = append(canonHeaders, h+":"+strings.TrimSpace(v))
	}
	uri := r.Path
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	q, err := url.ParseQuery(r.Query)
	if err != nil {
		return err
	}
	var keys []string
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var qs []string
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			qs = append(qs, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	bodyHash := sha256.Sum256(r.Body)
	canonical := strings.Join([]string{
		r.Method, uri, strings.Join(qs, "&"), strings.Join(canonHeaders, "\n") + "\n",
		m[2], hex.EncodeToString(bodyHash[:]),
	}, "\n")
	crHash := sha256.Sum256([]byte(canonical))
	sts := "SDK-HMAC-SHA256\n" + r.Header.Get("X-Sdk-Date") + "\n" + hex.EncodeToString(crHash[:])
	mac := hmac.New(sha256.New, []byte(sk))
	mac.Write([]byte(sts))
	if want := hex.EncodeToString(mac.Sum(nil)); want != m[3] {
		return fmt.Errorf("signature %s does not verify (want %s) for canonical request:\n%s", m[3], want, canonical)
	}
	return nil
}

func TestDoSignsEveryRequest(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 { // make the client retry, to see the retry signed too
			writeDLIError(w, 503, "X", "down")
			return
		}
		writeJSON(w, 200, map[string]any{"is_success": true})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.UserAgent = "terraform-provider-huaweidata/test" })
	ctx := testCtx(t)
	if err := c.Do(ctx, testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "PostOp", Method: http.MethodPost,
		Path:   "/v1.0/{project_id}/queues/{project_id}/x",
		Query:  url.Values{"limit": {"100"}, "offset": {"0"}, "tags": {"b", "a"}},
		Body:   map[string]any{"queue_name": "q1", "cu_count": 16},
		Header: map[string]string{"Workspace": "ws-1"},
	}, nil); err != nil {
		t.Fatal(err)
	}
	reqs := ts.requests()
	if len(reqs) != 3 {
		t.Fatalf("requests = %d, want 3", len(reqs))
	}
	host := strings.TrimPrefix(ts.URL, "http://")
	for i, r := range reqs {
		auth := r.Header.Get("Authorization")
		if !strings.HasPrefix(auth, "SDK-HMAC-SHA256 Access="+testAK+", SignedHeaders=") {
			t.Errorf("request %d: Authorization = %q", i, auth)
		}
		if _, err := time.Parse("20060102T150405Z", r.Header.Get("X-Sdk-Date")); err != nil {
			t.Errorf("request %d: X-Sdk-Date %q: %v", i, r.Header.Get("X-Sdk-Date"), err)
		}
		if r.Header.Get("X-Security-Token") != "" {
			t.Errorf("request %d: X-Security-Token sent without a token configured", i)
		}
		if got := r.Header.Get("User-Agent"); got != "terraform-provider-huaweidata/test" {
			t.Errorf("request %d: User-Agent = %q", i, got)
		}
		if strings.Contains(r.Path, "{") {
			t.Errorf("request %d: unsubstituted path %q", i, r.Path)
		}
		if err := verifySignature(r, host, testSK); err != nil {
			t.Errorf("request %d: %v", i, err)
		}
	}
	if reqs[0].Path != "/v1.0/"+testProjectID+"/things" {
		t.Errorf("path = %q", reqs[0].Path)
	}
	post := reqs[2]
	if post.Path != "/v1.0/"+testProjectID+"/queues/"+testProjectID+"/x" {
		t.Errorf("every {project_id} should be substituted: %q", post.Path)
	}
	q, _ := url.ParseQuery(post.Query)
	if q.Get("limit") != "100" || q.Get("offset") != "0" || len(q["tags"]) != 2 {
		t.Errorf("query = %q", post.Query)
	}
	var body map[string]any
	if err := json.Unmarshal(post.Body, &body); err != nil || body["queue_name"] != "q1" || body["cu_count"] != float64(16) {
		t.Errorf("body = %s (%v)", post.Body, err)
	}
	if ct := post.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	if post.Header.Get("Workspace") != "ws-1" {
		t.Errorf("extra header not sent: %v", post.Header)
	}
}

func TestDoSendsSecurityToken(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{})
	})
	c := newTestClient(t, ts.URL, func(c *Config) { c.SecurityToken = "sts-token-abc" })
	if err := c.Do(testCtx(t), testRequest(), nil); err != nil {
		t.Fatal(err)
	}
	r := ts.requests()[0]
	if got := r.Header.Get("X-Security-Token"); got != "sts-token-abc" {
		t.Errorf("X-Security-Token = %q", got)
	}
	if !strings.Contains(r.Header.Get("Authorization"), "x-security-token") {
		t.Errorf("X-Security-Token should be signed: %q", r.Header.Get("Authorization"))
	}
	if err := verifySignature(r, strings.TrimPrefix(ts.URL, "http://"), testSK); err != nil {
		t.Error(err)
	}
}

func TestDoWithoutCredentialsSendsNothing(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{})
	})
	for _, tc := range []struct {
		name   string
		mutate func(*Config)
	}{
		{"no access key", func(c *Config) { c.AccessKey = "" }},
		{"no secret key", func(c *Config) { c.SecretKey = "" }},
		{"no project either", func(c *Config) { c.AccessKey = ""; c.ProjectID = "" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestClient(t, ts.URL, tc.mutate)
			err := c.Do(testCtx(t), testRequest(), nil)
			if err == nil || !strings.Contains(err.Error(), "HW_ACCESS_KEY") || !strings.Contains(err.Error(), "HW_SECRET_KEY") {
				t.Errorf("err = %v, want a message naming HW_ACCESS_KEY and HW_SECRET_KEY", err)
			}
		})
	}
	if got := ts.count(); got != 0 {
		t.Errorf("server saw %d requests, want 0", got)
	}
}
