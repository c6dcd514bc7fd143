// Package datasources holds one file per data source (dataarts_lineage.go, ...), with its
// acceptance tests beside it. Shared plumbing lives in internal/framework.
package datasources
