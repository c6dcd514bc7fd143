package store

import (
	"regexp"
	"slices"
	"sort"
	"time"
)

// Datasource authentications, the DLI agency and OBS bucket authorisation
// (dli-sdk-extras.md sections 3 and 4, seed §9.1).

// Object kinds of this file.
const (
	KindAuthInfo Kind = "datasource authentication"
)

// AuthInfoTypes are the datasource_type values DLI accepts, as written (case-sensitive).
var AuthInfoTypes = []string{"passwd", "CSS", "KRB", "Kafka_SSL"}

// AgencyRoles are the roles the DLI agency may hold (CreateDliAgency).
var AgencyRoles = []string{"obs_adm", "dis_adm", "ctable_adm", "vpc_netadm", "smn_adm", "te_admin"}

// AgencyVersion is the version ShowDliAgency reports (an opaque string, section 4.2).
const AgencyVersion = "v2"

// AuthInfo is a stored datasource authentication. The secrets are stored, so that a job
// could use them, and never returned by any read.
type AuthInfo struct {
	Name                string    `json:"auth_info_name"`
	Type                string    `json:"datasource_type"`
	UserName            string    `json:"user_name,omitempty"`
	Password            string    `json:"password,omitempty"`
	CertificateLocation string    `json:"certificate_location,omitempty"`
	Krb5Conf            string    `json:"krb5_conf,omitempty"`
	Keytab              string    `json:"keytab,omitempty"`
	TruststoreLocation  string    `json:"truststore_location,omitempty"`
	TruststorePassword  string    `json:"truststore_password,omitempty"`
	KeystoreLocation    string    `json:"keystore_location,omitempty"`
	KeystorePassword    string    `json:"keystore_password,omitempty"`
	KeyPassword         string    `json:"key_password,omitempty"`
	Owner               string    `json:"owner"`
	CreateTime          int64     `json:"create_time"`
	UpdateTime          int64     `json:"update_time"`
	CreatedReal         time.Time `json:"-"` // real creation time, for the consistency delay
}

// Validate checks the files a type needs (dli-sdk-extras.md section 13 item 9).
func (a *AuthInfo) Validate() error {
	if !slices.Contains(AuthInfoTypes, a.Type) {
		return invalid("datasource_type %q is not supported: use one of passwd, CSS, KRB, Kafka_SSL.", a.Type)
	}
	switch {
	case a.Type == "KRB" && (a.Krb5Conf == "" || a.Keytab == ""):
		return invalid("krb5_conf and keytab are required for datasource_type KRB.")
	case a.Type == "Kafka_SSL" && a.TruststoreLocation == "" && a.KeystoreLocation == "":
		return invalid("truststore_location or keystore_location is required for datasource_type Kafka_SSL.")
	case a.Type == "CSS" && a.CertificateLocation == "":
		return invalid("certificate_location is required for datasource_type CSS.")
	}
	return nil
}

// AuthInfoMap returns the project's datasource authentications, creating the map if needed.
func (p *Project) AuthInfoMap() map[string]*AuthInfo {
	if p.AuthInfos == nil {
		p.AuthInfos = map[string]*AuthInfo{}
	}
	return p.AuthInfos
}

// AddAuthInfo stores a new datasource authentication; names are unique.
func (p *Project) AddAuthInfo(a *AuthInfo) error {
	if err := a.Validate(); err != nil {
		return err
	}
	m := p.AuthInfoMap()
	if _, exists := m[a.Name]; exists {
		return &ConflictError{Kind: KindAuthInfo, Name: a.Name}
	}
	m[a.Name] = a
	return nil
}

// AuthInfo returns the datasource authentication named name.
func (p *Project) AuthInfo(name string) (*AuthInfo, error) {
	a := p.AuthInfoMap()[name]
	if a == nil {
		return nil, &NotFoundError{Kind: KindAuthInfo, Name: name}
	}
	return a, nil
}

// DeleteAuthInfo deletes a datasource authentication.
func (p *Project) DeleteAuthInfo(name string) error {
	if _, err := p.AuthInfo(name); err != nil {
		return err
	}
	delete(p.AuthInfos, name)
	return nil
}

// SortedAuthInfos returns the authentications ordered by creation time, then name.
func (p *Project) SortedAuthInfos() []*AuthInfo {
	out := make([]*AuthInfo, 0, len(p.AuthInfos))
	for _, a := range p.AuthInfoMap() {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].CreateTime != out[j].CreateTime {
			return out[i].CreateTime < out[j].CreateTime
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// SetAgencyRoles replaces the roles of the project's DLI agency (CreateDliAgency); an
// empty list removes them all.
func (p *Project) SetAgencyRoles(roles []string) error {
	for _, r := range roles {
		if !slices.Contains(AgencyRoles, r) {
			return invalid("role %q is not supported: the DLI agency accepts obs_adm, dis_adm, ctable_adm, vpc_netadm, smn_adm and te_admin.", r)
		}
	}
	set := slices.Clone(roles)
	sort.Strings(set)
	p.AgencyRoles = slices.Compact(set)
	return nil
}

// AuthorizeBuckets adds OBS buckets to the set DLI may use (§9.1). There is no revocation.
func (p *Project) AuthorizeBuckets(buckets []string) {
	set := append(slices.Clone(p.OBSBuckets), buckets...)
	sort.Strings(set)
	p.OBSBuckets = slices.Compact(set)
}

// ValidBucketName checks OBS's bucket naming rule: 3 to 63 characters, lowercase letters,
// digits, hyphens and periods, starting and ending with a letter or digit.
func ValidBucketName(name string) *ValidationError {
	if !bucketName.MatchString(name) {
		return invalid("Invalid OBS bucket name %q: use 3 to 63 lowercase letters, digits, hyphens and periods, starting and ending with a letter or digit.", name)
	}
	return nil
}

var bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
