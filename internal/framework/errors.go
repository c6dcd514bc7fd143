package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// APIError adds an error diagnostic for a failed API call. action says what was being done
// ("Creating DLI queue q1"); the error text carries the HTTP status, error code, message,
// request id and operation.
func APIError(diags *diag.Diagnostics, action string, err error) {
	diags.AddError(action, err.Error())
}

// Found sorts out the error of a read for a ReadFunc and reports whether the object was
// found: a not-found error means it is gone, with no diagnostic; any other error is added
// to diags as the failure of action ("Reading DLI queue q1").
func Found(diags *diag.Diagnostics, action string, err error) bool {
	if err == nil {
		return true
	}
	if !client.IsNotFound(err) {
		APIError(diags, action, err)
	}
	return false
}
