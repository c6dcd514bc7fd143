package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Statuses of a resource package (§8.1); DLI's examples also use lowercase.
const (
	PackageStatusUploading = "UPLOADING"
	PackageStatusReady     = "READY"
	PackageStatusFailed    = "FAILED"
	packagesPath           = "/v2.0/{project_id}/resources"
	kindPackage            = "resource package"
)

func packagePath(name string) string {
	return packagesPath + "/" + name // the SDK escapes the path
}

func packageQuery(group string) url.Values {
	if group == "" {
		return nil
	}
	return url.Values{"group": {group}}
}

// PackageID is the id of a package in the write log and in Terraform: "<group>/<name>".
func PackageID(group, name string) string { return group + "/" + name }

// UploadPackage uploads the files of body into its group (§8.1, answered 201; the group is
// created when missing, and a package of the same name in it is replaced). name is the
// package the upload creates (the last segment of its OBS path): if an attempt's outcome is
// unknown, it looks that package up (within the consistency window) before sending again.
func (c *Client) UploadPackage(ctx context.Context, body *model.UploadJobResourcesRequestBody, name string) error {
	c.noteWrite(kindPackage, PackageID(body.Group, name))
	lookup := func(ctx context.Context) error {
		pkg, err := c.ShowPackage(ctx, body.Group, name)
		if err != nil {
			return err
		}
		if got := ptr.Deref(pkg.ResourceType); got != body.Kind {
			return &ExistsMismatchError{Kind: kindPackage, Name: PackageID(body.Group, name),
				Detail: fmt.Sprintf("type %q, requested %q", got, body.Kind)}
		}
		return nil
	}
	var out uploadPackagesResponse
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UploadJobResources", Method: http.MethodPost,
		Path: packagesPath, Body: body, Reconcile: tookEffect(lookup),
	}, &out)
}

// ShowPackage reads one package of a group (§8.6; group "" for an ungrouped package).
func (c *Client) ShowPackage(ctx context.Context, group, name string) (*model.ShowJobResourceResponse, error) {
	var out showPackageResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowJobResource", Method: http.MethodGet,
		Path: packagePath(name), Query: packageQuery(group),
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out.ShowJobResourceResponse, nil
}

// ListPackages lists the project's packages, groups and built-in modules (§8.2), optionally
// only those of one kind (jar, pyFile, file, modelFile); kind "" lists every kind.
func (c *Client) ListPackages(ctx context.Context, kind string) (*model.ListJobResourcesResponse, error) {
	var query url.Values
	if kind != "" {
		query = url.Values{"kind": {kind}}
	}
	var out listPackagesResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ListJobResources", Method: http.MethodGet, Path: packagesPath, Query: query,
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out.ListJobResourcesResponse, nil
}

// UpdatePackageOwner changes the owner of a package in a group (§8.8).
func (c *Client) UpdatePackageOwner(ctx context.Context, group, name, owner string) error {
	c.noteWrite(kindPackage, PackageID(group, name))
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateJobResourceOwner", Method: http.MethodPut, Path: packagesPath + "/owner",
		Body: &model.UpdateJobResourceOwnerRequestBody{NewOwner: owner, GroupName: group, ResourceName: &name},
	}, &out)
}

// DeletePackage deletes a package (§8.7). A package that is already gone is not an error.
func (c *Client) DeletePackage(ctx context.Context, group, name string) error {
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteJobResource", Method: http.MethodDelete,
		Path: packagePath(name), Query: packageQuery(group),
	}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

// PackageUploadFailedError is a package whose upload ended FAILED. DLI gives no reason in
// the package's status, so the error names what usually causes it.
type PackageUploadFailedError struct {
	Group, Name string
}

func (e *PackageUploadFailedError) Error() string {
	return fmt.Sprintf("the upload of resource package %s ended FAILED (DLI reports no further reason; "+
		"check that the OBS object exists and that DLI is authorised to read its bucket)", PackageID(e.Group, e.Name))
}

// WaitForPackageReady waits until the package's status is READY; FAILED stops the wait
// with a *PackageUploadFailedError. A package not found within the consistency window after
// it was written is not visible yet.
func (c *Client) WaitForPackageReady(ctx context.Context, group, name string) (*model.ShowJobResourceResponse, error) {
	id := PackageID(group, name)
	start := time.Now()
	var pkg *model.ShowJobResourceResponse
	err := c.Wait(ctx, fmt.Sprintf("resource package %s to be READY", id), func(ctx context.Context) (bool, string, error) {
		var err error
		pkg, err = c.ShowPackage(ctx, group, name)
		if IsNotFound(err) && c.notVisibleYet(kindPackage, id, start) {
			return false, "not visible yet", nil
		}
		if err != nil {
			return false, "", err
		}
		switch status := strings.ToUpper(ptr.Deref(pkg.Status)); status {
		case PackageStatusReady:
			return true, status, nil
		case PackageStatusFailed:
			return false, "", &PackageUploadFailedError{Group: group, Name: name}
		default:
			return false, status, nil
		}
	})
	return pkg, err
}

// WaitForPackageDeleted waits until the package is gone.
func (c *Client) WaitForPackageDeleted(ctx context.Context, group, name string) error {
	return c.Wait(ctx, fmt.Sprintf("resource package %s to be deleted", PackageID(group, name)), func(ctx context.Context) (bool, string, error) {
		pkg, err := c.ShowPackage(ctx, group, name)
		if IsNotFound(err) {
			return true, "deleted", nil
		}
		if err != nil {
			return false, "", err
		}
		return false, ptr.Deref(pkg.Status), nil
	})
}

// uploadPackagesResponse is the §8.1 answer: the group must be named.
type uploadPackagesResponse struct {
	model.UploadJobResourcesResponse
}

func (r *uploadPackagesResponse) validate() error {
	return requireFields(field{"group_name", ptr.Deref(r.GroupName) != ""})
}

type showPackageResponse struct {
	model.ShowJobResourceResponse
}

func (r *showPackageResponse) validate() error {
	return requireFields(field{"resource_name", ptr.Deref(r.ResourceName) != ""}, field{"status", ptr.Deref(r.Status) != ""})
}

// listPackagesResponse is the §8.2 answer: total is required (§8.2), and every listed
// package must be named.
type listPackagesResponse struct {
	model.ListJobResourcesResponse
}

func (r *listPackagesResponse) validate() error {
	if err := requireFields(field{"total", r.Total != nil}); err != nil {
		return err
	}
	for _, g := range ptr.Deref(r.Groups) {
		if ptr.Deref(g.GroupName) == "" {
			return fmt.Errorf("the response lists a group without group_name")
		}
		for _, p := range ptr.Deref(g.Details) {
			if ptr.Deref(p.ResourceName) == "" {
				return fmt.Errorf("the response lists a package of group %s without resource_name", ptr.Deref(g.GroupName))
			}
		}
	}
	for _, p := range ptr.Deref(r.Resources) {
		if ptr.Deref(p.ResourceName) == "" {
			return fmt.Errorf("the response lists a package without resource_name")
		}
	}
	return nil
}
