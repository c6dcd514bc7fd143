package client

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Service names an API family with its own endpoint.
type Service string

// The services the provider talks to.
const (
	ServiceDLI      Service = "dli"
	ServiceDataArts Service = "dataarts"
	ServiceIAM      Service = "iam"
)

// hostPrefix is the first label of each service's default host name.
var hostPrefix = map[Service]string{
	ServiceDLI:      "dli",
	ServiceDataArts: "dayu",
	ServiceIAM:      "iam",
}

// DefaultCloud is the domain suffix of Huawei Cloud's public endpoints.
const DefaultCloud = "myhuaweicloud.com"

// Config holds everything the client needs. Building a client from it makes no network call.
type Config struct {
	Region        string
	ProjectID     string // empty: looked up once from IAM by Region, on first use
	AccessKey     string // the provider arguments; the first link of the credentials chain
	SecretKey     string
	SecurityToken string
	Cloud         string             // empty: DefaultCloud
	Endpoints     map[Service]string // per-service override of the default URL
	MaxRetries    int                // retries after the first attempt
	Insecure      bool               // skip TLS verification
	RateLimit     float64            // optional hard cap in requests per second; <= 0: none
	UserAgent     string

	// Defaults for DataArts Studio calls, overridable per data source.
	DataArtsInstanceID  string
	DataArtsWorkspaceID string

	// Timing knobs; zero values mean the production defaults. Tests shorten them.
	RetryBaseDelay time.Duration
	RetryMaxDelay  time.Duration
	PollMinDelay   time.Duration
	PollMaxDelay   time.Duration
	ListCacheTTL   time.Duration

	// ConsistencyWindow is how long after this provider created or changed an object a
	// not-found for it means "not visible yet" (polled with backoff) rather than "gone".
	// 0: DefaultConsistencyWindow; negative: no window.
	ConsistencyWindow time.Duration

	HTTPClient *http.Client // optional; default: a client with sane timeouts

	// The rest of the credentials chain (credentials.go), tried in this order when
	// AccessKey and SecretKey are empty; AssumeRole then exchanges what was found.
	EnvCredentials   Credentials // HW_ACCESS_KEY, HW_SECRET_KEY, HW_SECURITY_TOKEN
	SharedConfigFile string      // "" with Profile set: DefaultSharedConfigFile
	Profile          string      // "" with SharedConfigFile set: the file's current profile
	MetadataEndpoint string      // "": DefaultMetadataEndpoint
	AssumeRole       *AssumeRole
}

// Production defaults for the timing knobs.
const (
	DefaultRetryBaseDelay = 500 * time.Millisecond
	DefaultRetryMaxDelay  = 30 * time.Second
	DefaultPollMinDelay   = 250 * time.Millisecond
	DefaultPollMaxDelay   = 10 * time.Second
	DefaultListCacheTTL   = 30 * time.Second

	DefaultConsistencyWindow = 60 * time.Second
)

// Endpoint returns the base URL of a service: the override if one is set, else
// https://{prefix}.{region}.{cloud}.
func (c Config) Endpoint(s Service) string {
	if u := strings.TrimRight(c.Endpoints[s], "/"); u != "" {
		return u
	}
	cloud := c.Cloud
	if cloud == "" {
		cloud = DefaultCloud
	}
	return fmt.Sprintf("https://%s.%s.%s", hostPrefix[s], c.Region, cloud)
}

func (c Config) withDefaults() Config {
	if c.RateLimit < 0 {
		c.RateLimit = 0
	}
	if c.MaxRetries < 0 {
		c.MaxRetries = 0
	}
	c.RetryBaseDelay = orDefault(c.RetryBaseDelay, DefaultRetryBaseDelay)
	c.RetryMaxDelay = orDefault(c.RetryMaxDelay, DefaultRetryMaxDelay)
	c.PollMinDelay = orDefault(c.PollMinDelay, DefaultPollMinDelay)
	c.PollMaxDelay = orDefault(c.PollMaxDelay, DefaultPollMaxDelay)
	c.ListCacheTTL = orDefault(c.ListCacheTTL, DefaultListCacheTTL)
	switch {
	case c.ConsistencyWindow == 0:
		c.ConsistencyWindow = DefaultConsistencyWindow
	case c.ConsistencyWindow < 0:
		c.ConsistencyWindow = 0
	}
	return c
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
