package httpapi

import (
	"slices"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// The DLI agency (dli-sdk-extras.md section 4) and the authorisation of OBS buckets for
// Flink jobs (seed §9.1). Both are per project; the agency is a singleton whose roles a
// POST replaces (an empty list removes them all), and authorised buckets cannot be revoked.

type agencyBody struct {
	Roles *[]string `json:"roles"`
}

type showAgencyResponse struct {
	IsSuccess    bool     `json:"is_success"`
	Message      string   `json:"message"`
	Version      string   `json:"version"`
	CurrentRoles []string `json:"current_roles"`
}

func (e *Server) createDliAgency(c *call) result {
	var b agencyBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Roles == nil {
		return fail(badRequest("roles is required."))
	}
	if err := c.proj.SetAgencyRoles(*b.Roles); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}

func (e *Server) showDliAgency(c *call) result {
	roles := slices.Clone(c.proj.AgencyRoles)
	if roles == nil {
		roles = []string{}
	}
	return ok(showAgencyResponse{IsSuccess: true, Version: store.AgencyVersion, CurrentRoles: roles})
}

type registerBucketBody struct {
	OBSBuckets *[]string `json:"obs_buckets"`
}

func (e *Server) registerBucket(c *call) result {
	var b registerBucketBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.OBSBuckets == nil || len(*b.OBSBuckets) == 0 {
		return fail(badRequest("obs_buckets is required."))
	}
	for _, name := range *b.OBSBuckets {
		if err := store.ValidBucketName(name); err != nil {
			return fail(fromValidation(err))
		}
	}
	c.proj.AuthorizeBuckets(*b.OBSBuckets)
	// The SDK types is_success as a boolean here (model_register_bucket_response.go).
	return ok(success("The following OBS buckets were authorized successfully: " + strings.Join(*b.OBSBuckets, ",")))
}

// addAuthInventory adds the datasource authentications, agency roles and authorised
// buckets of p to its inventory.
func addAuthInventory(pi *ProjectInventory, p *projectData) {
	pi.DatasourceAuths = []InventoryAuthInfo{}
	for _, a := range p.SortedAuthInfos() {
		pi.DatasourceAuths = append(pi.DatasourceAuths, InventoryAuthInfo{Name: a.Name, Type: a.Type})
	}
	pi.AgencyRoles = append([]string{}, p.AgencyRoles...)
	pi.OBSBuckets = append([]string{}, p.OBSBuckets...)
}
