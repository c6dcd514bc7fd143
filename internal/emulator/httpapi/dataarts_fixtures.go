package httpapi

import (
	"bytes"
	"crypto/sha1" //nolint:gosec // stable ids, not security
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"time"
)

// DataArts Studio has no create APIs for lineage, relations or operator instances: the
// emulator serves them from a fixture. The default fixture is built from the seed examples,
// a small demo pipeline (demo_db.orders_raw -> orders_clean -> orders_daily) and a generated
// 1,000-table graph; -fixtures / Options.DataArtsFixtures and the admin API replace it.

// Instance and workspace of the default fixture (seed 001's instance, seed 000's workspace).
const (
	DemoDataArtsInstanceID  = "dd97167b873d4a79b2aad54d4370a3bc"
	DemoDataArtsWorkspaceID = "b88c445407b24283aa949f9833a38fd8"
)

// Asset kinds in a fixture.
const (
	AssetTable = "table" // a data set: an endpoint of table lineage
	AssetNode  = "node"  // a job operator (job node): reads its inputs, writes its outputs
	AssetOther = "other" // anything else (job, schema, database): only in raw relationships
)

// DataArtsFixture is the DataArts metadata the emulator serves (JSON; see README.md).
type DataArtsFixture struct {
	// InstanceID, when set, is the only DataArts instance the DataMap APIs accept in the
	// instance header; WorkspaceID likewise for the Architecture API's workspace header.
	InstanceID  string `json:"instance_id,omitempty"`
	WorkspaceID string `json:"workspace_id,omitempty"`

	Assets []LineageAsset `json:"assets,omitempty"`
	// Relationships are extra asset-lineage relationships (e.g. PARENT_CHILD) in the wire
	// form of seed 001's Lineage object; they are returned as they are.
	Relationships []map[string]any `json:"relationships,omitempty"`
	Relations     []Relation       `json:"relations,omitempty"`
	NodeTasks     []NodeTask       `json:"node_instances,omitempty"`

	// Generate adds generated data when the fixture is loaded.
	Generate *GenerateSpec `json:"generate,omitempty"`
}

// LineageAsset is a table, a job operator or another asset of the lineage graph.
type LineageAsset struct {
	GUID            string         `json:"guid"`
	Kind            string         `json:"kind,omitempty"` // table (default), node or other
	TypeName        string         `json:"type_name"`      // entity type, e.g. dli.Table, dlf.dli_sql
	TypeDisplayName string         `json:"type_display_name,omitempty"`
	Name            string         `json:"name"`                // display_text, attributes.name, bulk node_name
	QualifiedName   string         `json:"qualified_name"`      // attributes.qualifiedName
	BulkType        string         `json:"bulk_type,omitempty"` // type in bulk rows (dli_table_managed, dli_sql_node); default type_name
	Database        string         `json:"database,omitempty"`  // bulk source_db/target_db
	Schema          string         `json:"schema,omitempty"`    // bulk *_schema; "" is null
	Table           string         `json:"table,omitempty"`     // bulk *_table; default name
	WorkspaceID     string         `json:"workspace_id,omitempty"`
	SuperTypeNames  []string       `json:"super_type_names,omitempty"`
	Attributes      map[string]any `json:"attributes,omitempty"`
	CreateTime      string         `json:"create_time,omitempty"`
	Inputs          []string       `json:"inputs,omitempty"`  // nodes: GUIDs of the tables read
	Outputs         []string       `json:"outputs,omitempty"` // nodes: GUIDs of the tables written
}

// Relation is an Architecture relationship (seed 003 RelationVO), in wire form.
type Relation struct {
	ID              string            `json:"id"`
	SourceTableID   string            `json:"source_table_id"`
	TargetTableID   string            `json:"target_table_id"`
	Name            string            `json:"name"`
	SourceTableName string            `json:"source_table_name"`
	TargetTableName string            `json:"target_table_name"`
	Role            *string           `json:"role"`
	TenantID        string            `json:"tenant_id"`
	SourceType      string            `json:"source_type"`
	TargetType      string            `json:"target_type"`
	CreateBy        string            `json:"create_by"`
	UpdateBy        string            `json:"update_by"`
	CreateTime      string            `json:"create_time"`
	UpdateTime      string            `json:"update_time"`
	Mappings        []RelationMapping `json:"mappings"`
}

