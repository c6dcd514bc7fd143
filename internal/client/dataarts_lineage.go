package client

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dataartsstudio/v1/model"
	"golang.org/x/sync/errgroup"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// LineageBulkPageSize is the limit of each ShowLineageBulk page (the API default; no
// maximum is documented).
const LineageBulkPageSize = 100

// lineageConcurrency bounds the asset-lineage calls of one traversal level in flight.
const lineageConcurrency = 4

// Lineage directions of the asset lineage API.
const (
	DirectionIn   = "IN"
	DirectionOut  = "OUT"
	DirectionBoth = "BOTH"
)

// LineageEdge is one table-to-table lineage edge with the job operator between the tables.
type LineageEdge struct {
	SourceGUID, SourceQualifiedName, SourceType, SourceDatabase, SourceSchema, SourceTable string
	TargetGUID, TargetQualifiedName, TargetType, TargetDatabase, TargetSchema, TargetTable string
	NodeGUID, NodeName, NodeType, NodeQualifiedName, WorkspaceID                           string
}

// LineageEntity is an asset of the lineage graph (table or job operator).
type LineageEntity struct {
	GUID, TypeName, DisplayName, QualifiedName string
	Attributes                                 map[string]string
}

// LineageResult is a lineage graph in stable order (edges by source, target and operator
// qualified names; entities by qualified name), so plans do not churn.
type LineageResult struct {
	Edges     []LineageEdge
	Entities  []LineageEntity
	Visited   int  // assets whose lineage was read (one API call each); bulk mode: 0
	Truncated bool // the traversal stopped at its asset cap
}

type lineageBulkPage struct {
	Total flexInt                  `json:"total"`
	Data  []model.TableLineageInfo `json:"data"`
}

func (p *lineageBulkPage) validate() error { return requireFields(field{"data", p.Data != nil}) }

// BulkLineage reads the table lineage of every job operator (seed 000), paging through all
// operators. Duplicate rows (an operator seen on two pages while the data changes) are
// merged.
func (c *Client) BulkLineage(ctx context.Context, instance string) (*LineageResult, error) {
	edges := map[string]LineageEdge{}
	for offset := 0; ; offset += LineageBulkPageSize {
		var page lineageBulkPage
		err := c.Do(ctx, Request{
			Service: ServiceDataArts, Operation: "ShowLineageBulk", Method: http.MethodGet,
			Path:   "/v1/{project_id}/datamap/lineage/bulk",
			Query:  url.Values{"offset": {strconv.Itoa(offset)}, "limit": {strconv.Itoa(LineageBulkPageSize)}},
			Header: dataArtsHeader("instance", instance),
		}, &page)
		if err != nil {
			return nil, err
		}
		for _, r := range page.Data {
			e := LineageEdge{
				SourceGUID: ptr.Deref(r.SourceGuid), SourceQualifiedName: ptr.Deref(r.SourceQualifiedName), SourceType: ptr.Deref(r.SourceType),
				SourceDatabase: ptr.Deref(r.SourceDb), SourceSchema: ptr.Deref(r.SourceSchema), SourceTable: ptr.Deref(r.SourceTable),
				TargetGUID: ptr.Deref(r.TargetGuid), TargetQualifiedName: ptr.Deref(r.TargetQualifiedName), TargetType: ptr.Deref(r.TargetType),
				TargetDatabase: ptr.Deref(r.TargetDb), TargetSchema: ptr.Deref(r.TargetSchema), TargetTable: ptr.Deref(r.TargetTable),
				NodeGUID: ptr.Deref(r.NodeGuid), NodeName: ptr.Deref(r.NodeName), NodeType: ptr.Deref(r.NodeType),
				NodeQualifiedName: ptr.Deref(r.NodeQualifiedName), WorkspaceID: ptr.Deref(r.WorkspaceId),
			}
			edges[e.key()] = e
		}
		// total counts operators, not rows: a page may hold any number of rows.
		if offset+LineageBulkPageSize >= int(page.Total) {
			break
		}
	}
	res := &LineageResult{Edges: sortedEdges(edges)}
	res.Entities = EntitiesFromEdges(res.Edges)
	return res, nil
}

