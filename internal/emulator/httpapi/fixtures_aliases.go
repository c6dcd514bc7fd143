package httpapi

import "github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/fixtures"

// Aliases for the DataArts fixture types and constants of package fixtures.
type (
	DataArtsFixture = fixtures.DataArtsFixture
	GenerateSpec    = fixtures.GenerateSpec
	LineageAsset    = fixtures.LineageAsset
	NodeTask        = fixtures.NodeTask
	Relation        = fixtures.Relation
	RelationMapping = fixtures.RelationMapping
)

const (
	DemoDataArtsInstanceID  = fixtures.DemoDataArtsInstanceID
	DemoDataArtsWorkspaceID = fixtures.DemoDataArtsWorkspaceID
	AssetTable              = fixtures.AssetTable
	AssetNode               = fixtures.AssetNode
	AssetOther              = fixtures.AssetOther
)

// DemoOrdersRawGUID is the lineage GUID of the demo pipeline's demo_db.orders_raw table.
var DemoOrdersRawGUID = fixtures.DemoOrdersRawGUID

// GeneratedTableGUID is the GUID of item i of the built-in fixture's generated graph.
func GeneratedTableGUID(i int) string { return fixtures.GeneratedTableGUID(i) }

// GeneratedNodeGUID is the GUID of item i of the built-in fixture's generated graph.
func GeneratedNodeGUID(i int) string { return fixtures.GeneratedNodeGUID(i) }

// DefaultDataArtsFixture returns the built-in DataArts fixture.
func DefaultDataArtsFixture() DataArtsFixture { return fixtures.DefaultDataArtsFixture() }

// LoadDataArtsFixtureFile reads a DataArts fixture file.
func LoadDataArtsFixtureFile(path string) (DataArtsFixture, error) {
	return fixtures.LoadDataArtsFixtureFile(path)
}
