package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// The Delete and ImportState that the SQL and Spark templates share.

// deleteTemplate deletes the template id; what names it ("DLI SQL template"). DLI's SQL
// template batch delete removes both kinds (the SDK has no Spark template delete).
func deleteTemplate(ctx context.Context, c *client.Client, what string, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id string
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := c.DeleteTemplates(ctx, id); err != nil {
		framework.APIError(&resp.Diagnostics, "Deleting "+what+" "+id, err)
	}
}

// importTemplate imports a template by its id; what names it and example is the import
// command's id part ("huaweidata_dli_sql_template.example 2f3a…") for the error.
func importTemplate(ctx context.Context, what, example string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if id == "" || strings.ContainsAny(id, "/ ") {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a %s, e.g. `terraform import %s`; got %q.", what, example, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}