// RelationMapping is one field mapping of a relation (RelationMappingVO).
type RelationMapping struct {
	ID              string `json:"id"`
	RelationID      string `json:"relation_id"`
	SourceFieldID   string `json:"source_field_id"`
	TargetFieldID   string `json:"target_field_id"`
	SourceFieldName string `json:"source_field_name"`
	TargetFieldName string `json:"target_field_name"`
	CreateBy        string `json:"create_by"`
	UpdateBy        string `json:"update_by"`
	CreateTime      string `json:"create_time"`
	UpdateTime      string `json:"update_time"`
}

// NodeTask holds the running instances of one job operator (seed 002).
type NodeTask struct {
	TaskID  string           `json:"task_id"`
	JobName string           `json:"job_name"`
	Rows    []map[string]any `json:"rows,omitempty"` // the decoded body's rows; planTime (epoch ms) places them in time
	// RawBody, when set, is sent verbatim as the body string (a broken back end), and
	// StatusCode as status_code (default 200).
	RawBody    *string `json:"raw_body,omitempty"`
	StatusCode int     `json:"status_code,omitempty"`
}

// GenerateSpec asks for generated data on top of a fixture's own.
type GenerateSpec struct {
	// LineageTables is the size of a generated lineage graph in database gen_db: table i
	// is read by operator i, which writes tables 2i+1 and 2i+2 (a binary tree); operator i
	// with i%10 == 1 also writes table i+1 (diamonds), and operator i with i%25 == 5 also
	// writes the grandparent of table i (cycles: t0 -> t2 -> t5 -> t0). Operators without
	// outputs are not generated.
	LineageTables int `json:"lineage_tables,omitempty"`
	Relations     int `json:"relations,omitempty"`      // generated Architecture relations
	NodeInstances int `json:"node_instances,omitempty"` // hourly instances of seed 002's ETL_Job_dli2dws from 2024-01-01
}

// GeneratedTableGUID and GeneratedNodeGUID are the GUIDs of the generated graph.
func GeneratedTableGUID(i int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", i) }

// GeneratedNodeGUID is the GUID of generated operator i.
func GeneratedNodeGUID(i int) string { return fmt.Sprintf("00000000-0000-4000-9000-%012d", i) }

// dataArtsIndex is a loaded fixture with its lookup tables. Read under e.mu.
type dataArtsIndex struct {
	fx      DataArtsFixture // with generated data expanded
	assets  map[string]*LineageAsset
	nodes   []*LineageAsset            // job operators in fixture order (bulk pages)
	readers map[string][]*LineageAsset // table GUID -> operators reading it
	writers map[string][]*LineageAsset // table GUID -> operators writing it
	extra   map[string][]map[string]any
}

// dataArtsState is the emulator's DataArts fixture: the one loaded at start (restored by
// reset) and the current one.
type dataArtsState struct {
	start DataArtsFixture
	cur   *dataArtsIndex
}

// initDataArts loads Options.DataArtsFixtures, or the default fixture.
func (e *Server) initDataArts() error {
	fx := DefaultDataArtsFixture()
	if e.opts.DataArtsFixtures != "" {
		var err error
		if fx, err = LoadDataArtsFixtureFile(e.opts.DataArtsFixtures); err != nil {
			return err
		}
	}
	idx, err := indexDataArts(fx)
	if err != nil {
		return fmt.Errorf("emulator: DataArts fixture: %w", err)
	}
	e.dataarts = dataArtsState{start: fx, cur: idx}
	return nil
}

// resetDataArtsLocked restores the fixture loaded at start; e.mu is held.
func (e *Server) resetDataArtsLocked() {
	if idx, err := indexDataArts(e.dataarts.start); err == nil {
		e.dataarts.cur = idx
	}
}

// SetDataArtsFixture replaces the DataArts metadata (until Reset or ResetDataArtsFixture).
func (e *Server) SetDataArtsFixture(fx DataArtsFixture) error {
	idx, err := indexDataArts(fx)
	if err != nil {
		return err
	}
	e.mu.Lock()
	e.dataarts.cur = idx
	e.mu.Unlock()
	return nil
}

// ResetDataArtsFixture restores the fixture the emulator started with.
func (e *Server) ResetDataArtsFixture() {
	e.mu.Lock()
	e.resetDataArtsLocked()
	e.mu.Unlock()
}

// DataArtsFixture returns a copy of the current fixture, generated data included.
func (e *Server) DataArtsFixture() DataArtsFixture {
	e.mu.Lock()
	defer e.mu.Unlock()
	data, _ := json.Marshal(e.dataarts.cur.fx)
	var out DataArtsFixture
	_ = decodeFixture(bytes.NewReader(data), &out)
	return out
}

// LoadDataArtsFixtureFile reads a fixture from a JSON file.
func LoadDataArtsFixtureFile(path string) (DataArtsFixture, error) {
	f, err := os.Open(path)
	if err != nil {
		return DataArtsFixture{}, fmt.Errorf("emulator: DataArts fixture: %w", err)
	}
	defer f.Close()
	var fx DataArtsFixture
	if err := decodeFixture(f, &fx); err != nil {
		return DataArtsFixture{}, fmt.Errorf("emulator: DataArts fixture %s: %w", path, err)
	}
	return fx, nil
}

// decodeFixture decodes strictly, keeping numbers exact (json.Number).
func decodeFixture(r io.Reader, fx *DataArtsFixture) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	dec.DisallowUnknownFields()
	return dec.Decode(fx)
}

