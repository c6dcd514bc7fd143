package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Datasource authentications (dli-sdk-extras.md section 3), on the v3 paths: the SDK
// marks the v2.0 generation (CreateAuthInfo, ...) deprecated in favour of these, with
// identical models.
// Request bodies carry secrets: they are never logged (Do logs operation, path and status
// only) and no error built here quotes a body.

const (
	authInfosPath    = "/v3/{project_id}/datasource/auth-infos"
	authInfoPageSize = 100
	kindAuthInfo     = "datasource authentication"
)

// AuthInfo is one listed datasource authentication. DLI never returns its secrets.
type AuthInfo struct {
	model.AuthInfo
	// Username is the user name under the key the incumbent provider reads; the SDK's
	// user_name wins when both are present.
	Username *string `json:"username,omitempty"`
}

// User returns the login user name, under either key.
func (a *AuthInfo) User() string {
	if u := ptr.Deref(a.UserName); u != "" {
		return u
	}
	return ptr.Deref(a.Username)
}

type listAuthInfoResponse struct {
	IsSuccess *flexBool   `json:"is_success"`
	Count     *int32      `json:"count"`
	AuthInfos *[]AuthInfo `json:"auth_infos"`
}

func (r *listAuthInfoResponse) validate() error {
	if err := requireFields(field{"auth_infos", r.AuthInfos != nil}); err != nil {
		return err
	}
	for i, a := range *r.AuthInfos {
		if ptr.Deref(a.AuthInfoName) == "" || ptr.Deref(a.DatasourceType) == "" {
			return fmt.Errorf("auth_infos[%d] lacks auth_info_name or datasource_type", i)
		}
	}
	return nil
}

// ListAuthInfos returns every datasource authentication of the project, paging through the
// list. Callers in the same run share one listing (see listCache).
func (c *Client) ListAuthInfos(ctx context.Context) ([]AuthInfo, error) {
	return c.authInfos.get(ctx, "", c.listAuthInfos)
}

func (c *Client) listAuthInfos(ctx context.Context) ([]AuthInfo, error) {
	return listAll(ctx, pager[AuthInfo]{
		operation: "ListJobAuthInfos", path: authInfosPath, pageSize: authInfoPageSize,
		key: func(a AuthInfo) string { return ptr.Deref(a.AuthInfoName) },
		fetch: func(ctx context.Context, _, offset int) (listPage[AuthInfo], error) {
			var out listAuthInfoResponse
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListJobAuthInfos", Method: http.MethodGet, Path: authInfosPath,
				Query: url.Values{"limit": {strconv.Itoa(authInfoPageSize)}, "offset": {strconv.Itoa(offset)}},
			}, &out)
			return listPage[AuthInfo]{items: ptr.Deref(out.AuthInfos), total: totalOf(out.Count)}, err
		},
	})
}

// GetAuthInfo finds one datasource authentication by name in the (cached) list.
func (c *Client) GetAuthInfo(ctx context.Context, name string) (*AuthInfo, error) {
	return findListed(ctx, c.ListAuthInfos, c.invalidateAuthInfos, authInfoNamed(name),
		c.recentlyWritten(kindAuthInfo, name), &NotFoundError{Kind: kindAuthInfo, Name: name})
}

// LookupAuthInfo reads one datasource authentication with a list filtered by its name
// (one call, never cached): for reads right after a write, where a shared listing would
// be fetched afresh for every object written.
func (c *Client) LookupAuthInfo(ctx context.Context, name string) (*AuthInfo, error) {
	var out listAuthInfoResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ListJobAuthInfos", Method: http.MethodGet, Path: authInfosPath,
		Query: url.Values{"auth_info_name": {name}, "limit": {strconv.Itoa(authInfoPageSize)}},
	}, &out)
	if err != nil {
		return nil, err
	}
	// The filter may match loosely (its semantics are unstated): keep the exact name.
	return pick(ptr.Deref(out.AuthInfos), nil, authInfoNamed(name), &NotFoundError{Kind: kindAuthInfo, Name: name})
}

func authInfoNamed(name string) func(AuthInfo) bool {
	return func(a AuthInfo) bool { return ptr.Deref(a.AuthInfoName) == name }
}

// CreateAuthInfo creates a datasource authentication (CreateJobAuthInfo). If an attempt's
// outcome is unknown, it looks the name up to see whether the authentication exists before
// sending the create again, and adopts one of that name and type when the create sent
// again is answered "already exists" (its secrets cannot be compared: DLI hides them).
func (c *Client) CreateAuthInfo(ctx context.Context, body *model.CreateAuthInfoRequestBody) error {
	defer c.invalidateAuthInfos()
	c.noteWrite(kindAuthInfo, body.AuthInfoName)
	lookup := func(ctx context.Context) error {
		a, err := c.LookupAuthInfo(ctx, body.AuthInfoName)
		if err != nil {
			return err
		}
		if got := ptr.Deref(a.DatasourceType); got != body.DatasourceType {
			return &ExistsMismatchError{Kind: kindAuthInfo, Name: body.AuthInfoName,
				Detail: fmt.Sprintf("datasource_type %s, requested %s", got, body.DatasourceType)}
		}
		return nil
	}
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateJobAuthInfo", Method: http.MethodPost, Path: authInfosPath, Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &ack{})
}

// UpdateAuthInfo changes the fields set in body (a partial merge; the name selects the
// authentication). Sending the same values again is harmless, so a retry is safe.
func (c *Client) UpdateAuthInfo(ctx context.Context, body *model.UpdateAuthInfoRequestBody) error {
	defer c.invalidateAuthInfos()
	c.noteWrite(kindAuthInfo, body.AuthInfoName)
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateJobAuthInfo", Method: http.MethodPut, Path: authInfosPath, Body: body,
	}, &ack{})
}

// DeleteAuthInfo deletes a datasource authentication. One that is already gone is not an error.
func (c *Client) DeleteAuthInfo(ctx context.Context, name string) error {
	defer c.invalidateAuthInfos()
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteJobAuthInfo", Method: http.MethodDelete,
		Path: authInfosPath + "/" + url.PathEscape(name),
	}, &ack{})
	if IsNotFound(err) {
		return nil
	}
	return err
}

// invalidateAuthInfos drops the shared listing after a write.
func (c *Client) invalidateAuthInfos() { c.authInfos.invalidate("") }
