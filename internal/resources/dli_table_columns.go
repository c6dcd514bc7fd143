package resources

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Column types of huaweidata_dli_table: Spark SQL types, parsed and normalised here so that
// INT, Integer and int are one type, as DLI's describe reports them.

// columnNameShape is the column-name rule: DLI stores names in lowercase, and the provider
// quotes names with backquotes in DDL.
var columnNameShape = regexp.MustCompile("^[^A-Z`]+$")

// sparkTypeAliases maps primitive Spark SQL type names and aliases to the name describe
// returns.
var sparkTypeAliases = map[string]string{
	"boolean": "boolean", "bool": "boolean", "tinyint": "tinyint", "byte": "tinyint",
	"smallint": "smallint", "short": "smallint", "int": "int", "integer": "int",
	"bigint": "bigint", "long": "bigint", "float": "float", "real": "float", "double": "double",
	"string": "string", "binary": "binary", "date": "date", "timestamp": "timestamp",
}

// normalizeSparkType returns the canonical spelling of a Spark SQL type (lowercase, aliases
// resolved, decimal precision filled in, no spaces), or an error saying what is wrong.
func normalizeSparkType(s string) (string, error) {
	p := &typeParser{s: s}
	out, err := p.parse()
	if err != nil {
		return "", err
	}
	p.space()
	if p.i < len(p.s) {
		return "", fmt.Errorf("unexpected %q after %s", p.s[p.i:], out)
	}
	return out, nil
}

type typeParser struct {
	s string
	i int
}

func (p *typeParser) space() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

func (p *typeParser) word() string {
	p.space()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

func (p *typeParser) accept(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *typeParser) expect(c byte, after string) error {
	if !p.accept(c) {
		if p.i >= len(p.s) {
			return fmt.Errorf("missing '%c' after %s", c, after)
		}
		return fmt.Errorf("expected '%c' after %s, found %q", c, after, p.s[p.i:])
	}
	return nil
}

func (p *typeParser) number(what string) (int, error) {
	w := p.word()
	n, err := strconv.Atoi(w)
	if err != nil {
		return 0, fmt.Errorf("%s must be a whole number, found %q", what, w)
	}
	return n, nil
}

func (p *typeParser) parse() (string, error) {
	raw := p.word()
	name := strings.ToLower(raw)
	if name == "" {
		if p.i >= len(p.s) {
			return "", fmt.Errorf("a type is missing")
		}
		return "", fmt.Errorf("expected a type name, found %q", p.s[p.i:])
	}
	if canon, ok := sparkTypeAliases[name]; ok {
		return canon, nil
	}
	switch name {
	case "decimal", "dec", "numeric":
		prec, scale := 10, 0
		if p.accept('(') {
			var err error
			if prec, err = p.number("the decimal precision"); err != nil {
				return "", err
			}
			if p.accept(',') {
				if scale, err = p.number("the decimal scale"); err != nil {
					return "", err
				}
			}
			if err := p.expect(')', "the decimal precision and scale"); err != nil {
				return "", err
			}
		}
		if prec < 1 || prec > 38 || scale < 0 || scale > prec {
			return "", fmt.Errorf("decimal(%d,%d) is out of range: precision 1 to 38, scale 0 to the precision", prec, scale)
		}
		return fmt.Sprintf("decimal(%d,%d)", prec, scale), nil
	case "varchar", "char":
		limit := map[string]int{"varchar": 65535, "char": 255}[name]
		if err := p.expect('(', name+" (it needs a length, e.g. "+name+"(20))"); err != nil {
			return "", err
		}
		n, err := p.number("the " + name + " length")
		if err != nil {
			return "", err
		}
		if err := p.expect(')', "the "+name+" length"); err != nil {
			return "", err
		}
		if n < 1 || n > limit {
			return "", fmt.Errorf("%s(%d) is out of range: the length must be 1 to %d", name, n, limit)
		}
		return fmt.Sprintf("%s(%d)", name, n), nil
	case "array", "map":
		if err := p.expect('<', name); err != nil {
			return "", err
		}
		var args []string
		for i := 0; i < map[string]int{"array": 1, "map": 2}[name]; i++ {
			if i > 0 {
				if err := p.expect(',', name+"<"+args[0]+" (a map has a key and a value type)"); err != nil {
					return "", err
				}
			}
			arg, err := p.parse()
			if err != nil {
				return "", err
			}
			args = append(args, arg)
		}
		if err := p.expect('>', name+"<"+strings.Join(args, ",")); err != nil {
			return "", err
		}
		return name + "<" + strings.Join(args, ",") + ">", nil
	case "struct":
		if err := p.expect('<', "struct"); err != nil {
			return "", err
		}
		if p.accept('>') {
			return "struct<>", nil
		}
		var fields []string
		for {
			f := p.word()
			if f == "" {
				return "", fmt.Errorf("expected a struct field name in %q", p.s)
			}
			if err := p.expect(':', "struct field "+f); err != nil {
				return "", err
			}
			ft, err := p.parse()
			if err != nil {
				return "", err
			}
			fields = append(fields, strings.ToLower(f)+":"+ft)
			if p.accept('>') {
				return "struct<" + strings.Join(fields, ",") + ">", nil
			}
			if err := p.expect(',', "struct field "+f); err != nil {
				return "", err
			}
		}
	}
	return "", fmt.Errorf("%q is not a Spark SQL type", raw)
}

// sparkTypeValidator validates a column type at plan time.
type sparkTypeValidator struct{}

func (sparkTypeValidator) Description(context.Context) string {
	return "a Spark SQL type: boolean, tinyint, smallint, int, bigint, float, double, string, binary, date, timestamp, " +
		"decimal(p,s), varchar(n), char(n), array<type>, map<key,value> or struct<name:type,...>"
}

func (v sparkTypeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v sparkTypeValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := normalizeSparkType(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid column type",
			fmt.Sprintf("%s %q is not a type DLI accepts: %v. It must be %s.", req.Path, req.ConfigValue.ValueString(), err, v.Description(ctx)))
	}
}

