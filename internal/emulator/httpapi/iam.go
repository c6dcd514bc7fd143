package httpapi

import (
	"net/url"
	"sort"
)

// iamProject is one item of the IAM (Keystone) project list.
type iamProject struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	DomainID    string            `json:"domain_id"`
	Enabled     bool              `json:"enabled"`
	IsDomain    bool              `json:"is_domain"`
	ParentID    string            `json:"parent_id"`
	Description string            `json:"description"`
	Links       map[string]string `json:"links"`
}

// listProjects serves GET /v3/projects[?name=<region>]: the configured
// project of that region, or an empty list for an unknown region.
func (e *Server) listProjects(c *call) result {
	base := "http://" + c.r.Host
	if c.r.TLS != nil {
		base = "https://" + c.r.Host
	}
	name, filtered := c.query("name"), c.hasQuery("name")
	regions := make([]string, 0, len(e.projects))
	for region := range e.projects {
		if !filtered || region == name {
			regions = append(regions, region)
		}
	}
	sort.Strings(regions)
	projects := make([]iamProject, 0, len(regions))
	for _, region := range regions {
		id := e.projects[region]
		projects = append(projects, iamProject{
			ID: id, Name: region, DomainID: c.user.DomainID, Enabled: true, ParentID: c.user.DomainID,
			Description: "", Links: map[string]string{"self": base + "/v3/projects/" + id},
		})
	}
	self := base + "/v3/projects"
	if filtered {
		self += "?name=" + url.QueryEscape(name)
	}
	return ok(map[string]any{
		"projects": projects,
		"links":    map[string]any{"self": self, "next": nil, "previous": nil},
	})
}
