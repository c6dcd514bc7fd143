package client

import (
	"context"
	"fmt"
	"net/http"
	"reflect"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer/algorithm"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
)

// signedRequest builds the HTTP request and signs it with the official SDK's AK/SK signer
// (SDK-HMAC-SHA256), adding X-Security-Token for temporary credentials. It is signed anew
// for every attempt so X-Sdk-Date stays fresh across retries.
func (c *Client) signedRequest(ctx context.Context, req Request, path string, body []byte, creds Credentials) (*http.Request, error) {
	builder := request.NewHttpRequestBuilder().
		WithEndpoint(c.cfg.Endpoint(req.Service)).
		WithPath(path).
		WithMethod(req.Method).
		WithSigningAlgorithm(algorithm.HmacSHA256) // empty: the signer refuses every request
	for k, vs := range req.Query {
		// The SDK sends and signs only reflect.Value query params (a plain string is silently
		// dropped); a slice becomes one param per value.
		builder.AddQueryParam(k, reflect.ValueOf(vs))
	}
	if body != nil {
		builder.AddHeaderParam("Content-Type", "application/json;charset=UTF-8").WithBody("", string(body))
	} else {
		builder.AddHeaderParam("Content-Type", "application/json")
	}
	for k, v := range req.Header {
		builder.AddHeaderParam(k, v)
	}
	if c.cfg.UserAgent != "" {
		builder.AddHeaderParam("User-Agent", c.cfg.UserAgent)
	}
	sdkReq := builder.Build()

	signer, err := auth.NewBasicCredentialsBuilder().
		WithAk(creds.AccessKey).
		WithSk(creds.SecretKey).
		WithSecurityToken(creds.SecurityToken).
		SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("building the signing credentials: %w", err)
	}
	signed, err := signer.ProcessAuthRequest(nil, sdkReq)
	if err != nil {
		return nil, err
	}
	httpReq, err := signed.ConvertRequest()
	if err != nil {
		return nil, err
	}
	return httpReq.WithContext(ctx), nil
}
