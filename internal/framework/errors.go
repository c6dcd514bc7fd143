package framework

import "github.com/hashicorp/terraform-plugin-framework/diag"

// APIError adds an error diagnostic for a failed API call. action says what was being done
// ("Creating DLI queue q1"); the error text carries the HTTP status, error code, message,
// request id and operation.
func APIError(diags *diag.Diagnostics, action string, err error) {
	diags.AddError(action, err.Error())
}
