// Package sweep holds the sweepers of make sweep (in its tests, HashiCorp style: go test
// -sweep=<region>), which delete what acceptance tests left in a real account: every object
// whose name starts with acctest.NamePrefix (acctest.Sweep).
package sweep
