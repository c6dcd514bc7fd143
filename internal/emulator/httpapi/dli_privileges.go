package httpapi

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Permissions (seed §5, dli-part3.md section 1; §12.8 for enhanced connections). The grants
// live in store/privileges.go; this file resolves objects and grantees and speaks the wire
// format of the SDK models.

// privilegeEntry is one grantee's privileges: the SDK's QueueUserPrivilege,
// DatabaseUserPrivilege, TableUserPrivilege (with object) and AuthorizationPrivilege.
type privilegeEntry struct {
	IsAdmin    bool     `json:"is_admin"`
	Object     string   `json:"object,omitempty"`
	UserName   string   `json:"user_name"`
	Privileges []string `json:"privileges"`
}

type listQueueUsersResponse struct {
	successBody
	QueueName  string           `json:"queue_name"`
	Privileges []privilegeEntry `json:"privileges"`
}

type listDatabaseUsersResponse struct {
	successBody
	DatabaseName string           `json:"database_name"`
	Privileges   []privilegeEntry `json:"privileges"`
}

type listTableUsersResponse struct {
	successBody
	Privileges []privilegeEntry `json:"privileges"`
}

// tablePrivilege is the SDK's TablePrivilege (§5.6).
type tablePrivilege struct {
	Object     string   `json:"object"`
	Privileges []string `json:"privileges"`
}

type listTablePrivilegesResponse struct {
	successBody
	UserName   string           `json:"user_name"`
	Privileges []tablePrivilege `json:"privileges"`
}

type listAuthorizationPrivilegesResponse struct {
	successBody
	ObjectName string           `json:"object_name"`
	ObjectType string           `json:"object_type"`
	Count      int              `json:"count"`
	Privileges []privilegeEntry `json:"privileges"`
}

// connectionGrant is the SDK's EnhancedConnectionPrivilege (§12.8).
type connectionGrant struct {
	Object             string   `json:"object"`
	ApplicantProjectID string   `json:"applicant_project_id"`
	Privileges         []string `json:"privileges"`
}

type queueAuthorizationBody struct {
	QueueName  *string  `json:"queue_name"`
	UserName   *string  `json:"user_name"`
	Action     *string  `json:"action"`
	Privileges []string `json:"privileges"`
}

type objectPrivilegesBody struct {
	Object     *string  `json:"object"`
	Privileges []string `json:"privileges"`
}

type dataAuthorizationBody struct {
	UserName   *string                 `json:"user_name"`
	ProjectID  *string                 `json:"projectId"` // RunAuthorizationAction only (camelCase, SDK)
	Action     *string                 `json:"action"`
	Privileges []*objectPrivilegesBody `json:"privileges"`
}

var projectIDShape = regexp.MustCompile(`^[A-Za-z0-9]{1,64}$`)

// decodeGrant decodes a grant request body into b and checks its action (§5.1/§5.3),
// which action reads from b once decoded.
func decodeGrant(c *call, b any, action func() *string) (string, *apiError) {
	if err := c.decode(b); err != nil {
		return "", err
	}
	a := action()
	if a == nil || (*a != "grant" && *a != "revoke" && *a != "update") {
		return "", badRequest("Invalid action: it must be grant, revoke or update.")
	}
	return *a, nil
}

// authorizedObject is an object with its owner, resolved for a grant or a listing.
type authorizedObject struct {
	store.Object
	owner string // "" when the object has no owning user (connections)
}

