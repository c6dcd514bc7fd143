package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Resource packages (seed §8, dli-part3.md section 2): upload into a group (§8.1, and per
// kind §8.3-8.5), list (§8.2), show (§8.6), delete (§8.7) and change the owner (§8.8).

var (
	// packageGroupName is §8.8's rule for a group name, applied to every group.
	packageGroupName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)
	// packageResourceName is §8.8's rule for a package name (not starting with a dot).
	packageResourceName = regexp.MustCompile(`^[A-Za-z0-9_!-][A-Za-z0-9_!.-]{0,127}$`)
	// packageNewOwner is §8.8's rule for new_owner.
	packageNewOwner = regexp.MustCompile(`^[A-Za-z_-][A-Za-z0-9_-]{4,31}$`)
	// packageOBSURL is an OBS object URL (§8.1): https://bucket.obs.endpoint/object.
	packageOBSURL = regexp.MustCompile(`^https://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\.obs\.[A-Za-z0-9.-]+/\S*[^/\s]$`)
	packageKinds  = map[string]bool{"jar": true, "pyFile": true, "file": true, "modelFile": true}
)

// packageItem is a package in answers (the SDK's PackageResource, ShowJobResourceResponse).
type packageItem struct {
	CreateTime     int64  `json:"create_time"`
	UpdateTime     int64  `json:"update_time"`
	ResourceType   string `json:"resource_type"`
	ResourceName   string `json:"resource_name"`
	Status         string `json:"status"`
	UnderlyingName string `json:"underlying_name"`
	Owner          string `json:"owner"`
}

// uploadDetail is a details[] item of an upload answer (the SDK's UploadJobResourcesDetail).
type uploadDetail struct {
	CreateTime     int64  `json:"create_time"`
	UpdateTime     int64  `json:"update_time"`
	ResourceType   string `json:"resource_type"`
	ResourceName   string `json:"resource_name"`
	Status         string `json:"status"`
	UnderlyingName string `json:"underlying_name"`
	IsAsync        bool   `json:"is_async"`
}

// uploadResponse is the answer of §8.1 and §8.3-8.5 (module_type only for the latter).
type uploadResponse struct {
	GroupName  string         `json:"group_name"`
	Status     string         `json:"status"`
	Resources  []string       `json:"resources"`
	Details    []uploadDetail `json:"details"`
	CreateTime int64          `json:"create_time"`
	UpdateTime int64          `json:"update_time"`
	IsAsync    bool           `json:"is_async"`
	Owner      string         `json:"owner"`
	ModuleType string         `json:"module_type,omitempty"`
}

// packageGroupItem is a groups[] item of §8.2 (the SDK's PackageResourceGroup).
type packageGroupItem struct {
	GroupName  string        `json:"group_name"`
	Status     string        `json:"status"`
	Resources  []string      `json:"resources"`
	Details    []packageItem `json:"details"`
	CreateTime int64         `json:"create_time"`
	UpdateTime int64         `json:"update_time"`
	Owner      string        `json:"owner"`
	IsAsync    bool          `json:"is_async"`
}

// listPackagesResponse is §8.2's answer; there are no built-in modules in the emulator.
type listPackagesResponse struct {
	Resources []packageItem      `json:"resources"`
	Modules   []any              `json:"modules"`
	Groups    []packageGroupItem `json:"groups"`
	Total     int                `json:"total"`
}

type uploadPackagesBody struct {
	Paths   []string        `json:"paths"`
	Kind    *string         `json:"kind"`
	Group   *string         `json:"group"`
	IsAsync flexBool        `json:"is_async"`
	Tags    []*queueTagBody `json:"tags"`
}

func (e *Server) uploadJobResources(c *call) result {
	b := uploadPackagesBody{IsAsync: flexBool{name: "is_async"}}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Kind == nil || !packageKinds[*b.Kind] {
		return fail(badRequest("Invalid kind: must be jar, pyFile, file or modelFile."))
	}
	tags := make([]store.Tag, 0, len(b.Tags))
	for i, t := range b.Tags {
		switch {
		case t == nil || t.Key == nil || len(*t.Key) < 1 || len(*t.Key) > 128:
			return fail(badRequest("tags[%d].key is required (1 to 128 characters).", i))
		case t.Value == nil || len(*t.Value) < 1 || len(*t.Value) > 255:
			return fail(badRequest("tags[%d].value is required (1 to 255 characters).", i))
		}
		tags = append(tags, store.Tag{Key: *t.Key, Value: *t.Value})
	}
	return e.upload(c, b.Paths, b.Group, *b.Kind, b.IsAsync.Value, tags, "")
}

