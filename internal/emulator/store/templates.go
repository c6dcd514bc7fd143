package store

import (
	"encoding/json"
	"sort"
	"time"
)

// KindTemplate is a SQL or Spark job template (dli-sdk-extras §5, §6).
const KindTemplate Kind = "template"

// Template types; SQL and Spark templates share one id space (dli-sdk-extras §5.0).
const (
	TemplateSQL   = "SQL"
	TemplateSpark = "SPARK"
)

// JobTemplate is a stored SQL or Spark template. Times are emulated epoch ms.
type JobTemplate struct {
	ID          string          `json:"id"`
	Seq         int64           `json:"seq"` // creation order, for listing
	Type        string          `json:"type"`
	Name        string          `json:"name"`
	SQL         string          `json:"sql,omitempty"`  // SQL templates
	Body        json.RawMessage `json:"body,omitempty"` // Spark templates: the SparkJobTemplateDetail object
	Description string          `json:"description"`
	Group       string          `json:"group"`
	Language    string          `json:"language,omitempty"`
	Owner       string          `json:"owner"`
	CreateTime  int64           `json:"create_time"`
	UpdateTime  int64           `json:"update_time"`
	CreatedReal time.Time       `json:"-"` // real creation time, for the consistency delay
}

// TemplateData is a project's SQL and Spark templates.
type TemplateData struct {
	ByID map[string]*JobTemplate `json:"by_id"`
}

// TemplateData returns (creating if needed) the project's templates.
func (p *Project) TemplateData() *TemplateData {
	if p.Templates == nil {
		p.Templates = &TemplateData{}
	}
	if p.Templates.ByID == nil {
		p.Templates.ByID = map[string]*JobTemplate{}
	}
	return p.Templates
}

// AddTemplate stores a new template; names are unique per template type.
func (p *Project) AddTemplate(t *JobTemplate) error {
	if other := p.templateNamed(t.Type, t.Name); other != nil {
		return &ConflictError{Kind: KindTemplate, Name: t.Name}
	}
	p.TemplateData().ByID[t.ID] = t
	return nil
}

// RenameTemplate checks that a template can take name (no other template of its type has it).
func (p *Project) RenameTemplate(t *JobTemplate, name string) error {
	if other := p.templateNamed(t.Type, name); other != nil && other != t {
		return &ConflictError{Kind: KindTemplate, Name: name}
	}
	t.Name = name
	return nil
}

func (p *Project) templateNamed(typ, name string) *JobTemplate {
	for _, t := range p.TemplateData().ByID {
		if t.Type == typ && t.Name == name {
			return t
		}
	}
	return nil
}

// Template returns the template with id, of the given type ("" for any).
func (p *Project) Template(id, typ string) (*JobTemplate, error) {
	t := p.TemplateData().ByID[id]
	if t == nil || typ != "" && t.Type != typ {
		return nil, &NotFoundError{Kind: KindTemplate, Name: id}
	}
	return t, nil
}

// TemplatesOf lists the templates of a type in creation order.
func (p *Project) TemplatesOf(typ string) []*JobTemplate {
	var out []*JobTemplate
	for _, t := range p.TemplateData().ByID {
		if t.Type == typ {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

// DeleteTemplates deletes the templates with the given ids, of either type; unknown ids are
// ignored, so that a repeated delete succeeds (dli-sdk-extras §6.4).
func (p *Project) DeleteTemplates(ids []string) {
	for _, id := range ids {
		delete(p.TemplateData().ByID, id)
	}
}