// resolveObject finds the object of a notation: unknown objects (and columns a table does
// not have) are DLI.0002.
func (e *Server) resolveObject(c *call, o store.Object) (authorizedObject, *apiError) {
	switch o.Kind {
	case store.ObjectQueue:
		q, err := e.lookupQueue(c, o.Name, true)
		if err != nil {
			return authorizedObject{}, err
		}
		return authorizedObject{o, q.Owner}, nil
	case store.ObjectDatabase, store.ObjectTable, store.ObjectColumn:
		db, err := e.lookupDatabase(c, o.Name, true)
		if err != nil {
			return authorizedObject{}, err
		}
		if o.Kind == store.ObjectDatabase {
			return authorizedObject{o, db.Owner}, nil
		}
		t, terr := db.Table(o.TableName)
		if terr == nil && !e.visible(t.CreatedReal) {
			terr = &store.NotFoundError{Kind: store.KindTable, Name: o.TableName, In: db.Name}
		}
		if terr != nil {
			return authorizedObject{}, domainError(terr)
		}
		if o.Kind == store.ObjectColumn && t.ColumnIndex(o.Column) < 0 {
			return authorizedObject{}, newError(http.StatusBadRequest, "DLI.0002",
				fmt.Sprintf("There is no column named %s in table %s.%s.", o.Column, db.Name, t.Name))
		}
		return authorizedObject{o, t.Owner}, nil
	case store.ObjectFlinkJob:
		id, _ := strconv.ParseInt(o.Name, 10, 64)
		j, err := c.proj.FlinkJob(id)
		if err != nil {
			return authorizedObject{}, domainError(err)
		}
		return authorizedObject{o, j.UserName}, nil
	case store.ObjectConnection:
		conn, err := c.proj.LiveConnection(o.Name, c.nowMillis())
		if err == nil && !e.visible(conn.CreatedReal) {
			err = &store.NotFoundError{Kind: store.KindConnection, Name: o.Name}
		}
		if err != nil {
			return authorizedObject{}, domainError(err)
		}
		return authorizedObject{o, ""}, nil
	case store.ObjectGroup:
		if g := c.proj.PackageData().Groups[o.Name]; g != nil && o.Name != "" {
			return authorizedObject{o, g.Owner}, nil
		}
	case store.ObjectResource: // resources.<package> (ungrouped) or resources.<group>/<package>
		group, name, grouped := strings.Cut(o.Name, "/")
		if !grouped {
			group, name = "", o.Name
		}
		if pk, err := c.proj.PackageData().Package(group, name); err == nil && e.visible(pk.CreatedReal) {
			return authorizedObject{o, pk.Owner}, nil
		}
	}
	return authorizedObject{}, newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("There is no %s named %s.", o.Kind, o.Name))
}

// knownUser reports whether an IAM user of the account has this name: the caller, the
// object's owner or one of the emulated sub-users.
func (e *Server) knownUser(c *call, o authorizedObject, name string) bool {
	return name == c.user.UserName || name == o.owner || e.data.IsIAMUser(name)
}

// AddIAMUsers adds IAM sub-users to the emulated account, who may then receive privileges
// (a test hook; store.DefaultIAMUsers always exist).
func (e *Server) AddIAMUsers(names ...string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.data.AddIAMUsers(names...)
}

// noSuchUser is the documented unknown-user answer (§8.8's DLI.0002 message).
func noSuchUser(name string) *apiError {
	return newError(http.StatusBadRequest, "DLI.0002", "No such user. userName:"+name+".")
}

// ownerUnchangeable: the owner holds ALL implicitly; it cannot be revoked or replaced.
func ownerUnchangeable(o authorizedObject) *apiError {
	return newError(http.StatusBadRequest, "DLI.0007", fmt.Sprintf(
		"The privileges of %s on %s %s cannot be changed: it is the owner.", o.owner, o.Kind, o.Notation))
}

// authorization is one checked (object, privileges) item of a grant request.
type authorization struct {
	object     authorizedObject
	privileges []string
}

// applyAuthorization checks every item before applying any (the request is atomic).
func (e *Server) applyAuthorization(c *call, grantee, action string, items []authorization, projectGrant bool) result {
	for _, it := range items {
		if !projectGrant && !e.knownUser(c, it.object, grantee) {
			return fail(noSuchUser(grantee))
		}
		if err := store.ValidPrivileges(it.object.Object, it.privileges); err != nil {
			return failDomain(err)
		}
		if len(it.privileges) == 0 && action != "update" {
			return fail(badRequest("Invalid privileges for %s: the list may be empty only with action update.", it.object.Notation))
		}
		if grantee == it.object.owner && action != "grant" {
			return fail(ownerUnchangeable(it.object))
		}
	}
	d := c.proj.PrivilegeData()
	for _, it := range items {
		if grantee != it.object.owner { // the owner already holds ALL
			d.Authorize(it.object.Notation, grantee, action, it.privileges, c.real)
		}
	}
	return ok(success(""))
}

// registerAuthorizedQueue is §5.1 (RegisterAuthorizedQueue).
func (e *Server) registerAuthorizedQueue(c *call) result {
	var b queueAuthorizationBody
	action, aerr := decodeGrant(c, &b, func() *string { return b.Action })
	if aerr != nil {
		return fail(aerr)
	}
	if b.QueueName == nil || *b.QueueName == "" || b.UserName == nil || *b.UserName == "" || b.Privileges == nil {
		return fail(badRequest("queue_name, user_name and privileges are required."))
	}
	obj, verr := store.ParseObject("queues." + *b.QueueName)
	if verr != nil {
		return failDomain(verr)
	}
	o, err := e.resolveObject(c, obj)
	if err != nil {
		return fail(err)
	}
	return e.applyAuthorization(c, *b.UserName, action, []authorization{{o, b.Privileges}}, false)
}

