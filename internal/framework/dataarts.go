package framework

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

// DataArtsID is one of the DataArts Studio context ids (instance or workspace): set on the
// data source, or defaulted from the provider's dataarts block.
type DataArtsID struct {
	attr     string // instance_id or workspace_id
	header   string // instance or workspace
	fallback func(*client.Client) string
}

var (
	// DataArtsInstanceID is the instance_id argument (the `instance` header).
	DataArtsInstanceID = DataArtsID{attr: "instance_id", header: "instance", fallback: (*client.Client).DataArtsInstanceID}
	// DataArtsWorkspaceID is the workspace_id argument (the `workspace` header).
	DataArtsWorkspaceID = DataArtsID{attr: "workspace_id", header: "workspace", fallback: (*client.Client).DataArtsWorkspaceID}
)

// Attribute is the id's schema attribute: optional, computed to the value used, never empty.
func (id DataArtsID) Attribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("DataArts Studio %s ID, sent as the `%s` header. Defaults to `%s` in the provider's "+
			"`dataarts` block; one of the two must be set.", id.kind(), id.header, id.attr),
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
	}
}

func (id DataArtsID) kind() string { return strings.TrimSuffix(id.attr, "_id") }

// Resolve returns the id to use. A missing id is an error naming both places it can be
// set; an unknown one (known only after apply) resolves to "" without error.
//
// Data sources get the provider's client only once the provider is configured. Terraform
// validates a data source's configuration again, with the provider configured, right before
// it reads the data source during plan, so ValidateConfig (c is nil only in the first,
// unconfigured validation) reports a missing id at plan time. A data source whose
// configuration is known only after apply is read, and revalidated, only at apply; Read
// calls Resolve too, so the error is the same and still comes before any API call.
func (id DataArtsID) Resolve(c *client.Client, v types.String, diags *diag.Diagnostics) string {
	if v.IsUnknown() {
		return ""
	}
	if s := v.ValueString(); s != "" {
		return s
	}
	if c == nil {
		return ""
	}
	if s := id.fallback(c); s != "" {
		return s
	}
	diags.AddAttributeError(path.Root(id.attr), "Missing DataArts Studio "+id.kind()+" ID",
		fmt.Sprintf("This data source needs a DataArts Studio %[2]s ID (the %[3]q header). Set %[1]s on the data source, "+
			"or set dataarts = { %[1]s = \"...\" } in the provider block.", id.attr, id.kind(), id.header))
	return ""
}
