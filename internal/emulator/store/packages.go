package store

import (
	"sort"
	"strings"
	"time"
)

// Resource package model (dli-part3.md section 2): packages live in named groups (or in
// no group, ""), keyed by resource name. An upload registers the package at once; an
// asynchronous one stays UPLOADING for PackageUploadTime emulated seconds, then becomes
// READY, or FAILED when an upload failure was set for its OBS path. A synchronous upload
// that would fail is refused instead (see PackageData.Failures).
const (
	PackageUploadTime      = 30 * time.Second
	KindPackage       Kind = "resource package"
	KindPackageGroup  Kind = "resource group"
)

// Package statuses (§8.1), uppercase as the tables; clients compare case-insensitively.
const (
	PackageUploading = "UPLOADING"
	PackageReady     = "READY"
	PackageFailed    = "FAILED"
)

// PackageData is a project's package groups and the forced upload failures.
type PackageData struct {
	Groups   map[string]*PackageGroup `json:"groups"`          // group name ("" = ungrouped) -> group
	Failures map[string]string        `json:"upload_failures"` // OBS path -> reason uploads of it fail with
}

// PackageGroup is a group of packages (§8.1). The ungrouped packages sit in the group "".
type PackageGroup struct {
	Name       string              `json:"name"`
	Owner      string              `json:"owner"`
	IsAsync    bool                `json:"is_async"`
	CreateTime int64               `json:"create_time"`
	UpdateTime int64               `json:"update_time"`
	Packages   map[string]*Package `json:"packages"` // resource name -> package
}

// Package is one uploaded file. Times are emulated epoch milliseconds.
type Package struct {
	Name           string    `json:"resource_name"`
	Type           string    `json:"resource_type"`
	Path           string    `json:"path"`
	Owner          string    `json:"owner"`
	UnderlyingName string    `json:"underlying_name"`
	IsAsync        bool      `json:"is_async"`
	Tags           []Tag     `json:"tags,omitempty"`
	CreateTime     int64     `json:"create_time"`
	UpdateTime     int64     `json:"update_time"`
	ReadyAt        int64     `json:"ready_at"`            // when the upload ends
	FailWith       string    `json:"fail_with,omitempty"` // the upload ends FAILED with this reason
	CreatedReal    time.Time `json:"-"`                   // real creation time, for the consistency delay
}

// StatusAt returns the package's status at now.
func (pk *Package) StatusAt(now int64) string {
	switch {
	case now < pk.ReadyAt:
		return PackageUploading
	case pk.FailWith != "":
		return PackageFailed
	default:
		return PackageReady
	}
}

// GroupStatusAt is the status of a group: FAILED if any package failed, else UPLOADING if
// any is uploading, else READY.
func (g *PackageGroup) GroupStatusAt(now int64) string {
	status := PackageReady
	for _, pk := range g.Packages {
		switch pk.StatusAt(now) {
		case PackageFailed:
			return PackageFailed
		case PackageUploading:
			status = PackageUploading
		}
	}
	return status
}

// SortedPackages returns the group's packages by name.
func (g *PackageGroup) SortedPackages() []*Package {
	out := make([]*Package, 0, len(g.Packages))
	for _, pk := range g.Packages {
		out = append(out, pk)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// PackageData returns (creating if needed) the project's package data.
func (p *Project) PackageData() *PackageData {
	if p.Packages == nil {
		p.Packages = &PackageData{}
	}
	if p.Packages.Groups == nil {
		p.Packages.Groups = map[string]*PackageGroup{}
	}
	if p.Packages.Failures == nil {
		p.Packages.Failures = map[string]string{}
	}
	return p.Packages
}

// SortedGroups returns the named groups by name (not the ungrouped packages' group "").
func (d *PackageData) SortedGroups() []*PackageGroup {
	out := make([]*PackageGroup, 0, len(d.Groups))
	for name, g := range d.Groups {
		if name != "" {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// PackageUpload is one upload request: the files, their kind, the group and how.
type PackageUpload struct {
	Paths   []string
	Kind    string
	Group   string
	IsAsync bool
	Tags    []Tag
	Owner   string
	Now     int64
	Real    time.Time
}

// UploadFailure returns the reason uploads of path fail with, or "".
func (d *PackageData) UploadFailure(path string) string { return d.Failures[path] }

// Upload registers the packages of u in its group, creating the group if needed; a
// package of the same name in that group is replaced (§8.3-8.5). It returns the stored
// packages in the order of u.Paths.
func (d *PackageData) Upload(u PackageUpload) []*Package {
	g := d.Groups[u.Group]
	if g == nil {
		g = &PackageGroup{Name: u.Group, Owner: u.Owner, IsAsync: u.IsAsync, CreateTime: u.Now, Packages: map[string]*Package{}}
		d.Groups[u.Group] = g
	}
	g.UpdateTime = u.Now
	prefix := NewUUID() + "_"
	out := make([]*Package, 0, len(u.Paths))
	for _, path := range u.Paths {
		name := PackageNameOf(path)
		pk := &Package{
			Name: name, Type: u.Kind, Path: path, Owner: u.Owner, UnderlyingName: prefix + name,
			IsAsync: u.IsAsync, Tags: u.Tags, CreateTime: u.Now, UpdateTime: u.Now, ReadyAt: u.Now,
			FailWith: d.Failures[path], CreatedReal: u.Real,
		}
		if old := g.Packages[name]; old != nil {
			pk.CreateTime = old.CreateTime // a same-name upload replaces the package in place
		}
		if u.IsAsync {
			pk.ReadyAt = u.Now + PackageUploadTime.Milliseconds()
		}
		g.Packages[name] = pk
		out = append(out, pk)
	}
	return out
}

// PackageNameOf is the resource name of an OBS object URL: its last path segment.
func PackageNameOf(path string) string {
	path = strings.TrimRight(path, "/")
	return path[strings.LastIndex(path, "/")+1:]
}

// Group returns the named group ("" is the ungrouped packages).
func (d *PackageData) Group(name string) (*PackageGroup, error) {
	g := d.Groups[name]
	if g == nil {
		return nil, &NotFoundError{Kind: KindPackageGroup, Name: name}
	}
	return g, nil
}

// Package returns the package named name in group ("" for an ungrouped package).
func (d *PackageData) Package(group, name string) (*Package, error) {
	g := d.Groups[group]
	if g == nil || g.Packages[name] == nil {
		return nil, &NotFoundError{Kind: KindPackage, Name: name, In: group}
	}
	return g.Packages[name], nil
}

// DeletePackage deletes a package; a named group goes with its last package.
func (d *PackageData) DeletePackage(group, name string) error {
	if _, err := d.Package(group, name); err != nil {
		return err
	}
	g := d.Groups[group]
	delete(g.Packages, name)
	if len(g.Packages) == 0 {
		delete(d.Groups, group)
	}
	return nil
}