// parseAuthorizations resolves the objects of a §5.3 or RunAuthorizationAction body; allow
// says which object kinds the API takes.
func (e *Server) parseAuthorizations(c *call, in []*objectPrivilegesBody, allow func(store.ObjectKind) bool) ([]authorization, *apiError) {
	if len(in) == 0 {
		return nil, badRequest("privileges is required.")
	}
	out := make([]authorization, 0, len(in))
	for _, p := range in {
		if p == nil || p.Object == nil || p.Privileges == nil {
			return nil, badRequest("privileges[].object and privileges[].privileges are required.")
		}
		obj, verr := store.ParseObject(*p.Object)
		if verr != nil {
			return nil, domainError(verr)
		}
		if !allow(obj.Kind) {
			return nil, badRequest("Invalid object %q: %s permissions are not granted through this API.", *p.Object, obj.Kind)
		}
		o, err := e.resolveObject(c, obj)
		if err != nil {
			return nil, err
		}
		out = append(out, authorization{o, p.Privileges})
	}
	return out, nil
}

// dataObject: the kinds §5.3 grants (queues use §5.1, connections go to projects).
func dataObject(k store.ObjectKind) bool {
	return k != store.ObjectQueue && k != store.ObjectConnection
}

// runDataAuthorizationAction is §5.3 (RunDataAuthorizationAction).
func (e *Server) runDataAuthorizationAction(c *call) result {
	var b dataAuthorizationBody
	action, aerr := decodeGrant(c, &b, func() *string { return b.Action })
	if aerr != nil {
		return fail(aerr)
	}
	if b.UserName == nil || *b.UserName == "" {
		return fail(badRequest("user_name is required."))
	}
	items, err := e.parseAuthorizations(c, b.Privileges, dataObject)
	if err != nil {
		return fail(err)
	}
	return e.applyAuthorization(c, *b.UserName, action, items, false)
}

// runAuthorizationAction is the SDK-only RunAuthorizationAction: a user grant like §5.3, or
// a project grant (projectId), which only enhanced connections take (§12.8).
func (e *Server) runAuthorizationAction(c *call) result {
	var b dataAuthorizationBody
	action, aerr := decodeGrant(c, &b, func() *string { return b.Action })
	if aerr != nil {
		return fail(aerr)
	}
	hasUser, hasProject := b.UserName != nil && *b.UserName != "", b.ProjectID != nil && *b.ProjectID != ""
	if hasUser == hasProject {
		return fail(badRequest("Exactly one of user_name and projectId is required."))
	}
	grantee, allow := "", dataObject
	if hasUser {
		grantee = *b.UserName
	} else {
		grantee = *b.ProjectID
		if !projectIDShape.MatchString(grantee) || grantee == c.projectID {
			return fail(badRequest("Invalid projectId %q: it must be the id of another project.", grantee))
		}
		allow = func(k store.ObjectKind) bool { return k == store.ObjectConnection }
	}
	items, err := e.parseAuthorizations(c, b.Privileges, allow)
	if err != nil {
		return fail(err)
	}
	return e.applyAuthorization(c, grantee, action, items, hasProject)
}

// grantEntries lists the visible grants on one object, the owner first (as admin with ALL).
func (e *Server) grantEntries(c *call, o authorizedObject, withObject bool) []privilegeEntry {
	out := []privilegeEntry{}
	object := ""
	if withObject {
		object = o.Notation
	}
	if o.owner != "" && o.Kind != store.ObjectColumn {
		out = append(out, privilegeEntry{IsAdmin: true, Object: object, UserName: o.owner, Privileges: []string{"ALL"}})
	}
	grants := c.proj.PrivilegeData().Grantees(o.Notation)
	names := make([]string, 0, len(grants))
	for name, g := range grants {
		if e.visible(g.CreatedReal) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		out = append(out, privilegeEntry{Object: object, UserName: name, Privileges: slices.Clone(grants[name].Privileges)})
	}
	return out
}

// page applies the optional offset/limit of §5.2 and §5.7 (the SDK sends neither).
func page[T any](c *call, items []T) ([]T, *apiError) {
	offset, limit, err := c.pageParams(len(items), 1)
	if err != nil {
		return nil, err
	}
	return pageOf(items, offset, limit), nil
}

// resolvePath resolves an object built from path parameters.
func (e *Server) resolvePath(c *call, notation string) (authorizedObject, *apiError) {
	obj, verr := store.ParseObject(notation)
	if verr != nil {
		return authorizedObject{}, domainError(verr)
	}
	return e.resolveObject(c, obj)
}

