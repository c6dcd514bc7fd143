package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The shared config file is the Huawei Cloud CLI's (KooCLI) config.json, the file the
// huaweicloud provider reads with shared_config_file and profile:
//
//	{"current": "default", "profiles": [{"name": "default", "mode": "AKSK",
//	  "accessKeyId": "...", "secretAccessKey": "...", "securityToken": "...",
//	  "region": "cn-north-4", "projectId": "...",
//	  "agencyName": "...", "agencyDomainName": "...",
//	  "ssoAuth": {"stsToken": {"accessKeyId": "...", "secretAccessKey": "...", "securityToken": "..."}}}]}

// DefaultSharedConfigFile is where the shared config file is read from when only a profile
// is set: ~/.hcloud/config.json.
const DefaultSharedConfigFile = "~/.hcloud/config.json"

// sharedConfig is the shared config file.
type sharedConfig struct {
	Current  string          `json:"current"`
	Profiles []sharedProfile `json:"profiles"`
}

// sharedProfile is one profile of the shared config file.
type sharedProfile struct {
	Name             string `json:"name"`
	Mode             string `json:"mode"` // AKSK (default), SSO, ecsAgency
	AccessKeyID      string `json:"accessKeyId"`
	SecretAccessKey  string `json:"secretAccessKey"`
	SecurityToken    string `json:"securityToken"`
	Region           string `json:"region"`
	ProjectID        string `json:"projectId"`
	AgencyName       string `json:"agencyName"`
	AgencyDomainName string `json:"agencyDomainName"`
	SsoAuth          struct {
		StsToken struct {
			AccessKeyID     string `json:"accessKeyId"`
			SecretAccessKey string `json:"secretAccessKey"`
			SecurityToken   string `json:"securityToken"`
		} `json:"stsToken"`
	} `json:"ssoAuth"`
}

// Profile is what a provider takes from a profile besides credentials.
type Profile struct {
	Region    string
	ProjectID string
}

// LoadProfile reads the profile of a shared config file (file "": DefaultSharedConfigFile;
// profile "": the file's current profile). It reads a local file only.
func LoadProfile(file, profile string) (Profile, error) {
	p, _, err := loadSharedProfile(file, profile)
	if err != nil {
		return Profile{}, err
	}
	return Profile{Region: p.Region, ProjectID: p.ProjectID}, nil
}

// profileCredentials is the shared config file's link of the chain: not applicable unless
// a file or a profile is set.
func profileCredentials(file, profile string) (Credentials, *AssumeRole, error) {
	if file == "" && profile == "" {
		return Credentials{}, nil, skip("shared_config_file and profile are not set")
	}
	p, path, err := loadSharedProfile(file, profile)
	if err != nil {
		return Credentials{}, nil, err
	}
	var creds Credentials
	switch strings.ToLower(p.Mode) {
	case "", "aksk":
		creds = Credentials{AccessKey: p.AccessKeyID, SecretKey: p.SecretAccessKey, SecurityToken: p.SecurityToken}
	case "sso":
		t := p.SsoAuth.StsToken
		creds = Credentials{AccessKey: t.AccessKeyID, SecretKey: t.SecretAccessKey, SecurityToken: t.SecurityToken}
	case "ecsagency":
		return Credentials{}, nil, skip("profile %q of %s has mode ecsAgency: its credentials come from the ECS metadata", p.Name, path)
	default:
		return Credentials{}, nil, fmt.Errorf("profile %q of %s has mode %q; supported: AKSK, SSO, ecsAgency", p.Name, path, p.Mode)
	}
	if creds.AccessKey == "" || creds.SecretKey == "" {
		return Credentials{}, nil, fmt.Errorf("profile %q of %s has no access key and secret key (mode %s)", p.Name, path, orText(p.Mode, "AKSK"))
	}
	var agency *AssumeRole
	if p.AgencyName != "" && p.AgencyDomainName == "" {
		return Credentials{}, nil, fmt.Errorf("profile %q of %s has agencyName but no agencyDomainName", p.Name, path)
	}
	if p.AgencyName != "" {
		agency = &AssumeRole{AgencyName: p.AgencyName, DomainName: p.AgencyDomainName}
	}
	return creds, agency, nil
}

// loadSharedProfile reads the file and picks the profile; it returns the path it read.
func loadSharedProfile(file, profile string) (sharedProfile, string, error) {
	path, err := expandHome(orText(file, DefaultSharedConfigFile))
	if err != nil {
		return sharedProfile{}, "", err
	}
	data, err := os.ReadFile(path) //nolint:gosec // the user names the file
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return sharedProfile{}, path, fmt.Errorf("the shared config file %s does not exist", path)
	case err != nil:
		return sharedProfile{}, path, fmt.Errorf("reading the shared config file: %w", err)
	}
	var sc sharedConfig
	if err := json.Unmarshal(data, &sc); err != nil {
		// The decoder's message quotes no values, only offsets and types.
		return sharedProfile{}, path, fmt.Errorf("the shared config file %s is not valid JSON: %w", path, err)
	}
	name := orText(profile, sc.Current)
	if name == "" {
		return sharedProfile{}, path, fmt.Errorf("the shared config file %s names no current profile: set profile", path)
	}
	var names []string
	for _, p := range sc.Profiles {
		if p.Name == name {
			return p, path, nil
		}
		names = append(names, p.Name)
	}
	return sharedProfile{}, path, fmt.Errorf("the shared config file %s has no profile %q (it has: %s)", path, name, strings.Join(names, ", "))
}

func expandHome(path string) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the home directory for %s: %w", path, err)
	}
	return filepath.Join(home, strings.TrimPrefix(path, "~")), nil
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
