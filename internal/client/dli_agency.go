package client

import (
	"context"
	"net/http"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// The DLI agency (dli-sdk-extras.md section 4) and OBS bucket authorisation (§9.1). Both
// writes are idempotent (the agency POST replaces the roles; authorising a bucket again
// changes nothing), so they are simply retried.

const agencyPath = "/v2/{project_id}/agency"

type showAgencyResponse struct {
	IsSuccess    *flexBool `json:"is_success"`
	Version      *string   `json:"version"`
	CurrentRoles *[]string `json:"current_roles"`
}

func (r *showAgencyResponse) validate() error {
	return requireFields(field{"current_roles", r.CurrentRoles != nil})
}

// Agency is the project's DLI agency.
type Agency struct {
	Version string
	Roles   []string // as DLI reports them
}

// ShowDliAgency reads the project's DLI agency (ShowDliAgency).
func (c *Client) ShowDliAgency(ctx context.Context) (*Agency, error) {
	var out showAgencyResponse
	if err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowDliAgency", Method: http.MethodGet, Path: agencyPath,
	}, &out); err != nil {
		return nil, err
	}
	v := ""
	if out.Version != nil {
		v = *out.Version
	}
	return &Agency{Version: v, Roles: *out.CurrentRoles}, nil
}

// SetDliAgencyRoles gives the project's DLI agency exactly these roles (CreateDliAgency);
// an empty list removes them all.
func (c *Client) SetDliAgencyRoles(ctx context.Context, roles []string) error {
	if roles == nil {
		roles = []string{}
	}
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateDliAgency", Method: http.MethodPost, Path: agencyPath,
		Body: &model.CreateDliAgencyRequestBody{Roles: roles},
	}, &ack{})
}

// AuthorizeOBSBuckets lets DLI use these OBS buckets for Flink checkpoints and job logs
// (RegisterBucket, §9.1). DLI has no API to revoke an authorisation.
func (c *Client) AuthorizeOBSBuckets(ctx context.Context, buckets []string) error {
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "RegisterBucket", Method: http.MethodPost, Path: "/v1.0/{project_id}/dli/obs-authorize",
		Body: &model.RegisterBucketRequestBody{ObsBuckets: buckets},
	}, &ack{})
}
