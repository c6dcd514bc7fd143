package client

import (
	"testing"
)

// The user name of a listed authentication is read under the SDK's key, user_name, or
// under the key the incumbent provider reads, username; a list item without a name or a
// type is malformed, never an authentication.
func TestAuthInfoListDecoding(t *testing.T) {
	var out listAuthInfoResponse
	body := `{"is_success":true,"count":3,"auth_infos":[
		{"auth_info_name":"a","datasource_type":"passwd","user_name":"sdk"},
		{"auth_info_name":"b","datasource_type":"passwd","username":"incumbent"},
		{"auth_info_name":"c","datasource_type":"passwd","user_name":"both","username":"other"}]}`
	if err := decodeStrict([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"sdk", "incumbent", "both"} {
		if got := (*out.AuthInfos)[i].User(); got != want {
			t.Errorf("auth_infos[%d]: user %q, want %q", i, got, want)
		}
	}
	for _, bad := range []string{
		`{"is_success":true,"count":0}`,
		`{"is_success":true,"count":1,"auth_infos":[{"auth_info_name":"a"}]}`,
		`{"is_success":true,"count":1,"auth_infos":[{"datasource_type":"KRB"}]}`,
	} {
		var out listAuthInfoResponse
		if err := decodeStrict([]byte(bad), &out); err == nil {
			t.Errorf("%s: decoded without error", bad)
		}
	}
}
