package client

import (
	"context"
	"net/http"

	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// assumeRole exchanges credentials for the temporary credentials of an agency (IAM
// CreateTemporaryAccessKeyByAgency, POST /v3.0/OS-CREDENTIAL/securitytokens), signing the
// exchange with the credentials given.
func (c *Client) assumeRole(ctx context.Context, with Credentials, role AssumeRole) (Credentials, error) {
	duration := role.Duration
	if duration <= 0 {
		duration = DefaultAssumeRoleDuration
	}
	body := iammodel.CreateTemporaryAccessKeyByAgencyRequestBody{Auth: &iammodel.AgencyAuth{
		Identity: &iammodel.AgencyAuthIdentity{
			Methods: []iammodel.AgencyAuthIdentityMethods{iammodel.GetAgencyAuthIdentityMethodsEnum().ASSUME_ROLE},
			AssumeRole: &iammodel.IdentityAssumerole{
				AgencyName:      role.AgencyName,
				DomainName:      ptr.Of(role.DomainName),
				DurationSeconds: ptr.Of(int32(duration.Seconds())),
			},
		},
	}}
	var out securityKeyResponse
	err := c.Do(ctx, Request{
		Service:        ServiceIAM,
		Operation:      "CreateTemporaryAccessKeyByAgency",
		Method:         http.MethodPost,
		Path:           "/v3.0/OS-CREDENTIAL/securitytokens",
		Body:           body,
		signWith:       &with,
		secretResponse: true,
	}, &out)
	if err != nil {
		return Credentials{}, err
	}
	return out.Credential.credentials()
}

func (r *securityKeyResponse) validate() error {
	_, err := r.Credential.credentials()
	return err
}
