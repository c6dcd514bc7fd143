package httpapi

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// Grants on a package group and on a package of it (§5.3 objects groups.<g> and
// resources.<g>/<p>) through the SDK: listed by §5.7, refused for a package that does not
// exist, and gone with the package (and the group with its last package).
func TestSDKPackagePrivileges(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.UploadJobResourcesResponse](t, "UploadJobResources")(c.UploadJobResources(&model.UploadJobResourcesRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UploadJobResourcesRequestBody{Paths: []string{sdkPackageURL + "etl.jar"}, Kind: "jar", Group: "perm_group"}}))
	grant := func(object string) error {
		_, err := c.RunAuthorizationAction(&model.RunAuthorizationActionRequest{Body: &model.RunAuthorizationActionRequestBody{
			UserName: ptr("analyst"), Action: model.GetRunAuthorizationActionRequestBodyActionEnum().GRANT,
			Privileges: []model.Privilege{{Object: object, Privileges: []string{"USE_GROUP"}}}}})
		return err
	}
	for _, object := range []string{"groups.perm_group", "resources.perm_group/etl.jar"} {
		if err := grant(object); err != nil {
			t.Fatalf("grant on %s: %v", object, err)
		}
		auth := must[*model.ListAuthorizationPrivilegesResponse](t, "ListAuthorizationPrivileges")(c.ListAuthorizationPrivileges(
			&model.ListAuthorizationPrivilegesRequest{Object: object}))
		found := false
		for _, p := range *auth.Privileges {
			found = found || *p.UserName == "analyst"
		}
		if !found {
			t.Errorf("%s: analyst not among the users: %+v", object, auth)
		}
	}
	wantSDKError(t, grant("resources.perm_group/missing.jar"), "DLI.0002")
	wantSDKError(t, grant("groups.no_such_group"), "DLI.0002")

	must[*model.DeleteJobResourceResponse](t, "DeleteJobResource")(c.DeleteJobResource(&model.DeleteJobResourceRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		ResourceName: "etl.jar", Group: ptr("perm_group")}))
	for _, g := range s.emu.Inventory().Projects[DemoProjectID].Privileges {
		if g.Object == "groups.perm_group" || g.Object == "resources.perm_group/etl.jar" {
			t.Errorf("grant survived its package: %+v", g)
		}
	}
}
