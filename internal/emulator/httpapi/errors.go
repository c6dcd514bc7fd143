package httpapi

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// domainError turns a store error into the documented answer: the one place domain
// outcomes become DLI status codes, error codes and messages.
func domainError(err error) *apiError {
	var (
		ve *store.ValidationError
		nf *store.NotFoundError
		ce *store.ConflictError
		ue *store.UnavailableError
		us *store.UnsupportedError
		le *store.LimitError
		fe *store.ForbiddenError
		de *store.DeletedError
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ve):
		return badRequest("%s", ve.Msg) // Table 14-3: parameter error
	case errors.As(err, &nf):
		return notFoundError(nf)
	case errors.As(err, &ce):
		return conflictError(ce)
	case errors.As(err, &ue):
		return newError(http.StatusBadRequest, "DLI.0012", ue.Msg) // resource object unavailable
	case errors.As(err, &us):
		return newError(http.StatusBadRequest, "DLI.0007", us.Msg) // operation not supported
	case errors.As(err, &le):
		return newError(http.StatusBadRequest, "DLI.0009", le.Msg) // system limit
	case errors.As(err, &de):
		return deletedError(de)
	case errors.As(err, &fe):
		return newError(http.StatusBadRequest, "DLI.0003", fe.Msg) // permission
	default:
		return newError(http.StatusInternalServerError, "DLI.0999", err.Error())
	}
}

// notFoundError: DLI.0002 (Table 14-3), except global variables (§13.3's DLI.12004) and
// Flink jobs (DLI.16001, docs/jobs-connections.md).
func notFoundError(e *store.NotFoundError) *apiError {
	switch e.Kind {
	case store.KindQueue:
		return newError(http.StatusBadRequest, "DLI.0002", "There is no queue named "+e.Name)
	case store.KindVariable:
		return newError(http.StatusBadRequest, "DLI.12004", fmt.Sprintf("The global variable %s does not exist.", e.Name))
	case store.KindFlinkJob:
		return newError(http.StatusBadRequest, "DLI.16001", fmt.Sprintf("The job %s does not exist.", e.Name))
	case store.KindSQLJob:
		return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("The job %s does not exist.", e.Name))
	case store.KindBatch:
		return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("The batch job %s does not exist.", e.Name))
	case store.KindConnection:
		return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("Connection %s is not exist.", e.Name))
	case store.KindTable:
		return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("There is no table named %s in database %s.", e.Name, e.In))
	default:
		return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("There is no %s named %s.", e.Kind, e.Name))
	}
}

// conflictError: DLI.0006 (Table 14-3), except global variables, for which §13.1
// documents DLI.0999.
func conflictError(e *store.ConflictError) *apiError {
	switch e.Kind {
	case store.KindVariable:
		return newError(http.StatusBadRequest, "DLI.0999", fmt.Sprintf("The global variable %s already exists: object already exists.", e.Name))
	case store.KindQueue:
		return newError(http.StatusBadRequest, "DLI.0006", fmt.Sprintf("queue %s already exists", e.Name))
	case store.KindDatabase:
		return newError(http.StatusBadRequest, "DLI.0006", fmt.Sprintf("Database %s already exists.", e.Name))
	case store.KindTable:
		return newError(http.StatusBadRequest, "DLI.0006", fmt.Sprintf("Table %s already exists in database %s.", e.Name, e.In))
	case store.KindConnection:
		return newError(http.StatusBadRequest, "DLI.0006", fmt.Sprintf("Connection %s already exists.", e.Name))
	default:
		return newError(http.StatusBadRequest, "DLI.0006", fmt.Sprintf("%s %s already exists", e.Kind, e.Name))
	}
}

// deletedError: DLI.0002, the object is a kept record of a deleted one.
func deletedError(e *store.DeletedError) *apiError {
	if e.Kind == store.KindConnection {
		return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("Connection %s has been deleted.", e.Name))
	}
	return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("The %s %s has been deleted.", e.Kind, e.Name))
}

// failDomain is fail(domainError(err)).
func failDomain(err error) result { return fail(domainError(err)) }
