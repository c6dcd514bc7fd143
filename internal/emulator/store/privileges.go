package store

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// Permissions (seed §5, dli-part3.md section 1): the privileges a grantee (an IAM user,
// or a project for enhanced connections) holds on one object, keyed by the object's
// notation. Owners are not stored: the HTTP layer lists an object's owner as an admin
// holding ALL, and their privileges can be neither granted nor revoked.

// ObjectKind is the kind of an authorised object.
type ObjectKind string

// Object kinds of the permission notation.
const (
	ObjectQueue      ObjectKind = "queue"
	ObjectDatabase   ObjectKind = "database"
	ObjectTable      ObjectKind = "table"
	ObjectColumn     ObjectKind = "column"
	ObjectFlinkJob   ObjectKind = "flink job"
	ObjectGroup      ObjectKind = "package group"
	ObjectResource   ObjectKind = "package"
	ObjectConnection ObjectKind = "enhanced connection"
)

// Object is a parsed object notation.
type Object struct {
	Kind      ObjectKind
	Name      string // queue, database, job id, group, package or connection id
	TableName string // for tables and columns
	Column    string // for columns
	Notation  string // the canonical notation (queue, database, table and column names lowercased)
}

var (
	objectSegment = regexp.MustCompile(`^[A-Za-z0-9_]{1,128}$`)
	packageName   = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}(/[A-Za-z0-9_!.-]{1,128})?$`)
	connectionID  = regexp.MustCompile(`^[A-Za-z0-9-]{1,64}$`)
	dataPrivilege = regexp.MustCompile(`^[A-Z][A-Z_]*$`)
)

// ParseObject parses an object notation: queues.<q>, databases.<db>[.tables.<t>[.columns.<c>]],
// jobs.flink.<id>, groups.<g>, resources.<r> (or resources.<g>/<r>) and edsconnections.<id>.
func ParseObject(s string) (Object, *ValidationError) {
	bad := invalid("Invalid object %q: it must be queues.<queue>, databases.<database>, databases.<database>.tables.<table>, "+
		"databases.<database>.tables.<table>.columns.<column>, jobs.flink.<job_id>, groups.<group>, resources.<package> "+
		"or edsconnections.<connection_id>.", s)
	head, rest, _ := strings.Cut(s, ".")
	switch head {
	case "queues":
		if !objectSegment.MatchString(rest) {
			return Object{}, bad
		}
		return Object{Kind: ObjectQueue, Name: strings.ToLower(rest), Notation: "queues." + strings.ToLower(rest)}, nil
	case "databases":
		return parseDataObject(strings.Split(rest, "."), bad)
	case "jobs":
		id, found := strings.CutPrefix(rest, "flink.")
		if !found || id == "" || strings.Trim(id, "0123456789") != "" {
			return Object{}, bad
		}
		return Object{Kind: ObjectFlinkJob, Name: id, Notation: s}, nil
	case "groups", "resources":
		if !packageName.MatchString(rest) || (head == "groups" && strings.Contains(rest, "/")) {
			return Object{}, bad
		}
		kind := ObjectGroup
		if head == "resources" {
			kind = ObjectResource
		}
		return Object{Kind: kind, Name: rest, Notation: s}, nil
	case "edsconnections":
		if !connectionID.MatchString(rest) {
			return Object{}, bad
		}
		return Object{Kind: ObjectConnection, Name: rest, Notation: s}, nil
	}
	return Object{}, bad
}

func parseDataObject(parts []string, bad *ValidationError) (Object, *ValidationError) {
	for i, p := range parts {
		if i%2 == 0 && !objectSegment.MatchString(p) {
			return Object{}, bad
		}
	}
	db := strings.ToLower(parts[0])
	switch {
	case len(parts) == 1:
		return Object{Kind: ObjectDatabase, Name: db, Notation: "databases." + db}, nil
	case len(parts) == 3 && parts[1] == "tables":
		t := strings.ToLower(parts[2])
		return Object{Kind: ObjectTable, Name: db, TableName: t,
			Notation: "databases." + db + ".tables." + t}, nil
	case len(parts) == 5 && parts[1] == "tables" && parts[3] == "columns":
		t, col := strings.ToLower(parts[2]), strings.ToLower(parts[4])
		return Object{Kind: ObjectColumn, Name: db, TableName: t, Column: col,
			Notation: "databases." + db + ".tables." + t + ".columns." + col}, nil
	}
	return Object{}, bad
}

// QueuePrivileges are the queue privileges of §5.1 (a superset of the SDK's three).
var QueuePrivileges = []string{"SUBMIT_JOB", "CANCEL_JOB", "DROP_QUEUE", "GRANT_PRIVILEGE", "REVOKE_PRIVILEGE",
	"SHOW_PRIVILEGE", "RESTART", "SCALE_QUEUE"}

// ValidPrivileges checks privilege names for an object kind: §5.1's list for queues,
// SELECT only on columns, BIND_QUEUE on connections (§12.8), and upper-snake-case names
// elsewhere (neither the seed nor the SDK closes those lists; ALL is the owner's).
func ValidPrivileges(o Object, privileges []string) *ValidationError {
	for _, p := range privileges {
		ok := false
		switch o.Kind {
		case ObjectQueue:
			ok = slices.Contains(QueuePrivileges, p)
		case ObjectColumn:
			ok = p == "SELECT"
		case ObjectConnection:
			ok = p == "BIND_QUEUE"
		default:
			ok = dataPrivilege.MatchString(p) && p != "ALL"
		}
		if !ok {
			return invalid("Invalid privilege %q for %s %s.", p, o.Kind, o.Notation)
		}
	}
	return nil
}

// PrivilegeData is the permission store of a project.
type PrivilegeData struct {
	// Grants: object notation -> grantee -> grant.
	Grants map[string]map[string]*Grant `json:"grants"`
}

// Grant is what one grantee holds on one object.
type Grant struct {
	Privileges  []string  `json:"privileges"` // sorted, no duplicates
	CreatedReal time.Time `json:"-"`          // when the grantee first got a privilege here, for the consistency delay
}

// PrivilegeData returns (creating if needed) the project's permission store.
func (p *Project) PrivilegeData() *PrivilegeData {
	if p.Privileges == nil {
		p.Privileges = &PrivilegeData{}
	}
	if p.Privileges.Grants == nil {
		p.Privileges.Grants = map[string]map[string]*Grant{}
	}
	return p.Privileges
}

// Authorize applies grant, revoke or update (replace) of privileges to grantee on the object,
// at real time realNow (for the consistency delay). A grantee left with nothing is dropped.
func (d *PrivilegeData) Authorize(object, grantee, action string, privileges []string, realNow time.Time) {
	byGrantee := d.Grants[object]
	if byGrantee == nil {
		byGrantee = map[string]*Grant{}
		d.Grants[object] = byGrantee
	}
	g := byGrantee[grantee]
	var have []string
	if g != nil {
		have = g.Privileges
	}
	var next []string
	switch action {
	case "grant":
		next = append(slices.Clone(have), privileges...)
	case "revoke":
		for _, p := range have {
			if !slices.Contains(privileges, p) {
				next = append(next, p)
			}
		}
	default: // update
		next = slices.Clone(privileges)
	}
	sort.Strings(next)
	next = slices.Compact(next)
	switch {
	case len(next) == 0:
		delete(byGrantee, grantee)
		if len(byGrantee) == 0 {
			delete(d.Grants, object)
		}
	case g == nil:
		byGrantee[grantee] = &Grant{Privileges: next, CreatedReal: realNow}
	default:
		g.Privileges = next
	}
}

// Grantees returns the grants on one object, by grantee.
func (d *PrivilegeData) Grantees(object string) map[string]*Grant { return d.Grants[object] }

// DropPrivileges forgets every grant on the object and on the objects inside it (a
// database's tables and columns, a table's columns): called when the object is dropped.
func (p *Project) DropPrivileges(object string) {
	if p.Privileges == nil {
		return
	}
	object = strings.ToLower(object)
	for o := range p.Privileges.Grants {
		if o == object || strings.HasPrefix(o, object+".") {
			delete(p.Privileges.Grants, o)
		}
	}
}

// DefaultIAMUsers are the IAM sub-users every emulated account has, besides the caller,
// the objects' owners and the users added with AddIAMUsers; any other grantee is "No such user".
var DefaultIAMUsers = []string{"analyst", "data_engineer", "auditor", "etl_service", "reporting"}

// AddIAMUsers adds sub-users to the emulated account.
func (s *State) AddIAMUsers(names ...string) {
	for _, n := range names {
		if !slices.Contains(s.IAMUsers, n) {
			s.IAMUsers = append(s.IAMUsers, n)
		}
	}
}

// IsIAMUser reports whether the account has a sub-user of this name (DefaultIAMUsers or added).
func (s *State) IsIAMUser(name string) bool {
	return slices.Contains(DefaultIAMUsers, name) || slices.Contains(s.IAMUsers, name)
}
