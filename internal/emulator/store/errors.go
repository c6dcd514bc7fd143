package store

import (
	"fmt"
)

// ValidationError is a domain rule a value breaks (a name pattern, a length). The HTTP
// layer answers it as 400 DLI.0001 with Msg.
type ValidationError struct{ Msg string }

func (e *ValidationError) Error() string { return e.Msg }

func invalid(format string, args ...any) *ValidationError {
	return &ValidationError{Msg: fmt.Sprintf(format, args...)}
}
