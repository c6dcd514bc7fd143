package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// DLI permissions (seed §5): the privileges of one user on one object, written with
// §5.1 (queues) or §5.3 (everything else) and read from the object's user list (§5.2,
// §5.4, §5.5, §5.7), which is shared through a list cache keyed by that list.

// PermissionKind is the kind of an object in the permission notation.
type PermissionKind string

// Kinds of the permission notation (dli-part3.md section 1.0).
const (
	PermissionQueue    PermissionKind = "queue"
	PermissionDatabase PermissionKind = "database"
	PermissionTable    PermissionKind = "table"
	PermissionColumn   PermissionKind = "column"
	PermissionFlinkJob PermissionKind = "Flink job"
	PermissionGroup    PermissionKind = "package group"
	PermissionPackage  PermissionKind = "package"
)

// PermissionObject is a parsed object notation: queues.<q>, databases.<db>,
// databases.<db>.tables.<t>, databases.<db>.tables.<t>.columns.<c>, jobs.flink.<id>,
// groups.<g>, resources.<package> or resources.<group>/<package>.
type PermissionObject struct {
	Kind     PermissionKind
	Notation string // as written
	// Name is the queue, database, job id, group or package; Table and Column complete a
	// table or column.
	Name, Table, Column string
}

// PermissionNotations describes the accepted object notations, for messages and docs.
const PermissionNotations = "`queues.<queue>`, `databases.<database>`, `databases.<database>.tables.<table>`, " +
	"`databases.<database>.tables.<table>.columns.<column>`, `jobs.flink.<job_id>`, `groups.<group>`, " +
	"`resources.<package>` or `resources.<group>/<package>`"

var (
	catalogSegment  = regexp.MustCompile(`^[A-Za-z0-9_]{1,128}$`)
	flinkJobID      = regexp.MustCompile(`^[0-9]{1,19}$`)
	packageGroup    = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)
	packageResource = regexp.MustCompile(`^([A-Za-z0-9._-]{1,64}/)?[A-Za-z0-9_!-][A-Za-z0-9_!.-]{0,127}$`)
)

// ParsePermissionObject parses an object notation; the error says what is accepted.
func ParsePermissionObject(s string) (PermissionObject, error) {
	o := PermissionObject{Notation: s}
	head, rest, _ := strings.Cut(s, ".")
	parts := strings.Split(rest, ".")
	ok := false
	switch head {
	case "queues":
		o.Kind, o.Name, ok = PermissionQueue, rest, catalogSegment.MatchString(rest)
	case "databases":
		o.Name = parts[0]
		switch {
		case len(parts) == 1:
			o.Kind, ok = PermissionDatabase, catalogSegment.MatchString(parts[0])
		case len(parts) == 3 && parts[1] == "tables":
			o.Kind, o.Table = PermissionTable, parts[2]
			ok = catalogSegment.MatchString(parts[0]) && catalogSegment.MatchString(parts[2])
		case len(parts) == 5 && parts[1] == "tables" && parts[3] == "columns":
			o.Kind, o.Table, o.Column = PermissionColumn, parts[2], parts[4]
			ok = catalogSegment.MatchString(parts[0]) && catalogSegment.MatchString(parts[2]) && catalogSegment.MatchString(parts[4])
		}
	case "jobs":
		id, isFlink := strings.CutPrefix(rest, "flink.")
		o.Kind, o.Name, ok = PermissionFlinkJob, id, isFlink && flinkJobID.MatchString(id)
	case "groups":
		o.Kind, o.Name, ok = PermissionGroup, rest, packageGroup.MatchString(rest)
	case "resources":
		o.Kind, o.Name, ok = PermissionPackage, rest, packageResource.MatchString(rest)
	}
	if !ok {
		return PermissionObject{}, fmt.Errorf("%q is not a DLI object: it must be %s", s, PermissionNotations)
	}
	return o, nil
}

// listNotation names the user list that holds the object's grants: a column's grants are
// in its table's list (§5.5).
func (o PermissionObject) listNotation() string {
	if o.Kind == PermissionColumn {
		return "databases." + o.Name + ".tables." + o.Table
	}
	return o.Notation
}

// Grant is what one user holds on one object. IsAdmin marks the owner (or an admin),
// whose privileges are ["ALL"] and cannot be managed.
type Grant struct {
	Object     string
	UserName   string
	IsAdmin    bool
	Privileges []string
}

// grantListResponse is the answer of §5.2, §5.4, §5.5 and §5.7 (the SDK's
// ListQueueUsersResponse, ListDatabaseUsersResponse, ListTableUsersResponse and
// ListAuthorizationPrivilegesResponse share this shape; only §5.5 and §5.7 carry object).
type grantListResponse struct {
	IsSuccess  *flexBool     `json:"is_success"`
	Privileges *[]grantEntry `json:"privileges"`
}

type grantEntry struct {
	IsAdmin    *bool     `json:"is_admin"`
	Object     *string   `json:"object"`
	UserName   *string   `json:"user_name"`
	Privileges *[]string `json:"privileges"`
}

func (r *grantListResponse) validate() error {
	if err := requireFields(field{"privileges", r.Privileges != nil}); err != nil {
		return err
	}
	for i, e := range *r.Privileges {
		if ptr.Deref(e.UserName) == "" || e.Privileges == nil {
			return fmt.Errorf("privileges[%d] lacks user_name or privileges", i)
		}
	}
	return nil
}

