// Package emulator is a local, in-process emulator of the Huawei Cloud Data Lake Insight
// (DLI), DataArts Studio and IAM APIs used by the huaweidata Terraform provider.
//
// This package is the facade: the Go API tests and the command use. The emulator itself is
// layered like a service (README.md, "Layout"):
//
//	httpapi   routes, auth, faults, admin, wire DTOs, handlers
//	store     state, clock, persistence (no net/http)
//	sparksql  the Spark SQL lexer, parser and AST (no catalog)
//
// Imports point down only: emulator → httpapi → store, sparksql.
package emulator

import "github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/httpapi"

// Demo credentials, project and DataArts ids used when Options leaves them empty.
const (
	DemoAccessKey           = httpapi.DemoAccessKey
	DemoSecretKey           = httpapi.DemoSecretKey
	DemoRegion              = httpapi.DemoRegion
	DemoProjectID           = httpapi.DemoProjectID
	DemoDataArtsInstanceID  = httpapi.DemoDataArtsInstanceID
	DemoDataArtsWorkspaceID = httpapi.DemoDataArtsWorkspaceID
)

// AdminHeader must be "1" on every state-changing /_emulator/ request.
const AdminHeader = httpapi.AdminHeader

// Phases of a forced Flink failure (FailNextFlinkRun).
const (
	FlinkFailSubmit  = httpapi.FlinkFailSubmit
	FlinkFailRunning = httpapi.FlinkFailRunning
	FlinkFailStop    = httpapi.FlinkFailStop
)

// Kinds of DataArts assets in a fixture.
const (
	AssetTable = httpapi.AssetTable
	AssetNode  = httpapi.AssetNode
	AssetOther = httpapi.AssetOther
)

// DemoOrdersRawGUID is the lineage GUID of the demo pipeline's demo_db.orders_raw table.
var DemoOrdersRawGUID = httpapi.DemoOrdersRawGUID

// The emulator and its configuration.
type (
	// Emulator is an http.Handler serving the emulated APIs and the /_emulator/ admin API.
	Emulator = httpapi.Server
	// Options configures an Emulator.
	Options = httpapi.Options
	// Faults configures fault injection, the rate limit and the consistency delay.
	Faults = httpapi.Faults
	// Replacement is a canned response for the next requests of an operation.
	Replacement = httpapi.Replacement
)

// Inventory types (GET /_emulator/inventory).
type (
	Inventory           = httpapi.Inventory
	ProjectInventory    = httpapi.ProjectInventory
	InventoryQueue      = httpapi.InventoryQueue
	InventoryDatabase   = httpapi.InventoryDatabase
	InventoryTable      = httpapi.InventoryTable
	InventoryVariable   = httpapi.InventoryVariable
	InventoryFlinkJob   = httpapi.InventoryFlinkJob
	InventoryBatch      = httpapi.InventoryBatch
	InventorySQLJob     = httpapi.InventorySQLJob
	InventoryConnection = httpapi.InventoryConnection
	InventoryTemplate   = httpapi.InventoryTemplate // job templates: SQL, Spark, Flink
)

// Flink test hooks.
type (
	FlinkFailure    = httpapi.FlinkFailure
	FlinkJobHistory = httpapi.FlinkJobHistory
	FlinkRecords    = httpapi.FlinkRecords
	FlinkRunRecord  = httpapi.FlinkRunRecord
	FlinkStopRecord = httpapi.FlinkStopRecord
)

// DataArts fixture types.
type (
	DataArtsFixture = httpapi.DataArtsFixture
	LineageAsset    = httpapi.LineageAsset
	Relation        = httpapi.Relation
	RelationMapping = httpapi.RelationMapping
	NodeTask        = httpapi.NodeTask
	GenerateSpec    = httpapi.GenerateSpec
)

// New creates an Emulator, loading Options.StateFile if it exists.
func New(opts Options) (*Emulator, error) { return httpapi.New(opts) }

// Operations returns the names of every operation the emulator serves, sorted.
func Operations() []string { return httpapi.Operations() }

// GeneratedTableGUID is the GUID of table i of the built-in fixture's generated graph.
func GeneratedTableGUID(i int) string { return httpapi.GeneratedTableGUID(i) }

// GeneratedNodeGUID is the GUID of job node i of the built-in fixture's generated graph.
func GeneratedNodeGUID(i int) string { return httpapi.GeneratedNodeGUID(i) }

// DefaultDataArtsFixture returns the built-in DataArts fixture.
func DefaultDataArtsFixture() DataArtsFixture { return httpapi.DefaultDataArtsFixture() }

// LoadDataArtsFixtureFile reads a DataArts fixture file.
func LoadDataArtsFixtureFile(path string) (DataArtsFixture, error) {
	return httpapi.LoadDataArtsFixtureFile(path)
}
