package httpapi

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/fixtures"
)

// DataMap error codes chosen by the emulator (the seeds document only the body shape).
const (
	codeDataMapBadRequest = "DLS.1000" // missing or invalid parameter or header
	codeDataMapForbidden  = "DLS.1003" // unknown instance
	codeDataMapNotFound   = "DLS.4106" // asset does not exist
)

func dataMapBadRequest(format string, args ...any) result {
	return fail(newError(http.StatusBadRequest, codeDataMapBadRequest, fmt.Sprintf(format, args...)))
}

// dataMapInstance checks the required instance header against the fixture.
func (e *Server) dataMapInstance(c *call) (*fixtures.Index, *result) {
	idx := e.dataarts.cur
	inst := strings.TrimSpace(c.r.Header.Get("instance"))
	if inst == "" {
		r := dataMapBadRequest("The instance header (DataArts Studio instance ID) is required.")
		return nil, &r
	}
	if idx.Fx.InstanceID != "" && inst != idx.Fx.InstanceID {
		r := fail(newError(http.StatusForbidden, codeDataMapForbidden,
			fmt.Sprintf("The DataArts Studio instance %s does not exist or you do not have permission to access it.", inst)))
		return nil, &r
	}
	return idx, nil
}

// tableLineageInfo is seed 000's TableLineageInfo; the schemas may be null.
type tableLineageInfo struct {
	SourceGUID          string  `json:"source_guid"`
	SourceQualifiedName string  `json:"source_qualified_name"`
	SourceType          string  `json:"source_type"`
	SourceDB            string  `json:"source_db"`
	SourceSchema        *string `json:"source_schema"`
	SourceTable         string  `json:"source_table"`
	TargetGUID          string  `json:"target_guid"`
	TargetQualifiedName string  `json:"target_qualified_name"`
	TargetType          string  `json:"target_type"`
	TargetDB            string  `json:"target_db"`
	TargetSchema        *string `json:"target_schema"`
	TargetTable         string  `json:"target_table"`
	NodeGUID            string  `json:"node_guid"`
	NodeName            string  `json:"node_name"`
	NodeType            string  `json:"node_type"`
	NodeQualifiedName   string  `json:"node_qualified_name"`
	WorkspaceID         string  `json:"workspace_id"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// showLineageBulk pages over job operators (seed 000: total counts operators) and returns
// one row per (input, output) pair of the operators on the page.
func (e *Server) showLineageBulk(c *call) result {
	idx, errRes := e.dataMapInstance(c)
	if errRes != nil {
		return *errRes
	}
	offset, limit, err := c.pageParams(100, 1)
	if err != nil {
		return dataMapBadRequest("%s", err.Msg)
	}
	rows := []tableLineageInfo{}
	for i := offset; i < len(idx.Nodes) && i < offset+limit; i++ {
		n := idx.Nodes[i]
		for _, in := range n.Inputs {
			for _, out := range n.Outputs {
				s, t := idx.Assets[in], idx.Assets[out]
				rows = append(rows, tableLineageInfo{
					SourceGUID: s.GUID, SourceQualifiedName: s.QualifiedName, SourceType: s.EffectiveBulkType(),
					SourceDB: s.Database, SourceSchema: nullable(s.Schema), SourceTable: s.TableName(),
					TargetGUID: t.GUID, TargetQualifiedName: t.QualifiedName, TargetType: t.EffectiveBulkType(),
					TargetDB: t.Database, TargetSchema: nullable(t.Schema), TargetTable: t.TableName(),
					NodeGUID: n.GUID, NodeName: n.Name, NodeType: n.EffectiveBulkType(), NodeQualifiedName: n.QualifiedName,
					WorkspaceID: idx.WorkspaceOf(n),
				})
			}
		}
	}
	return ok(map[string]any{"total": len(idx.Nodes), "data": rows})
}

// entityJSON is seed 001's Entity.
type entityJSON struct {
	GUID               string         `json:"guid"`
	Attributes         map[string]any `json:"attributes"`
	Status             string         `json:"status"`
	Version            int            `json:"version"`
	TypeName           string         `json:"type_name"`
	TypeDisplayName    string         `json:"type_display_name,omitempty"`
	ProjectID          string         `json:"project_id"`
	DomainID           string         `json:"domain_id"`
	InstanceID         []string       `json:"instance_id"`
	WorkspaceID        []string       `json:"workspace_id"`
	CreatedBy          string         `json:"created_by"`
	UpdatedBy          string         `json:"updated_by"`
	CreateTime         string         `json:"create_time"`
	UpdateTime         string         `json:"update_time"`
	SuperTypeNames     []string       `json:"super_type_names"`
	BusinessAttributes map[string]any `json:"business_attributes"`
	MultiAttributes    map[string]any `json:"multi_attributes"`
	ExtendedAttributes map[string]any `json:"extended_attributes"`
	DisplayText        string         `json:"display_text"`
}

const fixtureTime = "2024-01-03T09:11:42.871+00:00"

func assetEntity(idx *fixtures.Index, c *call, a *LineageAsset, instance string) entityJSON {
	attrs := map[string]any{}
	for k, v := range a.Attributes {
		attrs[k] = v
	}
	attrs["name"], attrs["qualifiedName"] = a.Name, a.QualifiedName
	created := a.CreateTime
	if created == "" {
		created = fixtureTime
	}
	super := a.SuperTypeNames
	if super == nil {
		super = []string{"base.Asset"}
	}
	return entityJSON{
		GUID: a.GUID, Attributes: attrs, Status: "ACTIVE", Version: 1, TypeName: a.TypeName, TypeDisplayName: a.TypeDisplayName,
		ProjectID: c.projectID, DomainID: c.user.DomainID, InstanceID: []string{instance}, WorkspaceID: []string{idx.WorkspaceOf(a)},
		CreatedBy: "username", UpdatedBy: "username", CreateTime: created, UpdateTime: created, SuperTypeNames: super,
		BusinessAttributes: map[string]any{"businessName": map[string]any{"confidence": 1, "name": a.Name, "confirmed": true}},
		MultiAttributes:    map[string]any{"tags": []any{}}, ExtendedAttributes: map[string]any{}, DisplayText: a.Name,
	}
}

// dataFlow builds the DATA_FLOW relationship between an operator and a table it reads
// (input: table -> operator, direction IN) or writes (output: operator -> table, OUT).
func assetDataFlow(idx *fixtures.Index, c *call, node, table *LineageAsset, input bool, index int, instance string) map[string]any {
	ep1, ep2 := table, node
	typeName, display, direction := "base.process_dataset_inputs", "输入", "IN"
	if !input {
		ep1, ep2 = node, table
		typeName, display, direction = "base.process_dataset_outputs", "输出", "OUT"
	}
	return map[string]any{
		"guid": fixtures.StableUUID(typeName + "|" + ep1.GUID + "|" + ep2.GUID), "attributes": map[string]any{"__index": index, "__key": nil},
		"status": "ACTIVE", "direction": direction, "type_name": typeName, "type_display_name": display,
		"project_id": c.projectID, "instance_id": []string{instance}, "workspace_id": []string{idx.WorkspaceOf(node)},
		"created_by": "username", "updated_by": "username", "create_time": fixtureTime, "update_time": fixtureTime,
		"relation_type_name": "DATA_FLOW", "ep1_id": ep1.GUID, "ep2_id": ep2.GUID,
		"ep1_type_name": ep1.TypeName, "ep2_type_name": ep2.TypeName, "propagate_tag": "NONE",
	}
}

// multiQuery returns an array query parameter, accepting repeated keys and comma lists.
func (c *call) multiQuery(name string) map[string]bool {
	out := map[string]bool{}
	for _, v := range c.r.URL.Query()[name] {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out[part] = true
			}
		}
	}
	return out
}

// boolQuery parses an optional boolean query parameter.
func (c *call) boolQuery(name string) *apiError {
	if !c.hasQuery(name) {
		return nil
	}
	switch strings.ToLower(c.query(name)) {
	case "true", "false":
		return nil
	}
	return newError(http.StatusBadRequest, codeDataMapBadRequest, fmt.Sprintf("Invalid value for %s: %q is not a boolean.", name, c.query(name)))
}

// showDatamapLineage returns the relationships around one asset (seed 001). For a table,
// OUT is every operator reading it with all of that operator's outputs, IN every operator
// writing it with all of its inputs; for an operator, its outputs or inputs. Extra
// (structural) relationships touching the asset or a returned operator are added when their
// direction matches. Lists come back in random order: the API promises none.
func (e *Server) showDatamapLineage(c *call) result {
	idx, errRes := e.dataMapInstance(c)
	if errRes != nil {
		return *errRes
	}
	instance := c.r.Header.Get("instance")
	direction := "BOTH"
	if c.hasQuery("direction") {
		direction = strings.ToUpper(c.query("direction"))
	}
	if direction != "IN" && direction != "OUT" && direction != "BOTH" {
		return dataMapBadRequest("Invalid value for direction: %q; allowed values are IN, OUT and BOTH.", c.query("direction"))
	}
	for _, name := range []string{"extend_process_data_flow", "include_parent_entity"} {
		if err := c.boolQuery(name); err != nil {
			return fail(err)
		}
	}
	guid := c.path("guid")
	asset := idx.Assets[guid]
	if asset == nil {
		return fail(newError(http.StatusNotFound, codeDataMapNotFound, fmt.Sprintf("The asset %s does not exist.", guid)))
	}
	out, in := direction != "IN", direction != "OUT"

	var rels []map[string]any
	seen := map[string]bool{}
	add := func(r map[string]any) {
		if g, _ := r["guid"].(string); !seen[g] {
			seen[g] = true
			rels = append(rels, r)
		}
	}
	addNode := func(n *LineageAsset, inputs, outputs bool) {
		if inputs {
			for i, g := range n.Inputs {
				add(assetDataFlow(idx, c, n, idx.Assets[g], true, i, instance))
			}
		}
		if outputs {
			for i, g := range n.Outputs {
				add(assetDataFlow(idx, c, n, idx.Assets[g], false, i, instance))
			}
		}
	}
	var nodes []*LineageAsset
	switch asset.Kind {
	case AssetNode:
		addNode(asset, in, out)
		nodes = append(nodes, asset)
	case AssetTable:
		if out {
			for _, n := range idx.Readers[asset.GUID] {
				add(assetDataFlow(idx, c, n, asset, true, indexOf(n.Inputs, asset.GUID), instance))
				addNode(n, false, true)
				nodes = append(nodes, n)
			}
		}
		if in {
			for _, n := range idx.Writers[asset.GUID] {
				add(assetDataFlow(idx, c, n, asset, false, indexOf(n.Outputs, asset.GUID), instance))
				addNode(n, true, false)
				nodes = append(nodes, n)
			}
		}
	}
	for _, a := range append([]*LineageAsset{asset}, nodes...) {
		for _, r := range idx.Extra[a.GUID] {
			if d, _ := r["direction"].(string); direction == "BOTH" || strings.EqualFold(d, direction) {
				add(r)
			}
		}
	}

	rels = filterRelationships(idx, rels, asset.GUID, c.multiQuery("relationship_types"),
		c.multiQuery("relationship_type_categories"), c.multiQuery("related_entity_types"))
	touched := map[string]bool{asset.GUID: true}
	for _, r := range rels {
		for _, k := range []string{"ep1_id", "ep2_id"} {
			id, _ := r[k].(string)
			touched[id] = true
		}
	}
	entities := make([]entityJSON, 0, len(touched))
	for g := range touched {
		entities = append(entities, assetEntity(idx, c, idx.Assets[g], instance))
	}
	rand.Shuffle(len(rels), func(i, j int) { rels[i], rels[j] = rels[j], rels[i] })
	rand.Shuffle(len(entities), func(i, j int) { entities[i], entities[j] = entities[j], entities[i] })
	if rels == nil {
		rels = []map[string]any{}
	}
	return ok(map[string]any{
		"total": len(rels), "relationships": rels, "relationship_types": nil, "entities": entities, "entity_types": nil,
	})
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// filterRelationships applies relationship_types (type_name), relationship_type_categories
// (relation_type_name) and related_entity_types (the type of every endpoint that is a table
// other than the queried asset).
func filterRelationships(idx *fixtures.Index, rels []map[string]any, guid string, types, categories, related map[string]bool) []map[string]any {
	var out []map[string]any
	for _, r := range rels {
		if tn, _ := r["type_name"].(string); len(types) > 0 && !types[tn] {
			continue
		}
		if cat, _ := r["relation_type_name"].(string); len(categories) > 0 && !categories[cat] {
			continue
		}
		keep := true
		if len(related) > 0 {
			for _, k := range []string{"ep1_id", "ep2_id"} {
				id, _ := r[k].(string)
				if a := idx.Assets[id]; a != nil && id != guid && a.Kind != AssetNode && !related[a.TypeName] {
					keep = false
				}
			}
		}
		if keep {
			out = append(out, r)
		}
	}
	return out
}