// listGrants reads the user list holding o's grants (one call; the SDK sends no paging).
func (c *Client) listGrants(ctx context.Context, o PermissionObject) ([]Grant, error) {
	req := Request{Service: ServiceDLI, Method: http.MethodGet}
	switch o.Kind {
	case PermissionQueue:
		req.Operation, req.Path = "ListQueueUsers", "/v1.0/{project_id}/queues/"+url.PathEscape(o.Name)+"/users"
	case PermissionDatabase:
		req.Operation, req.Path = "ListDatabaseUsers", "/v1.0/{project_id}/databases/"+url.PathEscape(o.Name)+"/users"
	case PermissionTable, PermissionColumn:
		req.Operation = "ListTableUsers"
		req.Path = "/v1.0/{project_id}/databases/" + url.PathEscape(o.Name) + "/tables/" + url.PathEscape(o.Table) + "/users"
	default:
		req.Operation, req.Path = "ListAuthorizationPrivileges", "/v1.0/{project_id}/authorization/privileges"
		req.Query = url.Values{"object": {o.Notation}}
	}
	var out grantListResponse
	if err := c.Do(ctx, req, &out); err != nil {
		return nil, err
	}
	grants := make([]Grant, 0, len(*out.Privileges))
	for _, e := range *out.Privileges {
		object := ptr.Deref(e.Object)
		if object == "" { // §5.2 and §5.4 list the object's own grants without naming it
			object = o.listNotation()
		}
		grants = append(grants, Grant{Object: object, UserName: *e.UserName, IsAdmin: ptr.Deref(e.IsAdmin), Privileges: *e.Privileges})
	}
	return grants, nil
}

// ObjectGrants returns every user's grant on the object from the shared user list: one
// list call serves every permission on the object (and, for tables, on its columns) that
// is refreshed in the same run.
func (c *Client) ObjectGrants(ctx context.Context, o PermissionObject) ([]Grant, error) {
	all, err := c.grants.get(ctx, strings.ToLower(o.listNotation()), func(ctx context.Context) ([]Grant, error) { return c.listGrants(ctx, o) })
	if err != nil {
		return nil, err
	}
	var out []Grant
	for _, g := range all {
		if strings.EqualFold(g.Object, o.Notation) {
			out = append(out, g)
		}
	}
	return out, nil
}

// UserGrant returns the user's grant on the object; a user who holds nothing there is a
// *NotFoundError, and so is an object that no longer exists.
func (c *Client) UserGrant(ctx context.Context, o PermissionObject, user string) (*Grant, error) {
	notFound := &NotFoundError{Kind: "permission", Name: o.Notation + "/" + user}
	g, err := findListed(ctx, func(ctx context.Context) ([]Grant, error) { return c.ObjectGrants(ctx, o) },
		func() { c.grants.invalidate(strings.ToLower(o.listNotation())) },
		func(g Grant) bool { return g.UserName == user },
		c.recentlyWritten(kindPermission, o.Notation+"/"+user), notFound)
	if IsNotFound(err) {
		return nil, notFound
	}
	return g, err
}

// Authorize grants or revokes privileges of user on the object (§5.1 for queues, §5.3
// otherwise). After an attempt whose outcome is unknown it reads the object's user list
// afresh and sends again only if the change is not there (a grant to a user new on the
// object is looked for through the consistency window first).
func (c *Client) Authorize(ctx context.Context, o PermissionObject, user string, grant bool, privileges []string) error {
	defer c.grants.invalidate(strings.ToLower(o.listNotation()))
	c.noteWrite(kindPermission, o.Notation+"/"+user)
	action := "revoke"
	if grant {
		action = "grant"
	}
	req := Request{Service: ServiceDLI, Method: http.MethodPut, Reconcile: func(ctx context.Context) (bool, error) {
		return c.authorized(ctx, o, user, grant, privileges)
	}}
	if o.Kind == PermissionQueue {
		req.Operation, req.Path = "RegisterAuthorizedQueue", "/v1.0/{project_id}/queues/user-authorization"
		req.Body = &model.RegisterAuthorizedQueueRequestBody{QueueName: o.Name, UserName: user, Action: action, Privileges: privileges}
	} else {
		req.Operation, req.Path = "RunDataAuthorizationAction", "/v1.0/{project_id}/user-authorization"
		req.Body = &model.RunDataAuthorizationActionRequestBody{UserName: user, Action: action,
			Privileges: []model.DataAuthorizationPrivilege{{Object: o.Notation, Privileges: privileges}}}
	}
	return c.Do(ctx, req, &ack{})
}

// authorized reports whether a grant (or revoke) of privileges to user on o is in effect,
// from a fresh user list. A grant to a user the list lacks is a *NotFoundError (maybe not
// visible yet).
func (c *Client) authorized(ctx context.Context, o PermissionObject, user string, grant bool, privileges []string) (bool, error) {
	all, err := c.listGrants(ctx, o)
	if err != nil {
		return false, err
	}
	var held []string
	found := false
	for _, g := range all {
		if strings.EqualFold(g.Object, o.Notation) && g.UserName == user {
			held, found = g.Privileges, true
		}
	}
	if grant && !found {
		return false, &NotFoundError{Kind: "permission", Name: o.Notation + "/" + user}
	}
	for _, p := range privileges {
		if slices.Contains(held, p) != grant {
			return false, nil
		}
	}
	return true, nil
}
