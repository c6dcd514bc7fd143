package resources

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// authTypeRule is what one datasource_type needs and allows (dli-sdk-extras.md section
// 3.0). Names are arguments; a secret's name stands for its sensitive and write-only forms.
type authTypeRule struct {
	required [][]string // each entry: at least one of these must be set
	allowed  []string
}

var authTypeRules = map[string]authTypeRule{
	"passwd": {
		required: [][]string{{"username"}, {"password"}},
		allowed:  []string{"username", "password"},
	},
	"CSS": {
		required: [][]string{{"username"}, {"password"}, {"certificate_location"}},
		allowed:  []string{"username", "password", "certificate_location"},
	},
	"KRB": {
		required: [][]string{{"krb5_conf"}, {"keytab"}},
		allowed:  []string{"username", "krb5_conf", "keytab"},
	},
	"Kafka_SSL": {
		required: [][]string{{"truststore_location", "keystore_location"}},
		allowed: []string{"truststore_location", "truststore_password", "keystore_location",
			"keystore_password", "key_password"},
	},
}

// authTypeArguments are the arguments whose use depends on the type.
var authTypeArguments = []string{"username", "password", "certificate_location", "krb5_conf", "keytab",
	"truststore_location", "truststore_password", "keystore_location", "keystore_password", "key_password"}

// authInfoTypes are the datasource_type values, as DLI spells them.
var authInfoTypes = []string{"passwd", "CSS", "KRB", "Kafka_SSL"}

// authTypeValidator checks at plan time that the arguments fit the type.
type authTypeValidator struct{}

func (authTypeValidator) Description(context.Context) string {
	return "the arguments set are the ones the datasource type uses"
}

func (v authTypeValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (authTypeValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var typ types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("type"), &typ)...)
	rule, ok := authTypeRules[typ.ValueString()]
	if typ.IsNull() || typ.IsUnknown() || !ok {
		return // the type's own validator reports a bad value
	}
	isSet := func(name string) bool {
		names := []string{name}
		if isAuthSecret(name) {
			names = append(names, name+"_wo")
		}
		for _, n := range names {
			var v types.String
			resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(n), &v)...)
			if !v.IsNull() {
				return true
			}
		}
		return false
	}
	t := typ.ValueString()
	for _, name := range authTypeArguments {
		if isSet(name) && !slices.Contains(rule.allowed, name) {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Argument not used by this type",
				fmt.Sprintf("%s is not used by type %q, which takes %s.", describeArg(name), t, describeArgs(rule.allowed)))
		}
	}
	for _, group := range rule.required {
		if slices.ContainsFunc(group, isSet) || slices.ContainsFunc(group, isAuthSecret) {
			continue // a secret is required only to create: see ModifyPlan
		}
		resp.Diagnostics.AddAttributeError(path.Root(group[0]), "Missing argument for this type",
			fmt.Sprintf("type %q requires %s.", t, strings.Join(mapSlice(group, describeArg), " or ")))
	}
}

// describeArg names an argument, with its write-only form for a secret.
func describeArg(name string) string {
	if isAuthSecret(name) {
		return name + " (or " + name + "_wo)"
	}
	return name
}

func isAuthSecret(name string) bool {
	return slices.ContainsFunc(authSecrets, func(s authSecret) bool { return s.attr == name })
}

func describeArgs(names []string) string { return strings.Join(mapSlice(names, describeArg), ", ") }

func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// ModifyPlan requires the secrets a type needs to create an authentication. DLI never
// returns them, so an imported one (or its configuration from `terraform plan
// -generate-config-out`) may leave them unset, and it keeps the secrets it has.
func (r *dliDatasourceAuthResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var typ types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("type"), &typ)...)
	var secrets [][]string
	for _, group := range authTypeRules[typ.ValueString()].required {
		for _, name := range group {
			if isAuthSecret(name) {
				secrets = append(secrets, []string{name, name + "_wo"})
			}
		}
	}
	framework.RequireOnCreate(ctx, req, resp, fmt.Sprintf("type %q authenticates with it.", typ.ValueString()), secrets...)
}
