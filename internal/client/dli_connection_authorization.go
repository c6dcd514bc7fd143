package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Connection sharing: other projects are authorised to bind their queues to an enhanced
// connection with the SDK's RunAuthorizationAction (projectId, object
// edsconnections.<id>, BIND_QUEUE) and listed by §12.8 (ShowEnhancedConnectionPrivilege).
// The listing shares the permission cache (c.grants), keyed by the connection's object;
// Grant.UserName holds the authorised project.

// ConnectionBindQueue is the one privilege §12.8 documents on a connection.
const ConnectionBindQueue = "BIND_QUEUE"

func connectionObject(id string) string { return "edsconnections." + id }

// connectionPrivilegesResponse is the §12.8 answer.
type connectionPrivilegesResponse struct {
	model.ShowEnhancedConnectionPrivilegeResponse
}

func (r *connectionPrivilegesResponse) validate() error {
	if err := requireFields(field{"privileges", r.Privileges != nil}); err != nil {
		return err
	}
	for i, p := range *r.Privileges {
		if ptr.Deref(p.ApplicantProjectId) == "" || p.Privileges == nil {
			return fmt.Errorf("privileges[%d] lacks applicant_project_id or privileges", i)
		}
	}
	return nil
}

func (c *Client) listConnectionGrants(ctx context.Context, id string) ([]Grant, error) {
	var out connectionPrivilegesResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowEnhancedConnectionPrivilege", Method: http.MethodGet,
		Path: "/v2.0/{project_id}/datasource/enhanced-connections/" + url.PathEscape(id) + "/privileges",
	}, &out)
	if err != nil {
		return nil, err
	}
	grants := make([]Grant, 0, len(*out.Privileges))
	for _, p := range *out.Privileges {
		grants = append(grants, Grant{Object: connectionObject(id), UserName: *p.ApplicantProjectId, Privileges: *p.Privileges})
	}
	return grants, nil
}

// ConnectionProjectGrant returns what the project holds on the connection (shared listing);
// a project that holds nothing, or a connection that is gone, is a *NotFoundError.
func (c *Client) ConnectionProjectGrant(ctx context.Context, connectionID, project string) (*Grant, error) {
	key := connectionObject(connectionID)
	notFound := &NotFoundError{Kind: "connection authorization", Name: connectionID + "/" + project}
	g, err := findListed(ctx,
		func(ctx context.Context) ([]Grant, error) {
			return c.grants.get(ctx, key, func(ctx context.Context) ([]Grant, error) { return c.listConnectionGrants(ctx, connectionID) })
		},
		func() { c.grants.invalidate(key) },
		func(g Grant) bool { return g.UserName == project },
		c.recentlyWritten(kindPermission, key+"/"+project), notFound)
	if IsNotFound(err) {
		return nil, notFound
	}
	return g, err
}

// AuthorizeConnectionProject grants (or revokes) BIND_QUEUE on the connection to another
// project. After an attempt whose outcome is unknown it reads §12.8 afresh and sends again
// only if the change is not there.
func (c *Client) AuthorizeConnectionProject(ctx context.Context, connectionID, project string, grant bool) error {
	key := connectionObject(connectionID)
	defer c.grants.invalidate(key)
	c.noteWrite(kindPermission, key+"/"+project)
	action := model.GetRunAuthorizationActionRequestBodyActionEnum().REVOKE
	if grant {
		action = model.GetRunAuthorizationActionRequestBodyActionEnum().GRANT
	}
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "RunAuthorizationAction", Method: http.MethodPut,
		Path: "/v1.0/{project_id}/authorization",
		Body: &model.RunAuthorizationActionRequestBody{ProjectId: &project, Action: action,
			Privileges: []model.Privilege{{Object: key, Privileges: []string{ConnectionBindQueue}}}},
		Reconcile: func(ctx context.Context) (bool, error) {
			grants, err := c.listConnectionGrants(ctx, connectionID)
			if err != nil {
				return false, err
			}
			i := slices.IndexFunc(grants, func(g Grant) bool { return g.UserName == project })
			switch {
			case grant && i < 0:
				return false, &NotFoundError{Kind: "connection authorization", Name: connectionID + "/" + project}
			case grant:
				return slices.Contains(grants[i].Privileges, ConnectionBindQueue), nil
			default:
				return i < 0 || !slices.Contains(grants[i].Privileges, ConnectionBindQueue), nil
			}
		},
	}, &ack{})
}
