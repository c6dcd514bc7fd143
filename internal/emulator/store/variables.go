package store

import (
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