// uploadKindResources serves §8.3-8.5: an upload of one kind into a group.
func uploadKindResources(kind string) func(*Server, *call) result {
	return func(e *Server, c *call) result {
		var b uploadPackagesBody
		if err := c.decode(&b); err != nil {
			return fail(err)
		}
		return e.upload(c, b.Paths, b.Group, kind, false, nil, kind)
	}
}

func (e *Server) upload(c *call, paths []string, group *string, kind string, async bool, tags []store.Tag, moduleType string) result {
	if group == nil || !packageGroupName.MatchString(*group) {
		return fail(badRequest("Invalid group: 1 to 64 letters, digits, dots, underscores and hyphens are required."))
	}
	if len(paths) == 0 {
		return fail(badRequest("paths is required: a non-empty list of OBS object URLs."))
	}
	d := c.proj.PackageData()
	for i, p := range paths {
		if !packageOBSURL.MatchString(p) {
			return fail(badRequest("Invalid paths[%d] %q: an OBS object URL such as https://bucket.obs.region.myhuaweicloud.com/dir/file.jar is required.", i, p))
		}
		if name := store.PackageNameOf(p); !packageResourceName.MatchString(name) {
			return fail(badRequest("Invalid paths[%d]: the package name %q must be 1 to 128 letters, digits, _, !, - and ., not starting with a dot.", i, name))
		}
		if reason := d.UploadFailure(p); reason != "" && !async {
			return fail(badRequest("Failed to upload %s: %s", p, reason))
		}
	}
	pks := d.Upload(store.PackageUpload{
		Paths: paths, Kind: kind, Group: *group, IsAsync: async, Tags: tags,
		Owner: c.user.UserName, Now: c.nowMillis(), Real: c.real,
	})
	g, _ := d.Group(*group)
	now := c.nowMillis()
	resp := uploadResponse{
		GroupName: g.Name, Status: g.GroupStatusAt(now), Resources: []string{}, Details: []uploadDetail{},
		CreateTime: g.CreateTime, UpdateTime: g.UpdateTime, IsAsync: async, Owner: g.Owner, ModuleType: moduleType,
	}
	for _, pk := range pks {
		resp.Resources = append(resp.Resources, pk.Name)
		resp.Details = append(resp.Details, uploadDetail{
			CreateTime: pk.CreateTime, UpdateTime: pk.UpdateTime, ResourceType: pk.Type, ResourceName: pk.Name,
			Status: pk.StatusAt(now), UnderlyingName: pk.UnderlyingName, IsAsync: pk.IsAsync,
		})
	}
	return result{Status: http.StatusCreated, Body: resp}
}

func packageItemOf(pk *store.Package, now int64) packageItem {
	return packageItem{
		CreateTime: pk.CreateTime, UpdateTime: pk.UpdateTime, ResourceType: pk.Type, ResourceName: pk.Name,
		Status: pk.StatusAt(now), UnderlyingName: pk.UnderlyingName, Owner: pk.Owner,
	}
}

// packageMatches applies §8.2's kind and tags filters to a package.
func packageMatches(pk *store.Package, kind string, tags []queueTag) bool {
	if kind != "" && pk.Type != kind {
		return false
	}
	for _, f := range tags {
		if !slices.Contains(pk.Tags, f) {
			return false
		}
	}
	return true
}

func (e *Server) listJobResources(c *call) result {
	kind := c.query("kind")
	if kind != "" && !packageKinds[kind] {
		return fail(badRequest("Invalid kind %q: must be jar, pyFile, file or modelFile.", kind))
	}
	tags, err := parseTagFilter(c.query("tags"))
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	d := c.proj.PackageData()
	resp := listPackagesResponse{Resources: []packageItem{}, Modules: []any{}, Groups: []packageGroupItem{}}
	if g := d.Groups[""]; g != nil {
		for _, pk := range g.SortedPackages() {
			if e.visible(pk.CreatedReal) && packageMatches(pk, kind, tags) {
				resp.Resources = append(resp.Resources, packageItemOf(pk, now))
			}
		}
	}
	for _, g := range d.SortedGroups() {
		item := packageGroupItem{
			GroupName: g.Name, Status: g.GroupStatusAt(now), Resources: []string{}, Details: []packageItem{},
			CreateTime: g.CreateTime, UpdateTime: g.UpdateTime, Owner: g.Owner, IsAsync: g.IsAsync,
		}
		for _, pk := range g.SortedPackages() {
			if e.visible(pk.CreatedReal) && packageMatches(pk, kind, tags) {
				item.Resources = append(item.Resources, pk.Name)
				item.Details = append(item.Details, packageItemOf(pk, now))
			}
		}
		if len(item.Details) > 0 {
			resp.Groups = append(resp.Groups, item)
		}
	}
	resp.Total = len(resp.Resources)
	for _, g := range resp.Groups {
		resp.Total += len(g.Details)
	}
	return ok(resp)
}

