package httpapi

import (
	"net/http"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Datasource authentications (dli-sdk-extras.md section 3): the v2.0 and v3 paths share
// one store. Secrets are stored and never returned, and never echoed in an error.

// authInfoBody is the create and update body (model_create_auth_info_request_body.go);
// the user name is accepted as user_name (SDK) or username (incumbent provider).
type authInfoBody struct {
	AuthInfoName        *string `json:"auth_info_name"`
	DatasourceType      *string `json:"datasource_type"`
	UserName            *string `json:"user_name"`
	Username            *string `json:"username"`
	Password            *string `json:"password"`
	CertificateLocation *string `json:"certificate_location"`
	Krb5Conf            *string `json:"krb5_conf"`
	Keytab              *string `json:"keytab"`
	TruststoreLocation  *string `json:"truststore_location"`
	TruststorePassword  *string `json:"truststore_password"`
	KeystoreLocation    *string `json:"keystore_location"`
	KeystorePassword    *string `json:"keystore_password"`
	KeyPassword         *string `json:"key_password"`
}

func (b *authInfoBody) userName() *string {
	if b.UserName != nil {
		return b.UserName
	}
	return b.Username
}

// authInfoItem is one list item (model_auth_info.go), with the user name under both keys.
type authInfoItem struct {
	AuthInfoName        string `json:"auth_info_name"`
	UserName            string `json:"user_name,omitempty"`
	Username            string `json:"username,omitempty"`
	DatasourceType      string `json:"datasource_type"`
	CertificateLocation string `json:"certificate_location,omitempty"`
	Krb5Conf            string `json:"krb5_conf,omitempty"`
	Keytab              string `json:"keytab,omitempty"`
	TruststoreLocation  string `json:"truststore_location,omitempty"`
	KeystoreLocation    string `json:"keystore_location,omitempty"`
	Owner               string `json:"owner"`
	CreateTime          int64  `json:"create_time"`
	UpdateTime          int64  `json:"update_time"`
}

type listAuthInfosResponse struct {
	IsSuccess bool           `json:"is_success"`
	Message   string         `json:"message"`
	Count     int            `json:"count"`
	AuthInfos []authInfoItem `json:"auth_infos"`
}

func (e *Server) createAuthInfo(c *call) result {
	var b authInfoBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.AuthInfoName == nil || *b.AuthInfoName == "" {
		return fail(badRequest("auth_info_name is required."))
	}
	if b.DatasourceType == nil {
		return fail(badRequest("datasource_type is required."))
	}
	if err := validName("auth_info_name", *b.AuthInfoName); err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	a := &store.AuthInfo{
		Name: *b.AuthInfoName, Type: *b.DatasourceType, Owner: c.user.UserName,
		CreateTime: now, UpdateTime: now, CreatedReal: c.real,
	}
	mergeAuthInfo(a, &b)
	a.CertificateLocation = batchVal(b.CertificateLocation)
	a.KeyPassword = batchVal(b.KeyPassword)
	if err := c.proj.AddAuthInfo(a); err != nil {
		return failDomain(err)
	}
	return result{Status: http.StatusCreated, Body: success("")}
}

// mergeAuthInfo applies the fields UpdateAuthInfo may change (a partial merge).
func mergeAuthInfo(a *store.AuthInfo, b *authInfoBody) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&a.UserName, b.userName())
	set(&a.Password, b.Password)
	set(&a.Krb5Conf, b.Krb5Conf)
	set(&a.Keytab, b.Keytab)
	set(&a.TruststoreLocation, b.TruststoreLocation)
	set(&a.TruststorePassword, b.TruststorePassword)
	set(&a.KeystoreLocation, b.KeystoreLocation)
	set(&a.KeystorePassword, b.KeystorePassword)
}

func (e *Server) listAuthInfos(c *call) result {
	limit, err := c.intParam("limit", 100, 1)
	if err != nil {
		return fail(err)
	}
	offset, err := c.intParam("offset", 0, 0)
	if err != nil {
		return fail(err)
	}
	name := c.query("auth_info_name")
	var all []*store.AuthInfo
	for _, a := range c.proj.SortedAuthInfos() {
		if e.visible(a.CreatedReal) && (name == "" || a.Name == name) {
			all = append(all, a)
		}
	}
	items := []authInfoItem{}
	for i := offset; i < len(all) && i < offset+limit; i++ {
		a := all[i]
		items = append(items, authInfoItem{
			AuthInfoName: a.Name, UserName: a.UserName, Username: a.UserName, DatasourceType: a.Type,
			CertificateLocation: a.CertificateLocation, Krb5Conf: a.Krb5Conf, Keytab: a.Keytab,
			TruststoreLocation: a.TruststoreLocation, KeystoreLocation: a.KeystoreLocation,
			Owner: a.Owner, CreateTime: a.CreateTime, UpdateTime: a.UpdateTime,
		})
	}
	return ok(listAuthInfosResponse{IsSuccess: true, Count: len(all), AuthInfos: items})
}

func (e *Server) updateAuthInfo(c *call) result {
	var b authInfoBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.AuthInfoName == nil || *b.AuthInfoName == "" {
		return fail(badRequest("auth_info_name is required."))
	}
	a, err := c.proj.AuthInfo(*b.AuthInfoName)
	if err != nil {
		return failDomain(err)
	}
	updated := *a
	mergeAuthInfo(&updated, &b)
	if err := updated.Validate(); err != nil {
		return failDomain(err)
	}
	updated.UpdateTime = c.nowMillis()
	*a = updated
	return ok(success(""))
}

func (e *Server) deleteAuthInfo(c *call) result {
	if err := c.proj.DeleteAuthInfo(c.path("auth_info_name")); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}

// AuthInfoSecret is a test hook (Go only, never served): the stored value of one secret
// of a datasource authentication (field: password, truststore_password,
// keystore_password or key_password), so tests can confirm what DLI received.
func (e *Server) AuthInfoSecret(projectID, name, field string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	p := e.data.Projects[projectID]
	if p == nil {
		return "", false
	}
	a, err := p.AuthInfo(name)
	if err != nil {
		return "", false
	}
	switch field {
	case "password":
		return a.Password, true
	case "truststore_password":
		return a.TruststorePassword, true
	case "keystore_password":
		return a.KeystorePassword, true
	case "key_password":
		return a.KeyPassword, true
	}
	return "", false
}
