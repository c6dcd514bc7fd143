package httpapi

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// lookupDatabase finds a database by (case-insensitive) name; visibleOnly applies the
// consistency delay (for reads).
func (e *Server) lookupDatabase(c *call, name string, visibleOnly bool) (*database, *apiError) {
	db, err := c.proj.Database(name)
	if err == nil && visibleOnly && !e.visible(db.CreatedReal) {
		err = &store.NotFoundError{Kind: store.KindDatabase, Name: db.Name}
	}
	if err != nil {
		return nil, domainError(err)
	}
	return db, nil
}

type createDatabaseBody struct {
	DatabaseName        *string         `json:"database_name"`
	Description         *string         `json:"description"`
	EnterpriseProjectID *string         `json:"enterprise_project_id"`
	Tags                []*queueTagBody `json:"tags"`
}

// parseTags validates §7.1.1/§7.2.1 tags: key and value both required.
func parseTags(in []*queueTagBody) ([]queueTag, *apiError) {
	out := []queueTag{}
	for i, t := range in {
		if t == nil || t.Key == nil || *t.Key == "" {
			return nil, badRequest("tags[%d].key is required.", i)
		}
		if t.Value == nil || *t.Value == "" {
			return nil, badRequest("tags[%d].value is required.", i)
		}
		out = append(out, queueTag{Key: *t.Key, Value: *t.Value})
	}
	return out, nil
}

func (e *Server) createDatabase(c *call) result {
	e.settleSQLJobs(c)
	var b createDatabaseBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.DatabaseName == nil {
		return fail(badRequest("database_name is required."))
	}
	if err := validDatabaseName(*b.DatabaseName); err != nil {
		return fail(err)
	}
	tags, err := parseTags(b.Tags)
	if err != nil {
		return fail(err)
	}
	name := strings.ToLower(*b.DatabaseName)
	if c.proj.Databases[name] != nil {
		return failDomain(&store.ConflictError{Kind: store.KindDatabase, Name: name})
	}
	db := store.NewDatabase(name, c.user.UserName, c.nowMillis())
	db.CreatedReal = c.real
	db.Tags = tags
	if b.Description != nil {
		db.Description = *b.Description
	}
	if b.EnterpriseProjectID != nil && *b.EnterpriseProjectID != "" {
		db.EnterpriseProjectID = *b.EnterpriseProjectID
	}
	c.proj.Databases[name] = db
	return ok(success(""))
}

// databaseItem is a §7.1.3 list item (the SDK's model.Database).
type databaseItem struct {
	DatabaseName        string `json:"database_name"`
	Owner               string `json:"owner"`
	TableNumber         int    `json:"table_number"`
	Description         string `json:"description"`
	EnterpriseProjectID string `json:"enterprise_project_id"`
	ResourceID          string `json:"resource_id"`
}

// boolParam validates an optional boolean query parameter ("true"/"false").
func (c *call) boolParam(name string) (bool, *apiError) {
	if !c.hasQuery(name) {
		return false, nil
	}
	switch strings.ToLower(strings.TrimSpace(c.query(name))) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, badRequest("Invalid value for %s: %q is not a boolean.", name, c.query(name))
}

func (e *Server) listDatabases(c *call) result {
	e.settleSQLJobs(c)
	if _, err := c.boolParam("with-priv"); err != nil {
		return fail(err)
	}
	offset, limit, err := c.pageParams(0, 0)
	if err != nil {
		return fail(err)
	}
	keyword := strings.ToLower(c.query("keyword"))
	tagFilter := c.query("tags")
	items := []databaseItem{}
	for _, db := range c.proj.Databases {
		if !e.visible(db.CreatedReal) || !strings.Contains(db.Name, keyword) {
			continue
		}
		if tagFilter != "" && !strings.Contains(tagsString(db.Tags), tagFilter) {
			continue
		}
		items = append(items, databaseItem{
			DatabaseName: db.Name, Owner: db.Owner, TableNumber: e.visibleTables(db), Description: db.Description,
			EnterpriseProjectID: db.EnterpriseProjectID, ResourceID: db.ResourceID,
		})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].DatabaseName < items[j].DatabaseName })
	total := len(items)
	items = items[min(offset, len(items)):]
	if limit > 0 && limit < len(items) {
		items = items[:limit]
	}
	return ok(listDatabasesResponse{IsSuccess: true, DatabaseCount: total, Databases: items})
}

func (e *Server) visibleTables(db *database) int {
	n := 0
	for _, t := range db.Tables {
		if e.visible(t.CreatedReal) {
			n++
		}
	}
	return n
}

func (e *Server) deleteDatabase(c *call) result {
	e.settleSQLJobs(c)
	cascade, err := c.boolParam("cascade")
	if err != nil {
		return fail(err)
	}
	async, err := c.boolParam("async")
	if err != nil {
		return fail(err)
	}
	db, err := e.lookupDatabase(c, c.path("database_name"), false)
	if err != nil {
		return fail(err)
	}
	if db.Name == defaultDatabase {
		return fail(newError(http.StatusBadRequest, "DLI.0007", "The built-in database default cannot be deleted."))
	}
	if len(db.Tables) > 0 && !cascade {
		return fail(newError(http.StatusBadRequest, "DLI.0007", fmt.Sprintf(
			"Database %s is not empty: it has %d table(s). Delete its tables first, or delete it with cascade=true.", db.Name, len(db.Tables))))
	}
	if async {
		sql := "DROP DATABASE " + db.Name
		if cascade {
			sql += " CASCADE"
		}
		job := e.startInternalJob(c, sql, "")
		return ok(ddlJobResponse{IsSuccess: true, JobID: job.ID, JobType: "DDL", JobMode: "async"})
	}
	delete(c.proj.Databases, db.Name)
	c.proj.DropPrivileges("databases." + db.Name) // permissions: grants go with the object
	return ok(ddlJobResponse{IsSuccess: true, JobMode: "sync"})
}

type updateOwnerBody struct {
	NewOwner *string `json:"new_owner"`
}

// ownerName is the shape of an IAM user name the emulator accepts as a sub-user.
var ownerName = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

func (e *Server) updateDatabaseOwner(c *call) result {
	e.settleSQLJobs(c)
	var b updateOwnerBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.NewOwner == nil || *b.NewOwner == "" {
		return fail(badRequest("new_owner is required."))
	}
	if !ownerName.MatchString(*b.NewOwner) {
		return fail(badRequest("Invalid new_owner %q: it must be the name of a sub-user of the current tenant.", *b.NewOwner))
	}
	db, err := e.lookupDatabase(c, c.path("database_name"), false)
	if err != nil {
		return fail(err)
	}
	if db.Name == defaultDatabase {
		return fail(newError(http.StatusBadRequest, "DLI.0007", "The owner of the built-in database default cannot be changed."))
	}
	db.Owner = *b.NewOwner
	return ok(success(""))
}