// listQueueUsers is §5.2 (ListQueueUsers).
func (e *Server) listQueueUsers(c *call) result {
	o, err := e.resolvePath(c, "queues."+c.path("queue_name"))
	if err != nil {
		return fail(err)
	}
	entries, err := page(c, e.grantEntries(c, o, false))
	if err != nil {
		return fail(err)
	}
	return ok(listQueueUsersResponse{successBody: success(""), QueueName: o.Name, Privileges: entries})
}

// listDatabaseUsers is §5.4 (ListDatabaseUsers): grants on the database itself only.
func (e *Server) listDatabaseUsers(c *call) result {
	o, err := e.resolvePath(c, "databases."+c.path("database_name"))
	if err != nil {
		return fail(err)
	}
	return ok(listDatabaseUsersResponse{successBody: success(""), DatabaseName: o.Name, Privileges: e.grantEntries(c, o, false)})
}

// tableAndColumnEntries lists the grants on a table and on each of its columns.
func (e *Server) tableAndColumnEntries(c *call) ([]privilegeEntry, *apiError) {
	o, err := e.resolvePath(c, "databases."+c.path("database_name")+".tables."+c.path("table_name"))
	if err != nil {
		return nil, err
	}
	entries := e.grantEntries(c, o, true)
	db, _ := c.proj.Database(o.Name)
	t, _ := db.Table(o.TableName)
	for _, col := range t.Columns {
		co := authorizedObject{Object: store.Object{Kind: store.ObjectColumn, Notation: o.Notation + ".columns." + strings.ToLower(col.Name)}, owner: o.owner}
		entries = append(entries, e.grantEntries(c, co, true)...)
	}
	return entries, nil
}

// listTableUsers is §5.5 (ListTableUsers): one entry per (user, table or column).
func (e *Server) listTableUsers(c *call) result {
	entries, err := e.tableAndColumnEntries(c)
	if err != nil {
		return fail(err)
	}
	return ok(listTableUsersResponse{successBody: success(""), Privileges: entries})
}

// listTablePrivileges is §5.6 (ListTablePrivileges): one user's entries of §5.5.
func (e *Server) listTablePrivileges(c *call) result {
	entries, err := e.tableAndColumnEntries(c)
	if err != nil {
		return fail(err)
	}
	user := c.path("user_name")
	out := []tablePrivilege{}
	known := user == c.user.UserName || e.data.IsIAMUser(user)
	for _, en := range entries {
		if en.UserName == user {
			known = true
			out = append(out, tablePrivilege{Object: en.Object, Privileges: en.Privileges})
		}
	}
	if !known {
		return fail(noSuchUser(user))
	}
	return ok(listTablePrivilegesResponse{successBody: success(""), UserName: user, Privileges: out})
}

// authorizationObjectTypes are §5.7's object types and the object_type reported (only
// "flink" is documented; dli-part3.md section 1.7).
var authorizationObjectTypes = map[store.ObjectKind]string{
	store.ObjectFlinkJob: "flink", store.ObjectGroup: "group", store.ObjectResource: "resource",
}

// listAuthorizationPrivileges is §5.7 (ListAuthorizationPrivileges): Flink jobs, package
// groups and packages only.
func (e *Server) listAuthorizationPrivileges(c *call) result {
	obj, verr := store.ParseObject(c.query("object"))
	if verr != nil {
		return failDomain(verr)
	}
	objectType, supported := authorizationObjectTypes[obj.Kind]
	if !supported {
		return fail(badRequest("user input validation failed, object_type %s is not supported now", obj.Kind))
	}
	o, err := e.resolveObject(c, obj)
	if err != nil {
		return fail(err)
	}
	all := e.grantEntries(c, o, true)
	entries, err := page(c, all)
	if err != nil {
		return fail(err)
	}
	return ok(listAuthorizationPrivilegesResponse{successBody: success(""), ObjectName: o.Name, ObjectType: objectType,
		Count: len(all), Privileges: entries})
}

// connectionGrants are the project grants on an enhanced connection (§12.8).
func connectionGrants(c *call, id string) []connectionGrant {
	object := "edsconnections." + id
	grants := c.proj.PrivilegeData().Grantees(object)
	out := []connectionGrant{}
	for project, g := range grants {
		out = append(out, connectionGrant{Object: object, ApplicantProjectID: project, Privileges: slices.Clone(g.Privileges)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ApplicantProjectID < out[j].ApplicantProjectID })
	return out
}
