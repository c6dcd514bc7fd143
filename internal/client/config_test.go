package client

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestConfigEndpoint(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		svc  Service
		want string
	}{
		{"dli default", Config{Region: "cn-north-4"}, ServiceDLI, "https://dli.cn-north-4.myhuaweicloud.com"},
		{"dataarts default", Config{Region: "cn-north-4"}, ServiceDataArts, "https://dayu.cn-north-4.myhuaweicloud.com"},
		{"iam default", Config{Region: "cn-north-4"}, ServiceIAM, "https://iam.cn-north-4.myhuaweicloud.com"},
		{"other region", Config{Region: "ap-southeast-1"}, ServiceDLI, "https://dli.ap-southeast-1.myhuaweicloud.com"},
		{"custom cloud", Config{Region: "eu-west-101", Cloud: "myhuaweicloud.eu"}, ServiceDataArts, "https://dayu.eu-west-101.myhuaweicloud.eu"},
		{"override", Config{Region: "cn-north-4", Endpoints: map[Service]string{ServiceDLI: "https://dli.example.com:8443"}}, ServiceDLI, "https://dli.example.com:8443"},
		{"override trailing slash", Config{Region: "cn-north-4", Endpoints: map[Service]string{ServiceDLI: "http://127.0.0.1:9999/"}}, ServiceDLI, "http://127.0.0.1:9999"},
		{"override trailing slashes", Config{Region: "cn-north-4", Endpoints: map[Service]string{ServiceIAM: "https://iam.example.com//"}}, ServiceIAM, "https://iam.example.com"},
		{"override of another service only", Config{Region: "cn-north-4", Endpoints: map[Service]string{ServiceDLI: "https://x"}}, ServiceIAM, "https://iam.cn-north-4.myhuaweicloud.com"},
		{"empty override", Config{Region: "cn-north-4", Endpoints: map[Service]string{ServiceDLI: ""}}, ServiceDLI, "https://dli.cn-north-4.myhuaweicloud.com"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.cfg.Endpoint(tc.svc); got != tc.want {
				t.Errorf("Endpoint(%s) = %q, want %q", tc.svc, got, tc.want)
			}
		})
	}
}

func TestNewRejectsNonHTTPEndpoint(t *testing.T) {
	for _, ep := range []string{"ftp://dli.example.com", "dli.example.com", "http://", "://bad", "file:///etc/passwd"} {
		_, err := New(Config{Region: "cn-north-4", Endpoints: map[Service]string{ServiceDLI: ep}})
		if err == nil {
			t.Errorf("New accepted endpoint %q", ep)
			continue
		}
		if !strings.Contains(err.Error(), "http(s)") || !strings.Contains(err.Error(), "dli") {
			t.Errorf("endpoint %q: error %q should name the service and say http(s)", ep, err)
		}
	}
	for _, ep := range []string{"http://127.0.0.1:8080", "https://dli.example.com/", ""} {
		if _, err := New(Config{Region: "cn-north-4", Endpoints: map[Service]string{ServiceDLI: ep}}); err != nil {
			t.Errorf("New rejected endpoint %q: %v", ep, err)
		}
	}
}

func TestNewAppliesDefaults(t *testing.T) {
	c, err := New(Config{Region: "cn-north-4", MaxRetries: -3})
	if err != nil {
		t.Fatal(err)
	}
	if c.cfg.MaxRetries != 0 {
		t.Errorf("MaxRetries = %d, want 0", c.cfg.MaxRetries)
	}
	if st, ad := c.limiter.stats(), c.adaptiveFor(ServiceDLI).stats(); st.Rate != 0 || ad.Rate != 0 || ad.Limiting {
		t.Errorf("limiter = %+v, adaptive %+v; want no limit by default (adaptive control starts unlimited)", st, ad)
	}
	checks := []struct {
		name      string
		got, want time.Duration
	}{
		{"RetryBaseDelay", c.cfg.RetryBaseDelay, DefaultRetryBaseDelay},
		{"RetryMaxDelay", c.cfg.RetryMaxDelay, DefaultRetryMaxDelay},
		{"PollMinDelay", c.cfg.PollMinDelay, DefaultPollMinDelay},
		{"PollMaxDelay", c.cfg.PollMaxDelay, DefaultPollMaxDelay},
		{"ListCacheTTL", c.cfg.ListCacheTTL, DefaultListCacheTTL},
		{"cache ttl", c.queues.ttl, DefaultListCacheTTL},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
		}
	}
	if c.http == nil || c.http.Timeout <= 0 {
		t.Errorf("default HTTP client should have a timeout")
	}

	// Explicit knobs are kept.
	hc := &http.Client{}
	c, err = New(Config{RateLimit: 0.5, RetryBaseDelay: time.Millisecond, ListCacheTTL: time.Second, HTTPClient: hc, MaxRetries: 4})
	if err != nil {
		t.Fatal(err)
	}
	if st := c.limiter.stats(); st.Rate != 0.5 || c.limiter.capacityLocked() != 1 {
		t.Errorf("fractional hard cap: limiter = %+v, capacity %v; want 0.5/s with a burst of 1", st, c.limiter.capacityLocked())
	}
	if c.cfg.RetryBaseDelay != time.Millisecond || c.queues.ttl != time.Second || c.http != hc || c.cfg.MaxRetries != 4 {
		t.Errorf("explicit settings were not kept: %+v", c.cfg)
	}
}

func TestFromProviderData(t *testing.T) {
	if c, err := FromProviderData(nil); c != nil || err != nil {
		t.Errorf("nil provider data = %v, %v; want nil, nil (provider not configured yet)", c, err)
	}
	want := &Client{}
	if c, err := FromProviderData(want); c != want || err != nil {
		t.Errorf("FromProviderData(client) = %v, %v", c, err)
	}
	if _, err := FromProviderData("oops"); err == nil || !strings.Contains(err.Error(), "got string") {
		t.Errorf("wrong type: err = %v, want one naming the type", err)
	}
}
