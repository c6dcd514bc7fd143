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

// metadataCredentials asks the metadata service for the instance's temporary credentials.
// A service that cannot be reached makes the source not applicable (not on an ECS/CCE
// node); a service that answers with an error or unusable credentials is an error.
func (c *Client) metadataCredentials(ctx context.Context) (Credentials, error) {
	url := strings.TrimRight(orText(c.cfg.MetadataEndpoint, DefaultMetadataEndpoint), "/") + metadataSecurityKeyPath
	ctx, cancel := context.WithTimeout(ctx, metadataTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Credentials{}, fmt.Errorf("building the metadata request: %w", err)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Credentials{}, skip("%s cannot be reached (not an ECS/CCE node?): %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Credentials{}, fmt.Errorf("reading the answer of %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		// Error bodies carry no credentials; a short excerpt says why (e.g. no agency).
		return Credentials{}, fmt.Errorf("GET %s: HTTP %d: %s (is an agency attached to the instance?)",
			url, resp.StatusCode, truncate(strings.TrimSpace(string(body)), 200))
	}
	var out securityKeyResponse
	if err := json.Unmarshal(body, &out); err != nil {
		return Credentials{}, fmt.Errorf("GET %s: the answer is not the expected JSON", url)
	}
	creds, err := out.Credential.credentials()
	if err != nil {
		return Credentials{}, fmt.Errorf("GET %s: %w", url, err)
	}
	return creds, nil
}
