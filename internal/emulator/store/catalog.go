package store

import (
	"strings"
	"time"
)

// DefaultDatabase is DLI's built-in database (§7.1.1): listed, never created or dropped.
const DefaultDatabase = "default"

// Database is a stored SQL database with its tables. Times are emulated epoch ms.
type Database struct {
	Name                string            `json:"database_name"`
	Description         string            `json:"description"`
	Owner               string            `json:"owner"`
	EnterpriseProjectID string            `json:"enterprise_project_id"`
	ResourceID          string            `json:"resource_id"`
	Tags                []Tag             `json:"tags"`
	CreateTime          int64             `json:"create_time"`
	Tables              map[string]*Table `json:"tables"` // lowercase name -> table
	CreatedReal         time.Time         `json:"-"`      // real creation time, for the consistency delay
}

func NewDatabase(name, owner string, now int64) *Database {
	return &Database{
		Name: name, Owner: owner, EnterpriseProjectID: "0", ResourceID: NewUUID(), Tags: []Tag{},
		CreateTime: now, Tables: map[string]*Table{},
	}
}

// InitCatalog makes sure the built-in database exists.
func (p *Project) InitCatalog() {
	if p.Databases == nil {
		p.Databases = map[string]*Database{}
	}
	if p.SQLJobs == nil {
		p.SQLJobs = map[string]*SQLJob{}
	}
	if p.Databases[DefaultDatabase] == nil {
		db := NewDatabase(DefaultDatabase, "dli_system", 0)
		db.Description = "Built-in database"
		p.Databases[DefaultDatabase] = db
	}
	for _, db := range p.Databases {
		if db.Tables == nil {
			db.Tables = map[string]*Table{}
		}
	}
}

// ValidDatabaseName applies §7.1.1: letters, digits and '_', not all digits, not starting
// with '_', at most 128 characters, and not the built-in "default".
func ValidDatabaseName(name string) *ValidationError {
	if err := ValidName("database_name", name); err != nil {
		return err
	}
	if strings.EqualFold(name, DefaultDatabase) {
		return invalid("Invalid database_name %q: default is a built-in database and cannot be created.", name)
	}
	return nil
}

// Database returns the database named name (case-insensitive).
func (p *Project) Database(name string) (*Database, error) {
	db := p.Databases[strings.ToLower(name)]
	if db == nil {
		return nil, &NotFoundError{Kind: KindDatabase, Name: strings.ToLower(name)}
	}
	return db, nil
}

// Table returns the database's table named name (case-insensitive).
func (db *Database) Table(name string) (*Table, error) {
	t := db.Tables[strings.ToLower(name)]
	if t == nil {
		return nil, &NotFoundError{Kind: KindTable, Name: strings.ToLower(name), In: db.Name}
	}
	return t, nil
}