// FilterEdges keeps the edges for which keep returns true and rebuilds the entities.
func (r *LineageResult) FilterEdges(keep func(LineageEdge) bool) {
	r.Edges = slices.DeleteFunc(r.Edges, func(e LineageEdge) bool { return !keep(e) })
	r.Entities = EntitiesFromEdges(r.Edges)
}

// EntitiesFromEdges lists the tables and operators of bulk edges (which carry no entity
// attributes beyond database, schema and table).
func EntitiesFromEdges(edges []LineageEdge) []LineageEntity {
	m := map[string]LineageEntity{}
	table := func(guid, qn, typ, db, schema, tbl string) {
		attrs := map[string]string{}
		for k, v := range map[string]string{"database": db, "schema": schema, "table": tbl} {
			if v != "" {
				attrs[k] = v
			}
		}
		m[guid] = LineageEntity{GUID: guid, TypeName: typ, DisplayName: tbl, QualifiedName: qn, Attributes: attrs}
	}
	for _, e := range edges {
		table(e.SourceGUID, e.SourceQualifiedName, e.SourceType, e.SourceDatabase, e.SourceSchema, e.SourceTable)
		table(e.TargetGUID, e.TargetQualifiedName, e.TargetType, e.TargetDatabase, e.TargetSchema, e.TargetTable)
		if e.NodeGUID != "" {
			attrs := map[string]string{}
			if e.WorkspaceID != "" {
				attrs["workspace_id"] = e.WorkspaceID
			}
			m[e.NodeGUID] = LineageEntity{GUID: e.NodeGUID, TypeName: e.NodeType, DisplayName: e.NodeName,
				QualifiedName: e.NodeQualifiedName, Attributes: attrs}
		}
	}
	return sortedEntities(m)
}

// assetLineage is the part of seed 001's response the provider uses. Attributes are kept
// raw so numbers survive exactly.
type assetLineage struct {
	Total         flexInt `json:"total"`
	Relationships []struct {
		GUID             string `json:"guid"`
		RelationTypeName string `json:"relation_type_name"`
		TypeName         string `json:"type_name"`
		Ep1ID            string `json:"ep1_id"`
		Ep2ID            string `json:"ep2_id"`
	} `json:"relationships"`
	Entities []struct {
		GUID            string                     `json:"guid"`
		TypeName        string                     `json:"type_name"`
		TypeDisplayName string                     `json:"type_display_name"`
		DisplayText     string                     `json:"display_text"`
		SuperTypeNames  []string                   `json:"super_type_names"`
		WorkspaceID     []string                   `json:"workspace_id"`
		Attributes      map[string]json.RawMessage `json:"attributes"`
	} `json:"entities"`
}

// assetEntity is an entity of an asset-lineage response, decoded for the provider.
type assetEntity struct {
	LineageEntity
	process     bool
	workspaceID string
}

func (a *assetLineage) validate() error { return requireFields(field{"entities", a.Entities != nil}) }

// lineageHop is one asset-lineage response turned into edges and entities.
type lineageHop struct {
	edges    []LineageEdge
	entities map[string]assetEntity
}

// ShowLineage reads the data-flow lineage around one asset (seed 001), one API call, and
// pairs each operator's inputs with its outputs into table-to-table edges.
func (c *Client) ShowLineage(ctx context.Context, instance, guid, direction string) (*LineageResult, error) {
	hop, err := c.showLineage(ctx, instance, guid, direction)
	if err != nil {
		return nil, err
	}
	edges := map[string]LineageEdge{}
	for _, e := range hop.edges {
		edges[e.key()] = e
	}
	return &LineageResult{Edges: sortedEdges(edges), Entities: entityList(hop.entities), Visited: 1}, nil
}

