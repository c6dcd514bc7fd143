package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// ProjectID returns the configured project id, or looks it up once from IAM by region.
// A failed lookup is not cached, so a later call tries again.
func (c *Client) ProjectID(ctx context.Context) (string, error) {
	c.projectMu.Lock()
	defer c.projectMu.Unlock()
	if c.projectID != "" {
		return c.projectID, nil
	}
	if c.cfg.Region == "" {
		return "", fmt.Errorf("no project: set project_id, or region so the project can be looked up in IAM")
	}
	var out projectsResponse
	err := c.Do(ctx, Request{
		Service:   ServiceIAM,
		Operation: "KeystoneListProjects",
		Method:    http.MethodGet,
		Path:      "/v3/projects",
		Query:     url.Values{"name": {c.cfg.Region}},
	}, &out)
	if err != nil {
		return "", fmt.Errorf("looking up the project of region %q in IAM (set project_id to skip this): %w", c.cfg.Region, err)
	}
	var ids []string
	for _, p := range out.Projects {
		if p.Name == c.cfg.Region {
			ids = append(ids, p.ID)
		}
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("IAM has no project named %q: check region, or set project_id", c.cfg.Region)
	case 1:
		c.projectID = ids[0]
		return c.projectID, nil
	default:
		return "", fmt.Errorf("IAM has %d projects named %q (%v): set project_id to choose one", len(ids), c.cfg.Region, ids)
	}
}

// projectsResponse is IAM's KeystoneListProjects answer.
type projectsResponse struct {
	Projects []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"projects"`
}

func (r *projectsResponse) validate() error {
	return requireFields(field{"projects", r.Projects != nil})
}
