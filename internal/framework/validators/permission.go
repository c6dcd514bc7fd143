package validators

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// DLI permissions (seed §5): the object notation and the privileges each kind of object
// takes. Queue privileges are §5.1's list; the data and job lists are the names of §5.3–§5.7
// completed by DLI's permission matrix (dli-part3.md section 1.0); ALL is the owner's and is
// never granted.

// tablePrivileges apply to a table, and to every table of a database.
var tablePrivileges = []string{
	"SELECT", "DESCRIBE_TABLE", "SHOW_CREATE_TABLE", "DROP_TABLE", "INSERT_INTO_TABLE", "INSERT_OVERWRITE_TABLE",
	"ALTER_TABLE_ADD_COLUMNS", "ALTER_TABLE_RENAME", "ALTER_TABLE_ADD_PARTITION", "GRANT_PRIVILEGE", "REVOKE_PRIVILEGE", "SHOW_GRANT",
}

var packagePrivileges = []string{"USE_GROUP", "UPDATE_GROUP", "GET_GROUP", "DELETE_GROUP", "GRANT_PRIVILEGE", "REVOKE_PRIVILEGE", "SHOW_PRIVILEGES"}

// PermissionPrivileges are the privileges each kind of object takes.
var PermissionPrivileges = map[client.PermissionKind][]string{
	client.PermissionQueue: {"SUBMIT_JOB", "CANCEL_JOB", "DROP_QUEUE", "GRANT_PRIVILEGE", "REVOKE_PRIVILEGE",
		"SHOW_PRIVILEGE", "RESTART", "SCALE_QUEUE"},
	client.PermissionDatabase: append([]string{"CREATE_TABLE", "CREATE_VIEW", "DROP_DATABASE", "EXPLAIN",
		"CREATE_ROLE", "DROP_ROLE", "SHOW_ROLES", "GRANT_ROLE", "REVOKE_ROLE"}, tablePrivileges...),
	client.PermissionTable:  tablePrivileges,
	client.PermissionColumn: {"SELECT"},
	client.PermissionFlinkJob: {"GET", "UPDATE", "DELETE", "START", "STOP", "EXPORT", "GRANT_PRIVILEGE",
		"REVOKE_PRIVILEGE", "SHOW_PRIVILEGES"},
	client.PermissionGroup:   packagePrivileges,
	client.PermissionPackage: packagePrivileges,
}

// PermissionObject checks a DLI object notation.
func PermissionObject() validator.String { return permissionObjectRule{} }

type permissionObjectRule struct{}

func (permissionObjectRule) Description(context.Context) string {
	return "a DLI object: " + client.PermissionNotations
}

func (v permissionObjectRule) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v permissionObjectRule) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if _, err := client.ParsePermissionObject(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid object", fmt.Sprintf("%s %s.", req.Path, err))
	}
}

// PrivilegesForObject checks that every privilege of the set applies to the kind of
// object named by the sibling attribute objectAttr.
func PrivilegesForObject(objectAttr string) validator.Set {
	return privilegesRule{objectAttr: objectAttr}
}

type privilegesRule struct{ objectAttr string }

func (r privilegesRule) Description(context.Context) string {
	return "privileges that apply to the kind of `" + r.objectAttr + "`"
}

func (r privilegesRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r privilegesRule) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var object types.String
	objectPath := req.Path.ParentPath().AtName(r.objectAttr)
	if d := req.Config.GetAttribute(ctx, objectPath, &object); d.HasError() || object.IsNull() || object.IsUnknown() {
		return
	}
	o, err := client.ParsePermissionObject(object.ValueString())
	if err != nil {
		return // the object's own validator reports it
	}
	allowed := PermissionPrivileges[o.Kind]
	for _, e := range req.ConfigValue.Elements() {
		p, isString := e.(types.String)
		if !isString || p.IsUnknown() || p.IsNull() {
			continue
		}
		if !slices.Contains(allowed, p.ValueString()) {
			resp.Diagnostics.AddAttributeError(req.Path, "Privilege does not apply to the object", fmt.Sprintf(
				"%s: privilege %q does not apply to the %s %q (%s). Allowed on a %s: %s.",
				req.Path, p.ValueString(), o.Kind, o.Notation, objectPath, o.Kind, strings.Join(allowed, ", ")))
		}
	}
}
