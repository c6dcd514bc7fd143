package store

import (
	"fmt"
	"time"
)

// SensitiveMask replaces the value of a sensitive variable in list output.
const SensitiveMask = "******"

// GlobalVar is a stored DLI global variable (§13). Times are emulated epoch ms.
type GlobalVar struct {
	ID          int64     `json:"id"`
	Name        string    `json:"var_name"`
	Value       string    `json:"var_value"`
	IsSensitive bool      `json:"is_sensitive"`
	UserID      string    `json:"user_id"`
	UserName    string    `json:"user_name"`
	CreateTime  int64     `json:"create_time"`
	UpdateTime  int64     `json:"update_time"`
	CreatedReal time.Time `json:"-"` // real creation time, for the consistency delay
}

// AddVariable stores a new global variable; names are case-sensitive and unique.
func (p *Project) AddVariable(v *GlobalVar) error {
	if _, exists := p.Variables[v.Name]; exists {
		return &ConflictError{Kind: KindVariable, Name: v.Name}
	}
	p.Variables[v.Name] = v
	return nil
}

// Variable returns the global variable named name.
func (p *Project) Variable(name string) (*GlobalVar, error) {
	v := p.Variables[name]
	if v == nil {
		return nil, &NotFoundError{Kind: KindVariable, Name: name}
	}
	return v, nil
}

// DeleteVariable deletes a global variable; only its creator may (§13.2).
func (p *Project) DeleteVariable(name, userID string) error {
	v, err := p.Variable(name)
	if err != nil {
		return err
	}
	if v.UserID != userID {
		return &ForbiddenError{Msg: fmt.Sprintf("Only the creator of global variable %s can delete it.", name)}
	}
	delete(p.Variables, name)
	return nil
}