func packageNotFound(group, name string) *apiError {
	if group == "" {
		return newError(http.StatusNotFound, "DLI.0002", fmt.Sprintf("The resource %s does not exist.", name))
	}
	return newError(http.StatusNotFound, "DLI.0002", fmt.Sprintf("The resource %s does not exist in group %s.", name, group))
}

// showJobResource serves §8.6: the package of the path's resource_name in the ?group=
// group; a missing one, or one not visible yet, is 404 with DLI.0002 (as §8.7's).
func (e *Server) showJobResource(c *call) result {
	group, name := c.query("group"), c.path("resource_name")
	pk, err := c.proj.PackageData().Package(group, name)
	if err != nil || !e.visible(pk.CreatedReal) {
		return fail(packageNotFound(group, name))
	}
	return ok(packageItemOf(pk, c.nowMillis()))
}

// deleteJobResource serves §8.7; a missing package is 404 with DLI.0002.
func (e *Server) deleteJobResource(c *call) result {
	group, name := c.query("group"), c.path("resource_name")
	if err := c.proj.PackageData().DeletePackage(group, name); err != nil {
		return fail(packageNotFound(group, name))
	}
	object := "resources." + name
	if group != "" {
		object = "resources." + group + "/" + name
	}
	c.proj.DropPrivileges(object) // permissions: grants go with the object
	if c.proj.PackageData().Groups[group] == nil && group != "" {
		c.proj.DropPrivileges("groups." + group) // the group went with its last package
	}
	return result{Status: http.StatusOK}
}

type updatePackageOwnerBody struct {
	NewOwner     *string `json:"new_owner"`
	GroupName    *string `json:"group_name"`
	ResourceName *string `json:"resource_name"`
}

func (e *Server) updateJobResourceOwner(c *call) result {
	var b updatePackageOwnerBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	group, name := deref(b.GroupName), deref(b.ResourceName)
	switch {
	case b.NewOwner == nil || !packageNewOwner.MatchString(*b.NewOwner):
		return fail(badRequest("Invalid new_owner: 5 to 32 letters, digits, underscores and hyphens, not starting with a digit."))
	case group == "" && name == "":
		return fail(badRequest("group_name or resource_name is required."))
	case group != "" && !packageGroupName.MatchString(group):
		return fail(badRequest("Invalid group_name %q.", group))
	case name != "" && !packageResourceName.MatchString(name):
		return fail(badRequest("Invalid resource_name %q.", name))
	}
	d := c.proj.PackageData()
	if name == "" {
		g, err := d.Group(group)
		if err != nil {
			return fail(newError(http.StatusNotFound, "DLI.0002", fmt.Sprintf("The group %s does not exist.", group)))
		}
		g.Owner = *b.NewOwner
		return ok(success(""))
	}
	pk, err := d.Package(group, name)
	if err != nil {
		return fail(packageNotFound(group, name))
	}
	pk.Owner, pk.UpdateTime = *b.NewOwner, c.nowMillis()
	return ok(success(""))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// FailPackageUploads makes later uploads of the OBS object path in the project fail with
// reason: a synchronous upload is refused (400) with it, an asynchronous one ends FAILED.
// An empty reason clears the rule. projectID "" is the demo project.
func (e *Server) FailPackageUploads(projectID, path, reason string) error {
	if projectID == "" {
		projectID = DemoProjectID
	}
	if strings.TrimSpace(path) == "" {
		return errors.New("path is required")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.projectIDs[projectID]; !ok {
		return fmt.Errorf("unknown project %q", projectID)
	}
	d := e.data.Project(projectID).PackageData()
	if reason == "" {
		delete(d.Failures, path)
	} else {
		d.Failures[path] = reason
	}
	return nil
}

type packageFailureBody struct {
	ProjectID string `json:"project_id"`
	Path      string `json:"path"`
	Reason    string `json:"reason"`
}

// adminSetPackageFailure serves PUT /_emulator/package-failures {project_id, path,
// reason}; an empty reason clears the rule.
func (e *Server) adminSetPackageFailure(w http.ResponseWriter, r *http.Request) {
	var b packageFailureBody
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&b); err != nil {
		writeError(w, badRequest("Invalid package failure: %v", err))
		return
	}
	if err := e.FailPackageUploads(b.ProjectID, b.Path, b.Reason); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
