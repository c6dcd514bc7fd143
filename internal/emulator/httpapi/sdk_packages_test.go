package httpapi

import (
	"errors"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

const sdkPackageURL = "https://demo-bucket.obs.cn-north-4.myhuaweicloud.com/jars/"

// §8.1-§8.8 (resource packages) through the SDK: upload into a new group and per kind,
// async status on the emulated clock, list with filters, show, owner changes, delete, and
// the upload-failure hook.
func TestSDKResourcePackages(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	up := must[*model.UploadJobResourcesResponse](t, "UploadJobResources")(c.UploadJobResources(&model.UploadJobResourcesRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UploadJobResourcesRequestBody{Paths: []string{sdkPackageURL + "etl.jar"}, Kind: "jar", Group: "sdk_group",
			IsAsync: ptr(true), Tags: &[]model.Tag{{Key: "team", Value: "data"}}}}))
	if up.HttpStatusCode != 201 || *up.GroupName != "sdk_group" || (*up.Resources)[0] != "etl.jar" ||
		*(*up.Details)[0].Status != store.PackageUploading || *up.Status != store.PackageUploading {
		t.Fatalf("upload: %+v", up)
	}
	show := func(name, group string) *model.ShowJobResourceResponse {
		return must[*model.ShowJobResourceResponse](t, "ShowJobResource")(c.ShowJobResource(&model.ShowJobResourceRequest{ResourceName: name, Group: ptr(group)})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	}
	s.emu.Advance(store.PackageUploadTime)
	if got := show("etl.jar", "sdk_group"); *got.Status != store.PackageReady || *got.ResourceType != "jar" || *got.Owner == "" {
		t.Fatalf("show after the upload time: %+v", got)
	}

	jar := must[*model.UploadJarJobResourcesResponse](t, "UploadJarJobResources")(c.UploadJarJobResources(&model.UploadJarJobResourcesRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UploadResourcesRequestBody{Paths: []string{sdkPackageURL + "udf.jar"}, Group: "sdk_group"}}))
	py := must[*model.UploadPythonFileJobResourcesResponse](t, "UploadPythonFileJobResources")(c.UploadPythonFileJobResources(&model.UploadPythonFileJobResourcesRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UploadResourcesRequestBody{Paths: []string{sdkPackageURL + "job.py"}, Group: "sdk_group"}}))
	file := must[*model.UploadFileJobResourcesResponse](t, "UploadFileJobResources")(c.UploadFileJobResources(&model.UploadFileJobResourcesRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UploadResourcesRequestBody{Paths: []string{sdkPackageURL + "conf.jar"}, Group: "other_group"}}))
	if len(*jar.Resources) != 1 || (*py.Details)[0].ResourceType != "pyFile" || (*file.Details)[0].ResourceType != "file" ||
		*(*file.Details)[0].Status != store.PackageReady {
		t.Fatalf("per-kind uploads: %+v %+v %+v", jar, py, file)
	}

	all := must[*model.ListJobResourcesResponse](t, "ListJobResources")(c.ListJobResources(&model.ListJobResourcesRequest{})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if *all.Total != 4 || len(*all.Groups) != 2 || *(*all.Groups)[0].GroupName != "other_group" || len(*(*all.Groups)[1].Details) != 3 {
		t.Fatalf("list: %+v", all)
	}
	jars := must[*model.ListJobResourcesResponse](t, "ListJobResources")(c.ListJobResources(&model.ListJobResourcesRequest{Kind: ptr("jar")}))         //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	tagged := must[*model.ListJobResourcesResponse](t, "ListJobResources")(c.ListJobResources(&model.ListJobResourcesRequest{Tags: ptr("team=data")})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	if *jars.Total != 2 || *tagged.Total != 1 {
		t.Fatalf("filtered lists: kind=jar %d, tags %d", *jars.Total, *tagged.Total)
	}

	owner := must[*model.UpdateJobResourceOwnerResponse](t, "UpdateJobResourceOwner")(c.UpdateJobResourceOwner(&model.UpdateJobResourceOwnerRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UpdateJobResourceOwnerRequestBody{NewOwner: "new_owner", GroupName: "sdk_group", ResourceName: ptr("etl.jar")}}))
	if !*owner.IsSuccess || *show("etl.jar", "sdk_group").Owner != "new_owner" {
		t.Fatalf("owner change: %+v", owner)
	}
	must[*model.UpdateJobResourceOwnerResponse](t, "UpdateJobResourceOwner")(c.UpdateJobResourceOwner(&model.UpdateJobResourceOwnerRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UpdateJobResourceOwnerRequestBody{NewOwner: "group_owner", GroupName: "sdk_group"}}))
	_, err := c.UpdateJobResourceOwner(&model.UpdateJobResourceOwnerRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UpdateJobResourceOwnerRequestBody{NewOwner: "1bad", GroupName: "sdk_group"}})
	wantSDKError(t, err, "DLI.0001")

	must[*model.DeleteJobResourceResponse](t, "DeleteJobResource")(c.DeleteJobResource(&model.DeleteJobResourceRequest{ResourceName: "etl.jar", Group: ptr("sdk_group")})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	_, err = c.ShowJobResource(&model.ShowJobResourceRequest{ResourceName: "etl.jar", Group: ptr("sdk_group")})                                                            //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	wantPackageNotFound(t, err)
	_, err = c.DeleteJobResource(&model.DeleteJobResourceRequest{ResourceName: "etl.jar", Group: ptr("sdk_group")}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	wantPackageNotFound(t, err)

	// The failure hook: a synchronous upload is refused with the reason, an async one ends FAILED.
	bad := sdkPackageURL + "missing.jar"
	if err := s.emu.FailPackageUploads("", bad, "the OBS object does not exist"); err != nil {
		t.Fatal(err)
	}
	_, err = c.UploadJobResources(&model.UploadJobResourcesRequest{Body: &model.UploadJobResourcesRequestBody{Paths: []string{bad}, Kind: "jar", Group: "sdk_group"}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	wantSDKError(t, err, "DLI.0001")
	must[*model.UploadJobResourcesResponse](t, "UploadJobResources")(c.UploadJobResources(&model.UploadJobResourcesRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
		Body: &model.UploadJobResourcesRequestBody{Paths: []string{bad}, Kind: "jar", Group: "sdk_group", IsAsync: ptr(true)}}))
	s.emu.Advance(store.PackageUploadTime)
	if got := show("missing.jar", "sdk_group"); *got.Status != store.PackageFailed {
		t.Fatalf("async upload of a failing path: %+v", got)
	}

	// Malformed input.
	_, err = c.UploadJobResources(&model.UploadJobResourcesRequest{Body: &model.UploadJobResourcesRequestBody{Paths: []string{"https://example.com/x.jar"}, Kind: "jar", Group: "g"}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	wantSDKError(t, err, "DLI.0001")
	_, err = c.UploadJobResources(&model.UploadJobResourcesRequest{Body: &model.UploadJobResourcesRequestBody{Paths: []string{sdkPackageURL + "x.jar"}, Kind: "egg", Group: "g"}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
	wantSDKError(t, err, "DLI.0001")
}

// wantPackageNotFound requires §8.7's 404 with DLI.0002.
func wantPackageNotFound(t *testing.T, err error) {
	t.Helper()
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) || se.StatusCode != 404 || se.ErrorCode != "DLI.0002" {
		t.Fatalf("want 404 DLI.0002, got %v", err)
	}
}
