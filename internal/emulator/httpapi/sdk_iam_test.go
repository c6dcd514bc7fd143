package httpapi

import (
	"testing"

	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"
)

// IAM project lookup by region, the call the SDK and our client use to find the project id.
func TestSDKKeystoneListProjects(t *testing.T) {
	s := newSDKEnv(t)
	resp := must[*iammodel.KeystoneListProjectsResponse](t, "KeystoneListProjects")(s.iam.KeystoneListProjects(&iammodel.KeystoneListProjectsRequest{Name: ptr(DemoRegion)}))
	if len(*resp.Projects) != 1 || (*resp.Projects)[0].Id != DemoProjectID || (*resp.Projects)[0].Name != DemoRegion {
		t.Fatalf("projects: %+v", resp)
	}
	resp = must[*iammodel.KeystoneListProjectsResponse](t, "KeystoneListProjects")(s.iam.KeystoneListProjects(&iammodel.KeystoneListProjectsRequest{Name: ptr("xx-none-1")}))
	if len(*resp.Projects) != 0 {
		t.Fatalf("unknown region: %+v", resp)
	}
}
