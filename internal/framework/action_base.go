package framework

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// ActionBase is embedded by every action. It carries the API client, the action's type name
// and how long an invocation may wait by default, and implements Metadata and a nil-safe
// Configure.
type ActionBase struct {
	// Client is nil until the provider is configured (e.g. during validation).
	Client *client.Client
	// DefaultTimeout bounds an invocation whose `timeout` argument is unset.
	DefaultTimeout time.Duration

	typeSuffix string
}

// NewActionBase returns the base of the action named provider + "_" + typeSuffix, whose
// invocations wait at most defaultTimeout unless configured otherwise.
func NewActionBase(typeSuffix string, defaultTimeout time.Duration) ActionBase {
	return ActionBase{typeSuffix: typeSuffix, DefaultTimeout: defaultTimeout}
}

// Metadata sets the action type name.
func (b *ActionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.typeSuffix
}

// Configure takes the client handed over by the provider; it does nothing before the
// provider is configured.
func (b *ActionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	b.Client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// TimeoutAttribute is the optional `timeout` argument of an action: how long the
// invocation may take, waits included.
func (b *ActionBase) TimeoutAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("How long the invocation may take, waiting included, as a Go duration "+
			"such as `30m` or `1h30m`. Defaults to `%s`. When it runs out the action fails; the operation it "+
			"started on DLI is not undone.", shortDuration(b.DefaultTimeout)),
		Optional:   true,
		CustomType: timetypes.GoDurationType{},
		Validators: []validator.String{stringvalidator.RegexMatches(positiveDurationRe, "must be a positive duration such as 30m")},
	}
}

// shortDuration writes d without zero trailing units: 2h, 30m, 1h30m.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// positiveDurationRe matches a Go duration without a sign that has a non-zero digit.
var positiveDurationRe = regexp.MustCompile(`^[0-9.]*[1-9][0-9a-zµ.]*$`)

// Invocation is the context of one invocation: bounded by the configured timeout (or the
// default), with every state change the client's waits see sent to Terraform as a progress
// message. Call the returned cancel function when the invocation ends.
func (b *ActionBase) Invocation(ctx context.Context, timeout timetypes.GoDuration, resp *action.InvokeResponse) (context.Context, context.CancelFunc) {
	d := b.DefaultTimeout
	if !timeout.IsNull() && !timeout.IsUnknown() {
		if v, diags := timeout.ValueGoDuration(); !diags.HasError() {
			d = v
		}
	}
	ctx = client.WithProgress(ctx, func(what, state string) {
		Progress(resp, "Waiting for %s: %s", what, state)
	})
	return context.WithTimeout(ctx, d)
}

// Progress sends a progress message of an invocation to Terraform, which shows it to the
// user while the action runs.
func Progress(resp *action.InvokeResponse, format string, args ...any) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}
