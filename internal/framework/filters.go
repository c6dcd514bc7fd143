package framework

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

// The filters the list data sources share: name_regex and keyword (applied by the provider
// to the shared listing of a collection) and tags (sent to the API), and the deterministic
// order of their results.

// NameRegexAttribute is the optional name_regex filter of a list data source; what names
// the listed objects, e.g. "databases".
func NameRegexAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Keep only the " + what + " whose name matches this regular expression, in " +
			"[RE2 syntax](https://github.com/google/re2/wiki/Syntax) (no look-around or back-references; checked at plan time). " +
			"It matches anywhere in the name: anchor it with `^` and `$` to match the whole name. Applied by the provider.",
		Optional:   true,
		Validators: []validator.String{validators.RE2Regex()},
	}
}

// KeywordAttribute is the optional keyword filter of a list data source: the API's
// "name contains" match, applied by the provider to the shared listing so that it costs
// no request of its own.
func KeywordAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Keep only the " + what + " whose name contains this text (case-insensitive), the match of the API's " +
			"`keyword` filter. The provider applies it to the listing it shares within the run, so it costs no extra request. " +
			"At least one non-blank character.",
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
	}
}

// TagsFilterAttribute is an optional tags filter that the API applies; desc says how it matches.
func TagsFilterAttribute(desc string) schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: desc + " Keys of 1 to 128 and values of 1 to 255 characters.",
		Optional:            true,
		ElementType:         types.StringType,
		Validators: []validator.Map{
			mapvalidator.SizeAtLeast(1),
			mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128)),
			mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, 255)),
		},
	}
}

// NameFilter is the name_regex and keyword filters of a list data source.
type NameFilter struct {
	regex   *regexp.Regexp
	keyword string
}

// NewNameFilter builds the filter from the two (possibly null) attributes. A regex that does
// not compile (plan-time validation normally rejects it first) is reported in diags.
func NewNameFilter(regex, keyword types.String, diags *diag.Diagnostics) NameFilter {
	f := NameFilter{keyword: strings.ToLower(keyword.ValueString())}
	if regex.ValueString() != "" {
		re, err := regexp.Compile(regex.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
			return f
		}
		f.regex = re
	}
	return f
}

// Match reports whether name passes both filters.
func (f NameFilter) Match(name string) bool {
	return strings.Contains(strings.ToLower(name), f.keyword) && (f.regex == nil || f.regex.MatchString(name))
}

// Matching returns the items that keep keeps, sorted by key: a new slice, since listings
// from the client's shared cache must not be modified.
func Matching[T any](items []T, keep func(T) bool, key func(T) string) []T {
	out := make([]T, 0, len(items))
	for _, it := range items {
		if keep(it) {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
	return out
}