func (c *Client) showLineage(ctx context.Context, instance, guid, direction string) (*lineageHop, error) {
	var out assetLineage
	err := c.Do(ctx, Request{
		Service: ServiceDataArts, Operation: "ShowDatamapLineage", Method: http.MethodGet,
		Path: "/v2/{project_id}/datamap/lineage/guid/" + guid,
		// Seed 001: "lineage queries use DATA_FLOW".
		Query:  url.Values{"direction": {direction}, "relationship_type_categories": {"DATA_FLOW"}},
		Header: dataArtsHeader("instance", instance),
	}, &out)
	if err != nil {
		return nil, err
	}
	hop := &lineageHop{entities: map[string]assetEntity{}}
	for _, e := range out.Entities {
		attrs := map[string]string{}
		for k, raw := range e.Attributes {
			if s, ok := rawToString(raw); ok {
				attrs[k] = s
			}
		}
		ae := assetEntity{LineageEntity: LineageEntity{
			GUID: e.GUID, TypeName: e.TypeName, DisplayName: e.DisplayText, QualifiedName: attrs["qualifiedName"], Attributes: attrs,
		}}
		if ae.DisplayName == "" {
			ae.DisplayName = attrs["name"]
		}
		ae.process = slices.Contains(e.SuperTypeNames, "base.Process") || slices.Contains(e.SuperTypeNames, "process.Node")
		if len(e.WorkspaceID) > 0 {
			ae.workspaceID = e.WorkspaceID[0]
		}
		hop.entities[e.GUID] = ae
	}
	// Each operator's inputs and outputs in this response; a DATA_FLOW between two data
	// sets (no operator) is an edge without a node.
	type flows struct{ in, out []string }
	byNode := map[string]*flows{}
	var nodes []string
	flowOf := func(n string) *flows {
		if byNode[n] == nil {
			byNode[n] = &flows{}
			nodes = append(nodes, n)
		}
		return byNode[n]
	}
	var direct [][2]string
	for _, r := range out.Relationships {
		if r.RelationTypeName != "DATA_FLOW" {
			continue
		}
		ep1, ep2 := hop.entities[r.Ep1ID], hop.entities[r.Ep2ID]
		switch {
		case ep2.process || r.TypeName == "base.process_dataset_inputs":
			f := flowOf(r.Ep2ID)
			f.in = append(f.in, r.Ep1ID)
		case ep1.process || r.TypeName == "base.process_dataset_outputs":
			f := flowOf(r.Ep1ID)
			f.out = append(f.out, r.Ep2ID)
		default:
			direct = append(direct, [2]string{r.Ep1ID, r.Ep2ID})
		}
	}
	for _, n := range nodes {
		for _, s := range byNode[n].in {
			for _, t := range byNode[n].out {
				hop.edges = append(hop.edges, hop.edge(s, t, n))
			}
		}
	}
	for _, d := range direct {
		hop.edges = append(hop.edges, hop.edge(d[0], d[1], ""))
	}
	return hop, nil
}

// edge builds an edge from the entities of a response; database, schema and table come
// from the qualified name ("db.table@…" or "db.schema.table@…").
func (h *lineageHop) edge(source, target, node string) LineageEdge {
	s, t, n := h.entities[source], h.entities[target], h.entities[node]
	sdb, ssch, stbl := splitQualifiedName(s.LineageEntity)
	tdb, tsch, ttbl := splitQualifiedName(t.LineageEntity)
	e := LineageEdge{
		SourceGUID: source, SourceQualifiedName: s.QualifiedName, SourceType: s.TypeName,
		SourceDatabase: sdb, SourceSchema: ssch, SourceTable: stbl,
		TargetGUID: target, TargetQualifiedName: t.QualifiedName, TargetType: t.TypeName,
		TargetDatabase: tdb, TargetSchema: tsch, TargetTable: ttbl,
	}
	if node != "" {
		e.NodeGUID, e.NodeName, e.NodeQualifiedName, e.WorkspaceID = node, n.DisplayName, n.QualifiedName, n.workspaceID
		e.NodeType = n.Attributes["nodeType"]
		if e.NodeType == "" {
			e.NodeType = n.TypeName
		}
	}
	return e
}

func splitQualifiedName(e LineageEntity) (db, schema, table string) {
	name, _, _ := strings.Cut(e.QualifiedName, "@")
	parts := strings.Split(name, ".")
	switch {
	case len(parts) >= 3:
		db, schema, table = parts[0], parts[1], strings.Join(parts[2:], ".")
	case len(parts) == 2:
		db, table = parts[0], parts[1]
	default:
		table = name
	}
	if n := e.Attributes["name"]; n != "" {
		table = n
	}
	return db, schema, table
}

