package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// DefaultMetadataEndpoint is the ECS/CCE metadata service, which hands the temporary
// credentials of the agency attached to the instance to processes on it.
const DefaultMetadataEndpoint = "http://169.254.169.254"

// metadataSecurityKeyPath is the metadata API that returns the temporary credentials.
const metadataSecurityKeyPath = "/openstack/latest/securitykey"

// metadataTimeout bounds the metadata call: off an ECS the address does not answer, and the
// chain should report that promptly rather than hang.
const metadataTimeout = 5 * time.Second

// securityKeyResponse is the metadata service's answer (and IAM's, for an agency).
type securityKeyResponse struct {
	Credential *temporaryCredential `json:"credential"`
}

// temporaryCredential is the credential object of the metadata service and of IAM.
type temporaryCredential struct {
	Access        string `json:"access"`
	Secret        string `json:"secret"`
	SecurityToken string `json:"securitytoken"`
	ExpiresAt     string `json:"expires_at"`
}

// credentials checks the object and converts it; its errors never quote the values.
func (t *temporaryCredential) credentials() (Credentials, error) {
	if t == nil {
		return Credentials{}, fmt.Errorf("the answer has no credential object")
	}
	if err := requireFields(field{"credential.access", t.Access != ""}, field{"credential.secret", t.Secret != ""},
		field{"credential.securitytoken", t.SecurityToken != ""}, field{"credential.expires_at", t.ExpiresAt != ""}); err != nil {
		return Credentials{}, err
	}
	expires, err := time.Parse(time.RFC3339Nano, t.ExpiresAt)
	if err != nil {
		return Credentials{}, fmt.Errorf("credential.expires_at %q is not an RFC 3339 time", t.ExpiresAt)
	}
	return Credentials{AccessKey: t.Access, SecretKey: t.Secret, SecurityToken: t.SecurityToken, Expires: expires}, nil
}

// metadataCredentials asks the metadata service for the instance's temporary credentials,
// in its token mode when it offers one (as the SDK's metadata accessor does): a session
// token first, then the credentials with it. A service that cannot be reached makes the
// source not applicable (not on an ECS/CCE node); a service that answers with an error or
// unusable credentials is an error.
func (c *Client) metadataCredentials(ctx context.Context) (Credentials, error) {
	base := strings.TrimRight(orText(c.cfg.MetadataEndpoint, DefaultMetadataEndpoint), "/")
	ctx, cancel := context.WithTimeout(ctx, metadataTimeout)
	defer cancel()
	token, err := c.metadataCall(ctx, http.MethodPut, base+metadataTokenPath, metadataTokenTTLHeader, metadataTokenTTL)
	switch {
	case err != nil:
		return Credentials{}, err
	case token.status == http.StatusOK:
	case token.status == http.StatusNotFound || token.status == http.StatusMethodNotAllowed || token.status == http.StatusServiceUnavailable:
		token.body = nil // no token mode
	default:
		return Credentials{}, token.failure()
	}
	key, err := c.metadataCall(ctx, http.MethodGet, base+metadataSecurityKeyPath, metadataTokenHeader, strings.TrimSpace(string(token.body)))
	if err != nil {
		return Credentials{}, err
	}
	if key.status != http.StatusOK {
		return Credentials{}, key.failure()
	}
	var out securityKeyResponse
	if err := json.Unmarshal(key.body, &out); err != nil {
		return Credentials{}, fmt.Errorf("GET %s: the answer is not the expected JSON", key.url)
	}
	creds, err := out.Credential.credentials()
	if err != nil {
		return Credentials{}, fmt.Errorf("GET %s: %w", key.url, err)
	}
	return creds, nil
}

// The metadata service's token mode.
const (
	metadataTokenPath      = "/meta-data/latest/api/token"
	metadataTokenHeader    = "X-Metadata-Token"
	metadataTokenTTLHeader = "X-Metadata-Token-Ttl-Seconds"
	metadataTokenTTL       = "21600" // 6 hours, the SDK's choice
)

// metadataAnswer is one answer of the metadata service.
type metadataAnswer struct {
	method, url string
	status      int
	body        []byte
}

// failure describes an error answer; error bodies carry no credentials, and a short
// excerpt says why (e.g. no agency attached).
func (a metadataAnswer) failure() error {
	return fmt.Errorf("%s %s: HTTP %d: %s (is an agency attached to the instance?)",
		a.method, a.url, a.status, truncate(strings.TrimSpace(string(a.body)), 200))
}

// metadataCall sends one request to the metadata service, with a header when its value is
// set; an unreachable service is not applicable.
func (c *Client) metadataCall(ctx context.Context, method, url, header, value string) (metadataAnswer, error) {
	a := metadataAnswer{method: method, url: url}
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return a, fmt.Errorf("building the metadata request: %w", err)
	}
	if value != "" {
		req.Header.Set(header, value)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return a, skip("%s cannot be reached (not an ECS/CCE node?): %v", url, err)
	}
	defer resp.Body.Close()
	if a.body, err = io.ReadAll(io.LimitReader(resp.Body, 1<<20)); err != nil {
		return a, fmt.Errorf("reading the answer of %s %s: %w", method, url, err)
	}
	a.status = resp.StatusCode
	return a, nil
}