// indexDataArts expands the generated data, checks references and builds the indexes.
func indexDataArts(fx DataArtsFixture) (*dataArtsIndex, error) {
	fx.Assets = slices.Clone(fx.Assets)
	fx.Relations = slices.Clone(fx.Relations)
	fx.NodeTasks = slices.Clone(fx.NodeTasks)
	if g := fx.Generate; g != nil {
		if g.LineageTables < 0 || g.LineageTables > 100000 || g.Relations < 0 || g.Relations > 100000 || g.NodeInstances < 0 || g.NodeInstances > 100000 {
			return nil, errors.New("generate: counts must be between 0 and 100000")
		}
		fx.Assets = append(fx.Assets, generateLineage(g.LineageTables, fx.WorkspaceID)...)
		fx.Relations = append(fx.Relations, generateRelations(g.Relations)...)
		if g.NodeInstances > 0 {
			fx.NodeTasks = append(fx.NodeTasks, generateInstances(g.NodeInstances))
		}
		fx.Generate = nil
	}
	idx := &dataArtsIndex{
		fx: fx, assets: map[string]*LineageAsset{}, readers: map[string][]*LineageAsset{},
		writers: map[string][]*LineageAsset{}, extra: map[string][]map[string]any{},
	}
	for i := range idx.fx.Assets {
		a := &idx.fx.Assets[i]
		if a.GUID == "" {
			return nil, fmt.Errorf("assets[%d]: guid is required", i)
		}
		if _, dup := idx.assets[a.GUID]; dup {
			return nil, fmt.Errorf("assets[%d]: duplicate guid %s", i, a.GUID)
		}
		if a.Kind == "" {
			a.Kind = AssetTable
			if len(a.Inputs)+len(a.Outputs) > 0 {
				a.Kind = AssetNode
			}
		}
		if a.Kind != AssetTable && a.Kind != AssetNode && a.Kind != AssetOther {
			return nil, fmt.Errorf("asset %s: kind %q is not table, node or other", a.GUID, a.Kind)
		}
		if a.TypeName == "" {
			return nil, fmt.Errorf("asset %s: type_name is required", a.GUID)
		}
		idx.assets[a.GUID] = a
		if a.Kind == AssetNode {
			idx.nodes = append(idx.nodes, a)
		}
	}
	for _, n := range idx.nodes {
		for _, list := range [][]string{n.Inputs, n.Outputs} {
			for _, g := range list {
				if t := idx.assets[g]; t == nil || t.Kind != AssetTable {
					return nil, fmt.Errorf("operator %s: %s is not a table asset of the fixture", n.GUID, g)
				}
			}
		}
		for _, g := range n.Inputs {
			idx.readers[g] = append(idx.readers[g], n)
		}
		for _, g := range n.Outputs {
			idx.writers[g] = append(idx.writers[g], n)
		}
	}
	for i, r := range idx.fx.Relationships {
		ep1, _ := r["ep1_id"].(string)
		ep2, _ := r["ep2_id"].(string)
		if idx.assets[ep1] == nil || idx.assets[ep2] == nil {
			return nil, fmt.Errorf("relationships[%d]: ep1_id and ep2_id must be assets of the fixture", i)
		}
		idx.extra[ep1] = append(idx.extra[ep1], r)
		if ep2 != ep1 {
			idx.extra[ep2] = append(idx.extra[ep2], r)
		}
	}
	ids := map[string]bool{}
	for i, r := range idx.fx.Relations {
		if r.ID == "" || ids[r.ID] {
			return nil, fmt.Errorf("relations[%d]: missing or duplicate id %q", i, r.ID)
		}
		ids[r.ID] = true
		if _, err := time.Parse(time.RFC3339, r.CreateTime); err != nil {
			return nil, fmt.Errorf("relations[%d]: create_time %q is not RFC 3339", i, r.CreateTime)
		}
	}
	for i, t := range idx.fx.NodeTasks {
		if t.TaskID == "" || t.JobName == "" {
			return nil, fmt.Errorf("node_instances[%d]: task_id and job_name are required", i)
		}
	}
	return idx, nil
}

