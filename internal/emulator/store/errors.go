package store

import "fmt"

// Domain errors. The store never speaks HTTP: httpapi/errors.go is the one place these
// become DLI/DataArts status codes, error codes and messages.

// Kind names a kind of stored object in NotFoundError and ConflictError.
type Kind string

// Object kinds.
const (
	KindQueue      Kind = "queue"
	KindVariable   Kind = "global variable"
	KindDatabase   Kind = "database"
	KindTable      Kind = "table"
	KindSQLJob     Kind = "SQL job"
	KindFlinkJob   Kind = "Flink job"
	KindBatch      Kind = "batch job"
	KindConnection Kind = "enhanced connection"
)

// ValidationError is a domain rule a value breaks (a name pattern, a length, a bound).
type ValidationError struct{ Msg string }

func (e *ValidationError) Error() string { return e.Msg }

func invalid(format string, args ...any) *ValidationError {
	return &ValidationError{Msg: fmt.Sprintf(format, args...)}
}

// NotFoundError: no object of Kind has Name (in the container In, e.g. a table's database).
type NotFoundError struct {
	Kind Kind
	Name string
	In   string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("there is no %s named %s", e.Kind, e.Name) }

// ConflictError: an object of Kind named Name already exists (in the container In).
type ConflictError struct {
	Kind Kind
	Name string
	In   string
}

func (e *ConflictError) Error() string { return fmt.Sprintf("%s %s already exists", e.Kind, e.Name) }

// UnavailableError: the object exists but is not in a state that allows the operation now
// (a queue that is scaling or not yet available).
type UnavailableError struct{ Msg string }

func (e *UnavailableError) Error() string { return e.Msg }

// UnsupportedError: the operation is not supported for this object at all.
type UnsupportedError struct{ Msg string }

func (e *UnsupportedError) Error() string { return e.Msg }

// LimitError: a system limit would be exceeded.
type LimitError struct{ Msg string }

func (e *LimitError) Error() string { return e.Msg }

// ForbiddenError: the caller may not do this to the object.
type ForbiddenError struct{ Msg string }

func (e *ForbiddenError) Error() string { return e.Msg }

// DeletedError: the object exists as a deleted record (kept visible) and cannot be changed.
type DeletedError struct {
	Kind Kind
	Name string
}

func (e *DeletedError) Error() string { return fmt.Sprintf("%s %s has been deleted", e.Kind, e.Name) }
