package httpapi

import (
	"bytes"
	"slices"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// Datasource authentications through the SDK (dli-sdk-extras.md section 3): both API
// generations share one store (the SDK marks the v2.0 one deprecated, SA1019, in favour
// of v3, which the provider uses; the emulator serves v2.0 for older clients), create answers 201, the update is a partial merge, and no
// read ever returns a secret.
func TestSDKDatasourceAuths(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateAuthInfoResponse](t, "CreateAuthInfo")(c.CreateAuthInfo(&model.CreateAuthInfoRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
		Body: &model.CreateAuthInfoRequestBody{AuthInfoName: "sdk_pw", DatasourceType: "passwd",
			UserName: ptr("admin"), Password: ptr("SECRET-pw-1")}}))
	must[*model.CreateJobAuthInfoResponse](t, "CreateJobAuthInfo")(c.CreateJobAuthInfo(&model.CreateJobAuthInfoRequest{
		Body: &model.CreateJobAuthInfoRequestBody{AuthInfoName: "sdk_kafka", DatasourceType: "Kafka_SSL",
			TruststoreLocation: ptr("obs://certs/truststore.jks"), TruststorePassword: ptr("SECRET-ts"),
			KeystoreLocation: ptr("obs://certs/keystore.jks"), KeystorePassword: ptr("SECRET-ks"), KeyPassword: ptr("SECRET-key")}}))
	must[*model.UpdateAuthInfoResponse](t, "UpdateAuthInfo")(c.UpdateAuthInfo(&model.UpdateAuthInfoRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
		Body: &model.UpdateAuthInfoRequestBody{AuthInfoName: "sdk_pw", UserName: ptr("reader"), Password: ptr("SECRET-pw-2")}}))
	must[*model.UpdateJobAuthInfoResponse](t, "UpdateJobAuthInfo")(c.UpdateJobAuthInfo(&model.UpdateJobAuthInfoRequest{
		Body: &model.UpdateJobAuthInfoRequestBody{AuthInfoName: "sdk_kafka", KeystoreLocation: ptr("obs://certs/keystore2.jks")}}))

	list := must[*model.ListAuthInfoResponse](t, "ListAuthInfo")(c.ListAuthInfo(&model.ListAuthInfoRequest{AuthInfoName: ptr("sdk_pw")})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	if *list.Count != 1 || len(*list.AuthInfos) != 1 || *(*list.AuthInfos)[0].UserName != "reader" || *(*list.AuthInfos)[0].DatasourceType != "passwd" {
		t.Fatalf("list by name: %+v", list)
	}
	all := must[*model.ListJobAuthInfosResponse](t, "ListJobAuthInfos")(c.ListJobAuthInfos(&model.ListJobAuthInfosRequest{Limit: ptr(int32(1)), Offset: ptr(int32(1))}))
	if *all.Count != 2 || len(*all.AuthInfos) != 1 || *(*all.AuthInfos)[0].KeystoreLocation != "obs://certs/keystore2.jks" {
		t.Fatalf("second page: %+v", all)
	}
	status, raw := s.do("GET", "/v2.0/"+DemoProjectID+"/datasource/auth-infos", nil, nil)
	if status != 200 || bytes.Contains(raw, []byte("SECRET")) || !bytes.Contains(raw, []byte(`"username":"reader"`)) {
		t.Fatalf("the list must carry the user name under both keys and no secret: %d %s", status, raw)
	}

	_, err := c.CreateAuthInfo(&model.CreateAuthInfoRequest{Body: &model.CreateAuthInfoRequestBody{AuthInfoName: "sdk_pw", DatasourceType: "passwd"}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	wantSDKError(t, err, "DLI.0006")
	_, err = c.CreateAuthInfo(&model.CreateAuthInfoRequest{Body: &model.CreateAuthInfoRequestBody{AuthInfoName: "sdk_krb", DatasourceType: "KRB", Krb5Conf: ptr("obs://k/krb5.conf")}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	wantSDKError(t, err, "DLI.0001")
	must[*model.DeleteAuthInfoResponse](t, "DeleteAuthInfo")(c.DeleteAuthInfo(&model.DeleteAuthInfoRequest{AuthInfoName: "sdk_pw"})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	must[*model.DeleteJobAuthInfoResponse](t, "DeleteJobAuthInfo")(c.DeleteJobAuthInfo(&model.DeleteJobAuthInfoRequest{AuthInfoName: "sdk_kafka"}))
	_, err = c.DeleteAuthInfo(&model.DeleteAuthInfoRequest{AuthInfoName: "sdk_pw"}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	wantSDKError(t, err, "DLI.0002")
	_, err = c.UpdateAuthInfo(&model.UpdateAuthInfoRequest{Body: &model.UpdateAuthInfoRequestBody{AuthInfoName: "sdk_pw"}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	wantSDKError(t, err, "DLI.0002")
}

// The DLI agency and OBS bucket authorisation through the SDK (sections 4.1, 4.2; §9.1).
// The SDK marks these operations deprecated (SA1019) but has no replacement for them.
func TestSDKAgencyAndBuckets(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	shown := must[*model.ShowDliAgencyResponse](t, "ShowDliAgency")(c.ShowDliAgency(&model.ShowDliAgencyRequest{})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	if len(*shown.CurrentRoles) != 0 || *shown.Version == "" {
		t.Fatalf("initial agency: %+v", shown)
	}
	must[*model.CreateDliAgencyResponse](t, "CreateDliAgency")(c.CreateDliAgency(&model.CreateDliAgencyRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
		Body: &model.CreateDliAgencyRequestBody{Roles: []string{"obs_adm", "vpc_netadm", "obs_adm"}}}))
	shown = must[*model.ShowDliAgencyResponse](t, "ShowDliAgency")(c.ShowDliAgency(&model.ShowDliAgencyRequest{})) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	if !slices.Equal(*shown.CurrentRoles, []string{"obs_adm", "vpc_netadm"}) {
		t.Fatalf("agency roles: %v", *shown.CurrentRoles)
	}
	_, err := c.CreateDliAgency(&model.CreateDliAgencyRequest{Body: &model.CreateDliAgencyRequestBody{Roles: []string{"root"}}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	wantSDKError(t, err, "DLI.0001")

	must[*model.RegisterBucketResponse](t, "RegisterBucket")(c.RegisterBucket(&model.RegisterBucketRequest{ //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
		Body: &model.RegisterBucketRequestBody{ObsBuckets: []string{"flink-logs", "checkpoints.a"}}}))
	_, err = c.RegisterBucket(&model.RegisterBucketRequest{Body: &model.RegisterBucketRequestBody{ObsBuckets: []string{"Bad_Bucket"}}}) //nolint:staticcheck // SA1019: deprecated DLI API the emulator serves
	wantSDKError(t, err, "DLI.0001")
	inv := s.emu.Inventory().Projects[DemoProjectID]
	if !slices.Equal(inv.OBSBuckets, []string{"checkpoints.a", "flink-logs"}) || !slices.Equal(inv.AgencyRoles, []string{"obs_adm", "vpc_netadm"}) {
		t.Fatalf("inventory: %+v", inv)
	}
}