// stableUUID derives a version-4-shaped UUID from a name, so fixtures are reproducible.
func stableUUID(name string) string {
	sum := sha1.Sum([]byte(name)) //nolint:gosec // ids, not security
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// registerDataArtsAdmin adds the fixture admin endpoints.
func (e *Server) registerDataArtsAdmin() {
	e.mux.HandleFunc("GET /_emulator/fixtures/dataarts", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, e.DataArtsFixture())
	})
	e.mux.HandleFunc("PUT /_emulator/fixtures/dataarts", func(w http.ResponseWriter, r *http.Request) {
		var fx DataArtsFixture
		if err := decodeFixture(http.MaxBytesReader(w, r.Body, 64<<20), &fx); err != nil {
			writeError(w, badRequest("Invalid DataArts fixture: %v", err))
			return
		}
		if err := e.SetDataArtsFixture(fx); err != nil {
			writeError(w, badRequest("Invalid DataArts fixture: %v", err))
			return
		}
		writeJSON(w, http.StatusOK, e.dataArtsSummary())
	})
	e.mux.HandleFunc("DELETE /_emulator/fixtures/dataarts", func(w http.ResponseWriter, r *http.Request) {
		e.ResetDataArtsFixture()
		writeJSON(w, http.StatusOK, e.dataArtsSummary())
	})
}

func (e *Server) dataArtsSummary() map[string]any {
	e.mu.Lock()
	defer e.mu.Unlock()
	idx := e.dataarts.cur
	return map[string]any{
		"instance_id": idx.fx.InstanceID, "workspace_id": idx.fx.WorkspaceID,
		"assets": len(idx.fx.Assets), "operators": len(idx.nodes), "relations": len(idx.fx.Relations),
		"node_tasks": len(idx.fx.NodeTasks),
	}
}

// ExpectedTraversal lists, in visiting order, the tables a lineage traversal of depth hops
// from root must read, one asset-lineage call each, over this fixture's operators: OUT
// follows outputs, IN inputs, BOTH is the union of the two walks, and every table is read
// once however often it is reached. Tests use it as the oracle for call counts; it reads
// the fixture, not the API.
func (fx DataArtsFixture) ExpectedTraversal(root, direction string, depth int) []string {
	next := map[string]map[string][]string{"OUT": {}, "IN": {}}
	for _, a := range fx.Assets {
		for _, in := range a.Inputs {
			next["OUT"][in] = append(next["OUT"][in], a.Outputs...)
		}
		for _, out := range a.Outputs {
			next["IN"][out] = append(next["IN"][out], a.Inputs...)
		}
	}
	type state struct{ guid, dir string }
	frontier := []state{{root, direction}}
	if direction == "BOTH" {
		frontier = []state{{root, "IN"}, {root, "OUT"}}
	}
	seen := map[state]bool{}
	for _, st := range frontier {
		seen[st] = true
	}
	read := map[string]bool{}
	var order []string
	for level := 0; level < depth && len(frontier) > 0; level++ {
		var following []state
		for _, st := range frontier {
			if !read[st.guid] {
				read[st.guid] = true
				order = append(order, st.guid)
			}
			for _, g := range next[st.dir][st.guid] {
				if n := (state{g, st.dir}); !seen[n] {
					seen[n] = true
					following = append(following, n)
				}
			}
		}
		frontier = following
	}
	return order
}

// DataArtsIDs returns the instance and workspace the current fixture accepts ("" for any).
func (e *Server) DataArtsIDs() (instance, workspace string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dataarts.cur.fx.InstanceID, e.dataarts.cur.fx.WorkspaceID
}
