// Package datasources holds one file per data source of the provider (DataArts Studio
// metadata, read only).
package datasources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// clientFrom extracts the API client handed over by the provider's Configure. It returns nil
// while the provider is not configured yet (validation before configure).
func clientFrom(providerData any, diags *diag.Diagnostics) *client.Client {
	c, err := client.FromProviderData(providerData)
	if err != nil {
		diags.AddError("Unexpected provider data", err.Error())
	}
	return c
}

// dataArtsBase is embedded by every data source: the API client and Configure.
type dataArtsBase struct {
	client *client.Client
}

func (b *dataArtsBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// getConfig decodes a data source's configuration into its model; ok is false on error.
func getConfig[T any](ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) (m T, ok bool) {
	diags.Append(cfg.Get(ctx, &m)...)
	return m, !diags.HasError()
}

// dataArtsID is one of the DataArts context ids (instance or workspace): set on the data
// source, or defaulted from the provider's dataarts block.
type dataArtsID struct {
	attr     string // instance_id or workspace_id
	header   string // instance or workspace
	fallback func(*client.Client) string
}

var (
	instanceID  = dataArtsID{attr: "instance_id", header: "instance", fallback: (*client.Client).DataArtsInstanceID}
	workspaceID = dataArtsID{attr: "workspace_id", header: "workspace", fallback: (*client.Client).DataArtsWorkspaceID}
)

// schema returns the attribute: optional, computed to the value used.
func (id dataArtsID) schema(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("DataArts Studio %s ID, sent as the `%s` header. Defaults to `%s` in the provider's "+
			"`dataarts` block; one of the two must be set. %s", strings.TrimSuffix(id.attr, "_id"), id.header, id.attr, what),
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{nonEmpty()},
	}
}

// resolve returns the id to use. A missing id is an error naming both places it can be
// set; an unknown one (known only after apply) resolves to "" without error.
//
// Data sources get the provider's client only once the provider is configured. Terraform
// validates a data source's configuration again, with the provider configured, right before
// it reads the data source during plan, so ValidateConfig (c is nil only in the first,
// unconfigured validation) reports a missing id at plan time. A data source whose
// configuration is known only after apply is read, and revalidated, only at apply; Read
// calls resolve too, so the error is the same and still comes before any API call.
func (id dataArtsID) resolve(c *client.Client, v types.String, diags *diag.Diagnostics) string {
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
	diags.AddAttributeError(path.Root(id.attr), "Missing DataArts Studio "+strings.TrimSuffix(id.attr, "_id")+" ID",
		fmt.Sprintf("This data source needs a DataArts Studio %[2]s ID (the %[3]q header). Set %[1]s on the data source, "+
			"or set dataarts = { %[1]s = \"...\" } in the provider block.", id.attr, strings.TrimSuffix(id.attr, "_id"), id.header))
	return ""
}

// computedString and computedInt64 are read-only result attributes.
func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

func computedInt64(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
}

// queryID derives a stable id from the query arguments of a data source.
func queryID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:8])
}

// nullIfEmpty maps "" to null: the API returns empty strings and nulls interchangeably.
func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// rfc3339FromMillis formats epoch milliseconds as RFC 3339 in UTC; 0 (not set) is null.
func rfc3339FromMillis(ms int64) types.String {
	if ms == 0 {
		return types.StringNull()
	}
	return types.StringValue(time.UnixMilli(ms).UTC().Format(time.RFC3339))
}

// parseRFC3339 parses a known time argument; ok is false when it is null or unknown.
func parseRFC3339(v types.String) (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, v.ValueString())
	return t, err == nil
}

// rfc3339Rule validates an RFC 3339 timestamp such as 2024-01-11T00:00:00Z.
type rfc3339Rule struct{}

func rfc3339() validator.String { return rfc3339Rule{} }

func (rfc3339Rule) Description(context.Context) string {
	return "an RFC 3339 timestamp, e.g. 2024-01-11T00:00:00Z or 2024-01-11T08:00:00+08:00"
}

func (r rfc3339Rule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r rfc3339Rule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse(time.RFC3339, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid timestamp",
			fmt.Sprintf("%s %q is not %s.", req.Path, req.ConfigValue.ValueString(), r.Description(ctx)))
	}
}

// nonEmptyRule rejects "" (an empty id or filter would silently mean "unset").
type nonEmptyRule struct{}

func nonEmpty() validator.String { return nonEmptyRule{} }

func (nonEmptyRule) Description(context.Context) string { return "must not be empty" }

func (r nonEmptyRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (nonEmptyRule) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && strings.TrimSpace(req.ConfigValue.ValueString()) == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Empty value",
			fmt.Sprintf("%s must not be empty; remove the argument to leave it unset.", req.Path))
	}
}

// timeWindow checks a [start, end] pair of RFC 3339 arguments: end must be after start
// (or not before it, when equal is allowed).
func timeWindow(start, end types.String, startAttr, endAttr string, allowEqual bool, diags *diag.Diagnostics) {
	s, ok1 := parseRFC3339(start)
	e, ok2 := parseRFC3339(end)
	if !ok1 || !ok2 {
		return
	}
	if e.Before(s) || (!allowEqual && e.Equal(s)) {
		rule := "after"
		if allowEqual {
			rule = "at or after"
		}
		diags.AddAttributeError(path.Root(endAttr), "Invalid time window",
			fmt.Sprintf("%s (%s) must be %s %s (%s).", endAttr, end.ValueString(), rule, startAttr, start.ValueString()))
	}
}