// sparkTypeType is the custom string type of column types: values that normalise to the
// same Spark type are semantically equal, so DLI's spelling never shows as a difference.
type sparkTypeType struct{ basetypes.StringType }

var (
	_ basetypes.StringTypable                    = sparkTypeType{}
	_ basetypes.StringValuableWithSemanticEquals = sparkTypeValue{}
)

func (t sparkTypeType) Equal(o attr.Type) bool { _, ok := o.(sparkTypeType); return ok }
func (t sparkTypeType) String() string         { return "sparkTypeType" }
func (t sparkTypeType) ValueType(context.Context) attr.Value {
	return sparkTypeValue{}
}

func (t sparkTypeType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return sparkTypeValue{StringValue: in}, nil
}

func (t sparkTypeType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return sparkTypeValue{StringValue: s}, nil
}

// sparkTypeValue is a column type value.
type sparkTypeValue struct{ basetypes.StringValue }

func newSparkType(s string) sparkTypeValue { return sparkTypeValue{StringValue: types.StringValue(s)} }

func (v sparkTypeValue) Type(context.Context) attr.Type { return sparkTypeType{} }

func (v sparkTypeValue) Equal(o attr.Value) bool {
	other, ok := o.(sparkTypeValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether two types normalise to the same Spark type.
func (v sparkTypeValue) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := nv.(sparkTypeValue)
	if !ok {
		return false, nil
	}
	return sameSparkType(v.ValueString(), other.ValueString()), nil
}

func sameSparkType(a, b string) bool {
	na, errA := normalizeSparkType(a)
	nb, errB := normalizeSparkType(b)
	return errA == nil && errB == nil && na == nb
}

// tableColumnModel is one element of columns.
type tableColumnModel struct {
	Name        types.String   `tfsdk:"name"`
	Type        sparkTypeValue `tfsdk:"type"`
	Description types.String   `tfsdk:"description"`
	IsPartition types.Bool     `tfsdk:"is_partition"`
}

var tableColumnAttrTypes = map[string]attr.Type{
	"name": types.StringType, "type": sparkTypeType{}, "description": types.StringType, "is_partition": types.BoolType,
}

var tableColumnObjectType = types.ObjectType{AttrTypes: tableColumnAttrTypes}

// sameColumn reports whether two columns are the same apart from spelling.
func sameColumn(a, b tableColumnModel) bool {
	return strings.EqualFold(a.Name.ValueString(), b.Name.ValueString()) && sameSparkType(a.Type.ValueString(), b.Type.ValueString()) &&
		a.IsPartition.ValueBool() == b.IsPartition.ValueBool() && a.Description.Equal(b.Description)
}

func splitColumns(cols []tableColumnModel) (data, parts []tableColumnModel) {
	for _, c := range cols {
		if c.IsPartition.ValueBool() {
			parts = append(parts, c)
		} else {
			data = append(data, c)
		}
	}
	return data, parts
}

// columnChange is what an update of columns needs.
type columnChange struct {
	replace     string             // why the table must be replaced; "" when it can change in place
	appended    []tableColumnModel // non-partition columns added after the existing ones
	commentOnly []tableColumnModel // existing columns whose description changes
}

func (c columnChange) inPlace() bool {
	return c.replace == "" && (len(c.appended) > 0 || len(c.commentOnly) > 0)
}

// diffColumns decides how old columns become new ones. Only appending non-partition columns
// and changing descriptions of non-partition columns can be done in place (ALTER TABLE ...
// ADD COLUMNS / CHANGE COLUMN ... COMMENT); anything else replaces the table.
func diffColumns(old, cur []tableColumnModel, view bool) columnChange {
	for _, c := range cur {
		if c.Name.IsUnknown() || c.Type.IsUnknown() || c.IsPartition.IsUnknown() {
			return columnChange{replace: "a column's name, type or is_partition is not known until apply"}
		}
	}
	oldData, oldParts := splitColumns(old)
	newData, newParts := splitColumns(cur)
	var ch columnChange
	if len(newParts) != len(oldParts) {
		return columnChange{replace: fmt.Sprintf("the partition columns change (%d before, %d after)", len(oldParts), len(newParts))}
	}
	for i := range oldParts {
		if !sameColumn(oldParts[i], newParts[i]) {
			return columnChange{replace: fmt.Sprintf("partition column %q changes (partition columns cannot be altered)", oldParts[i].Name.ValueString())}
		}
	}
	if len(newData) < len(oldData) {
		return columnChange{replace: fmt.Sprintf("columns are removed (%d before, %d after)", len(oldData), len(newData))}
	}
	for i, o := range oldData {
		n := newData[i]
		switch {
		case !strings.EqualFold(o.Name.ValueString(), n.Name.ValueString()):
			return columnChange{replace: fmt.Sprintf("column %d is renamed or reordered (%q becomes %q)", i+1, o.Name.ValueString(), n.Name.ValueString())}
		case !sameSparkType(o.Type.ValueString(), n.Type.ValueString()):
			return columnChange{replace: fmt.Sprintf("column %q changes type from %s to %s", o.Name.ValueString(), o.Type.ValueString(), n.Type.ValueString())}
		case !o.Description.Equal(n.Description):
			ch.commentOnly = append(ch.commentOnly, n)
		}
	}
	ch.appended = newData[len(oldData):]
	if view && ch.inPlace() {
		return columnChange{replace: "the columns of a view change (views cannot be altered in place)"}
	}
	return ch
}

// columnsPlanModifier keeps the prior columns when the configuration only spells them
// differently (INT for int), and requires replacement when the change cannot be made in place.
type columnsPlanModifier struct{}

func (columnsPlanModifier) Description(context.Context) string {
	return "Appending non-partition columns and changing column descriptions update the table in place; " +
		"removing, renaming, reordering or retyping columns, or changing partition columns, replaces it."
}

func (m columnsPlanModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (columnsPlanModifier) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() {
		return
	}
	var old, cur []tableColumnModel
	resp.Diagnostics.Append(req.StateValue.ElementsAs(ctx, &old, false)...)
	resp.Diagnostics.Append(req.PlanValue.ElementsAs(ctx, &cur, false)...)
	var location types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("data_location"), &location)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ch := diffColumns(old, cur, location.ValueString() == "VIEW")
	if ch.replace != "" {
		resp.RequiresReplace = true
		resp.Diagnostics.AddAttributeWarning(req.Path, "DLI table will be replaced",
			fmt.Sprintf("The table must be dropped and created again because %s. DLI can only append columns (and change "+
				"column descriptions) in place. Its data is lost unless it lives in OBS; while deletion_protection is true the apply stops before dropping it.", ch.replace))
		return
	}
	// Keep the prior spelling of every unchanged column, so only real changes show.
	elems := req.PlanValue.Elements()
	for i := range old {
		if i < len(cur) && sameColumn(old[i], cur[i]) {
			elems[i] = req.StateValue.Elements()[i]
		}
	}
	list, diags := types.ListValue(tableColumnObjectType, elems)
	resp.Diagnostics.Append(diags...)
	resp.PlanValue = list
}

// sqlString quotes a string literal for Spark SQL.
func sqlString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// sqlIdent quotes an identifier for Spark SQL.
func sqlIdent(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// columnDDL renders "`name` type COMMENT '...'".
func columnDDL(c tableColumnModel) string {
	typ, err := normalizeSparkType(c.Type.ValueString())
	if err != nil {
		typ = c.Type.ValueString()
	}
	out := sqlIdent(c.Name.ValueString()) + " " + typ
	if d := c.Description.ValueString(); d != "" {
		out += " COMMENT " + sqlString(d)
	}
	return out
}
