package store

import (
	"strconv"
	"time"
)

// Flink job template limits (§11.1, dli-part3 validation rules 26-33).
const (
	FlinkTemplateMax        = 100 // templates per project
	FlinkTemplateNameMax    = 64  // create; an update takes at most 57
	FlinkTemplateSQLMax     = 2048
	FlinkTemplateDescMax    = 2048
	KindFlinkTemplate       = "Flink job template"
	FlinkTemplateUpdNameMax = 57
)

// FlinkTemplate is a stored Flink SQL job template (§11). Times are emulated epoch
// milliseconds.
type FlinkTemplate struct {
	ID          int64     `json:"template_id"`
	Name        string    `json:"name"`
	Desc        string    `json:"desc"`
	SQL         string    `json:"sql_body"`
	JobType     string    `json:"job_type"`
	Tags        []Tag     `json:"tags"`
	CreateTime  int64     `json:"create_time"`
	UpdateTime  int64     `json:"update_time"`
	CreatedReal time.Time `json:"-"` // real creation time, for the consistency delay
}

// FlinkTemplates returns the project's Flink job templates by id, creating the map on
// first use.
func (p *Project) FlinkTemplates() map[int64]*FlinkTemplate {
	d := p.FlinkData()
	if d.Templates == nil {
		d.Templates = map[int64]*FlinkTemplate{}
	}
	return d.Templates
}

// FlinkTemplate returns the template with id.
func (p *Project) FlinkTemplate(id int64) (*FlinkTemplate, error) {
	if t := p.FlinkTemplates()[id]; t != nil {
		return t, nil
	}
	return nil, &NotFoundError{Kind: KindFlinkTemplate, Name: strconv.FormatInt(id, 10)}
}
