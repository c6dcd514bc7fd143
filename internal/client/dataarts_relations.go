package client

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strconv"
)

// RelationsPageSize is the limit of each ListRelations page (the documented maximum);
// offsets are multiples of it, as the API requires.
const RelationsPageSize = 100

// RelationQuery filters ListRelations. The time window applies only when both ends are
// set (RFC 3339); the API ignores one end alone.
type RelationQuery struct {
	Workspace string
	Name      string // case-insensitive substring of the relation name
	CreateBy  string
	BeginTime string
	EndTime   string
}

// Relation is an Architecture ER relationship (seed 003 RelationVO). Ids are strings: the
// 19-digit values do not survive a float64.
type Relation struct {
	ID              flexString        `json:"id"`
	Name            string            `json:"name"`
	SourceTableID   flexString        `json:"source_table_id"`
	SourceTableName string            `json:"source_table_name"`
	TargetTableID   flexString        `json:"target_table_id"`
	TargetTableName string            `json:"target_table_name"`
	Role            string            `json:"role"`
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
	ID              flexString `json:"id"`
	RelationID      flexString `json:"relation_id"`
	SourceFieldID   flexString `json:"source_field_id"`
	SourceFieldName string     `json:"source_field_name"`
	TargetFieldID   flexString `json:"target_field_id"`
	TargetFieldName string     `json:"target_field_name"`
	CreateBy        string     `json:"create_by"`
	UpdateBy        string     `json:"update_by"`
	CreateTime      string     `json:"create_time"`
	UpdateTime      string     `json:"update_time"`
}

type relationsPage struct {
	Data struct {
		Value struct {
			Total   flexInt    `json:"total"`
			Records []Relation `json:"records"`
		} `json:"value"`
	} `json:"data"`
}

func (p *relationsPage) validate() error {
	return requireFields(field{"data.value.records", p.Data.Value.Records != nil})
}

// ListRelations returns every relation matching q, merging all pages in the API's order.
func (c *Client) ListRelations(ctx context.Context, rq RelationQuery) ([]Relation, error) {
	query := url.Values{"limit": {strconv.Itoa(RelationsPageSize)}}
	setIfAny(query, "name", rq.Name)
	setIfAny(query, "create_by", rq.CreateBy)
	if rq.BeginTime != "" && rq.EndTime != "" {
		query.Set("begin_time", rq.BeginTime)
		query.Set("end_time", rq.EndTime)
	}
	return listAll(ctx, pager[Relation]{
		operation: "ListRelations", path: "/v2/{project_id}/design/relation", pageSize: RelationsPageSize,
		key: func(r Relation) string { return string(r.ID) }, // a record that moved across a page boundary
		fetch: func(ctx context.Context, _, offset int) (listPage[Relation], error) {
			q := maps.Clone(query)
			q.Set("offset", strconv.Itoa(offset))
			var page relationsPage
			err := c.Do(ctx, Request{
				Service: ServiceDataArts, Operation: "ListRelations", Method: http.MethodGet,
				Path: "/v2/{project_id}/design/relation", Query: q,
				Header: dataArtsHeader("workspace", rq.Workspace),
			}, &page)
			return listPage[Relation]{items: page.Data.Value.Records, total: int(page.Data.Value.Total)}, err
		},
	})
}