// TraverseLineage follows the lineage of guid hop by hop up to depth hops (1: one API
// call): downstream for OUT, upstream for IN, and for BOTH exactly the union of the two.
// Every asset is read once (for BOTH, in both directions at once), so cycles, diamonds and
// assets reached both ways cost nothing extra. At most maxAssets assets are read;
// Truncated says the cap stopped the walk.
func (c *Client) TraverseLineage(ctx context.Context, instance, guid, direction string, depth, maxAssets int) (*LineageResult, error) {
	type state struct{ guid, dir string } // an asset to follow in one direction (IN or OUT)
	frontier := []state{{guid, direction}}
	if direction == DirectionBoth {
		frontier = []state{{guid, DirectionIn}, {guid, DirectionOut}}
	}
	seen := map[state]bool{}
	for _, st := range frontier {
		seen[st] = true
	}
	hops := map[string]*lineageHop{}
	edges := map[string]LineageEdge{}
	res := &LineageResult{}
	for level := 0; level < depth && len(frontier) > 0; level++ {
		var need []string
		for _, st := range frontier {
			if hops[st.guid] == nil && !slices.Contains(need, st.guid) {
				need = append(need, st.guid)
			}
		}
		if budget := maxAssets - res.Visited; len(need) > budget {
			need, res.Truncated = need[:budget], true
		}
		got := make([]*lineageHop, len(need))
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(lineageConcurrency)
		for i, asset := range need {
			g.Go(func() error {
				hop, err := c.showLineage(gctx, instance, asset, direction)
				if err != nil {
					return fmt.Errorf("lineage of asset %s: %w", asset, err)
				}
				got[i] = hop
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			return nil, err
		}
		for i, asset := range need {
			hops[asset] = got[i]
		}
		res.Visited += len(need)
		var next []state
		for _, st := range frontier {
			hop := hops[st.guid]
			if hop == nil {
				continue // beyond max_assets
			}
			for _, e := range hop.edges {
				var n state
				switch {
				case st.dir == DirectionOut && e.SourceGUID == st.guid:
					n = state{e.TargetGUID, DirectionOut}
				case st.dir == DirectionIn && e.TargetGUID == st.guid:
					n = state{e.SourceGUID, DirectionIn}
				default:
					continue
				}
				edges[e.key()] = e
				if !seen[n] {
					seen[n] = true
					next = append(next, n)
				}
			}
		}
		slices.SortFunc(next, func(a, b state) int { return cmp.Or(cmp.Compare(a.guid, b.guid), cmp.Compare(a.dir, b.dir)) })
		frontier = next
		if res.Truncated {
			break
		}
	}
	res.Edges = sortedEdges(edges)
	// The entities are the assets of the edges (and the root), as the responses describe them.
	entities := map[string]assetEntity{}
	keep := func(g string) {
		for _, hop := range hops {
			if e, ok := hop.entities[g]; ok && g != "" {
				entities[g] = e
				return
			}
		}
	}
	keep(guid)
	for _, e := range res.Edges {
		keep(e.SourceGUID)
		keep(e.TargetGUID)
		keep(e.NodeGUID)
	}
	res.Entities = entityList(entities)
	return res, nil
}

func (e LineageEdge) key() string {
	return e.SourceGUID + "|" + e.TargetGUID + "|" + e.NodeGUID
}

func sortedEdges(m map[string]LineageEdge) []LineageEdge {
	out := make([]LineageEdge, 0, len(m))
	for _, e := range m {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b LineageEdge) int {
		return cmp.Or(
			cmp.Compare(a.SourceQualifiedName, b.SourceQualifiedName), cmp.Compare(a.TargetQualifiedName, b.TargetQualifiedName),
			cmp.Compare(a.NodeQualifiedName, b.NodeQualifiedName), cmp.Compare(a.key(), b.key()))
	})
	return out
}

func entityList(m map[string]assetEntity) []LineageEntity {
	plain := make(map[string]LineageEntity, len(m))
	for k, e := range m {
		plain[k] = e.LineageEntity
	}
	return sortedEntities(plain)
}

func sortedEntities(m map[string]LineageEntity) []LineageEntity {
	out := make([]LineageEntity, 0, len(m))
	for _, e := range m {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b LineageEntity) int {
		return cmp.Or(cmp.Compare(a.QualifiedName, b.QualifiedName), cmp.Compare(a.GUID, b.GUID))
	})
	return out
}
