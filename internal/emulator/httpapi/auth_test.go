package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
)

func TestSignatureVerification(t *testing.T) {
	env := newEnv(t, Options{})
	body := map[string]any{"queue_name": "q1", "cu_count": 16}
	sign := func(method, path string, query map[string]string, body any) *http.Request {
		return env.signedRequest(method, path, query, body, DemoAccessKey, DemoSecretKey)
	}
	signWithHeaders := func(headers map[string]string, mutate func(*http.Request)) *http.Request {
		b := request.NewHttpRequestBuilder().WithEndpoint(env.srv.URL).WithPath(testPrefix+"/queues").
			WithMethod("GET").AddHeaderParam("Content-Type", "application/json")
		for k, v := range headers {
			b.AddHeaderParam(k, v)
		}
		req := b.Build()
		extra, err := signer.Sign(req, DemoAccessKey, DemoSecretKey)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range extra {
			req.AddHeaderParam(k, v)
		}
		hr, err := req.ConvertRequest()
		if err != nil {
			t.Fatal(err)
		}
		if mutate != nil {
			mutate(hr)
		}
		return hr
	}
	replaceBody := func(hr *http.Request, s string) {
		hr.Body = io.NopCloser(strings.NewReader(s))
		hr.ContentLength = int64(len(s))
	}

	tests := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"signed POST passes", func() *http.Request { return sign("POST", testPrefix+"/queues", nil, body) }, 200},
		{"signed GET with query passes", func() *http.Request {
			return sign("GET", testPrefix+"/queues", map[string]string{"queue_type": "all", "tags": "k1=v1,k 2=v/2", "page-size": "10"}, nil)
		}, 200},
		{"security token accepted", func() *http.Request {
			return signWithHeaders(map[string]string{"X-Security-Token": "temporary-token"}, nil)
		}, 200},
		{"tampered body", func() *http.Request {
			hr := sign("POST", testPrefix+"/queues", nil, body)
			replaceBody(hr, `{"queue_name":"q2","cu_count":16}`)
			return hr
		}, 401},
		{"tampered path", func() *http.Request {
			hr := sign("GET", testPrefix+"/queues", nil, nil)
			hr.URL.Path = testPrefix + "/variables"
			return hr
		}, 401},
		{"tampered query", func() *http.Request {
			hr := sign("GET", testPrefix+"/queues", map[string]string{"queue_type": "sql"}, nil)
			hr.URL.RawQuery = "queue_type=all"
			return hr
		}, 401},
		{"tampered signed header", func() *http.Request {
			return signWithHeaders(map[string]string{"X-Project-Id": DemoProjectID}, func(hr *http.Request) {
				hr.Header.Set("X-Project-Id", "ffffffffffffffffffffffffffffffff")
			})
		}, 401},
		{"unsigned", func() *http.Request {
			hr, _ := http.NewRequest("GET", env.srv.URL+testPrefix+"/queues", nil)
			return hr
		}, 401},
		{"wrong secret key", func() *http.Request {
			return env.signedRequest("GET", testPrefix+"/queues", nil, nil, DemoAccessKey, "wrong-secret")
		}, 401},
		{"unknown access key", func() *http.Request {
			return env.signedRequest("GET", testPrefix+"/queues", nil, nil, "OTHERACCESSKEY", DemoSecretKey)
		}, 401},
		{"skewed date", func() *http.Request {
			old := time.Now().Add(-20 * time.Minute).UTC().Format("20060102T150405Z")
			return signWithHeaders(map[string]string{"X-Sdk-Date": old}, nil)
		}, 401},
		{"missing date", func() *http.Request {
			return signWithHeaders(nil, func(hr *http.Request) { hr.Header.Del("X-Sdk-Date") })
		}, 401},
		{"malformed date", func() *http.Request {
			return signWithHeaders(nil, func(hr *http.Request) { hr.Header.Set("X-Sdk-Date", "2024-01-01T00:00:00Z") })
		}, 401},
		{"malformed authorization", func() *http.Request {
			return signWithHeaders(nil, func(hr *http.Request) { hr.Header.Set("Authorization", "SDK-HMAC-SHA256 Access=x") })
		}, 401},
	}
	reqID := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, data, hdr := env.send(tc.req())
			if status != tc.want {
				t.Fatalf("status %d, want %d: %s", status, tc.want, data)
			}
			if !reqID.MatchString(hdr.Get("X-Request-Id")) {
				t.Errorf("X-Request-Id %q", hdr.Get("X-Request-Id"))
			}
			if !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
				t.Errorf("Content-Type %q", hdr.Get("Content-Type"))
			}
			if tc.want == 401 {
				var e apiError
				if err := json.Unmarshal(data, &e); err != nil || e.Code != "APIGW.0301" ||
					!strings.HasPrefix(e.Msg, "Incorrect IAM authentication information: ") || e.RequestID != hdr.Get("X-Request-Id") {
					t.Errorf("auth error body %s", data)
				}
			}
		})
	}
}

func TestUnknownProjectAndRoute(t *testing.T) {
	env := newEnv(t, Options{})
	env.wantError("GET", "/v1.0/ffffffffffffffffffffffffffffffff/queues", nil, nil, 401, "DLI.0013")
	env.wantError("GET", testPrefix+"/no-such-thing", nil, nil, 404, "APIGW.0101")
	env.wantError("PATCH", testPrefix+"/queues", nil, nil, 404, "APIGW.0101")
}

func TestProjectIsolation(t *testing.T) {
	other := "11111111111111111111111111111111"
	env := newEnv(t, Options{Projects: map[string]string{DemoRegion: DemoProjectID, "cn-east-3": other}})
	env.createQueue("shared_name", 16, "sql")
	env.must("POST", "/v1.0/"+other+"/queues", nil, map[string]any{"queue_name": "shared_name", "cu_count": 64}, nil)
	env.wantError("GET", "/v1.0/"+other+"/queues/absent", nil, nil, 400, "DLI.0002")
	var got struct {
		CuSpec int `json:"cu_spec"`
	}
	env.must("GET", "/v1.0/"+other+"/queues/shared_name", nil, nil, &got)
	if got.CuSpec != 64 {
		t.Fatalf("project %s sees cu_spec %d", other, got.CuSpec)
	}
}

func TestKeystoneListProjects(t *testing.T) {
	env := newEnv(t, Options{})
	var resp struct {
		Projects []iamProject `json:"projects"`
		Links    map[string]any
	}
	env.must("GET", "/v3/projects", map[string]string{"name": DemoRegion}, nil, &resp)
	if len(resp.Projects) != 1 || resp.Projects[0].ID != DemoProjectID || resp.Projects[0].Name != DemoRegion || !resp.Projects[0].Enabled {
		t.Fatalf("projects %+v", resp.Projects)
	}
	if resp.Links["self"] == nil {
		t.Fatalf("links %+v", resp.Links)
	}
	env.must("GET", "/v3/projects", map[string]string{"name": "xx-unknown-1"}, nil, &resp)
	if len(resp.Projects) != 0 {
		t.Fatalf("unknown region: %+v", resp.Projects)
	}
}
