package httpapi

import "github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"

// Aliases for the stored domain types of package store, so the handlers read as before.
type (
	stateData       = store.State
	projectData     = store.Project
	queue           = store.Queue
	queueTag        = store.Tag
	globalVar       = store.GlobalVar
	database        = store.Database
	table           = store.Table
	tableColumn     = store.Column
	tablePartition  = store.Partition
	sqlJob          = store.SQLJob
	connection      = store.Connection
	connectionHost  = store.ConnectionHost
	connectionQueue = store.ConnectionQueue
	bindQueue       = store.BindQueue
	batchJob        = store.BatchJob
	batchRequest    = store.BatchRequest
	batchResource   = store.BatchResource
	flinkJob        = store.FlinkJob
	flinkJobConfig  = store.FlinkJobConfig
	flinkSavepoint  = store.FlinkSavepoint
	FlinkRecords    = store.FlinkRecords
	FlinkRunRecord  = store.FlinkRunRecord
	FlinkStopRecord = store.FlinkStopRecord
	FlinkJobHistory = store.FlinkJobHistory
	FlinkFailure    = store.FlinkFailure
	clock           = store.Clock
	storageProperty = store.StorageProperty
)

// Domain constants of package store.
const (
	queueProvisionTime     = store.QueueProvisionTime
	queueScaleStepTime     = store.QueueScaleStepTime
	queueScaleStepCUs      = store.QueueScaleStepCUs
	queueMinCUs            = store.QueueMinCUs
	queueMaxCUs            = store.QueueMaxCUs
	sqlJobLaunchTime       = store.SqlJobLaunchTime
	sqlJobDDLRunTime       = store.SqlJobDDLRunTime
	sqlJobQueryRunTime     = store.SqlJobQueryRunTime
	connectionActivateTime = store.ConnectionActivateTime
	connectionMaxHosts     = store.ConnectionMaxHosts
	connectionListLimit    = store.ConnectionListLimit
	batchStartTime         = store.BatchStartTime
	batchRunTime           = store.BatchRunTime
	batchRecoverTime       = store.BatchRecoverTime
	batchCancelTime        = store.BatchCancelTime
	batchDefaultRetries    = store.BatchDefaultRetries
	batchMaxRetries        = store.BatchMaxRetries
	batchNameMax           = store.BatchNameMax
	batchLogLast           = store.BatchLogLast
	batchLogDefault        = store.BatchLogDefault
	batchDefaultSpark      = store.BatchDefaultSpark
	batchStarting          = store.BatchStarting
	batchRunning           = store.BatchRunning
	batchRecovering        = store.BatchRecovering
	batchSuccess           = store.BatchSuccess
	batchDead              = store.BatchDead
	flinkSubmitTime        = store.FlinkSubmitTime
	flinkSavepointTime     = store.FlinkSavepointTime
	flinkCancelTime        = store.FlinkCancelTime
	flinkSQLMaxLen         = store.FlinkSQLMaxLen
	flinkInit              = store.FlinkInit
	flinkSubmitting        = store.FlinkSubmitting
	flinkSubmitFail        = store.FlinkSubmitFail
	flinkRunning           = store.FlinkRunning
	flinkRunException      = store.FlinkRunException
	flinkCanceling         = store.FlinkCanceling
	flinkCancelSuccess     = store.FlinkCancelSuccess
	flinkCancelFail        = store.FlinkCancelFail
	flinkSavepointing      = store.FlinkSavepointing
	FlinkFailSubmit        = store.FlinkFailSubmit
	FlinkFailRunning       = store.FlinkFailRunning
	FlinkFailStop          = store.FlinkFailStop
	stateVersion           = store.StateVersion
	sensitiveMask          = store.SensitiveMask
	defaultDatabase        = store.DefaultDatabase
)

var scTypes = store.ScTypes

// batchVal dereferences an optional request field (zero value for nil).
func batchVal[T any](p *T) T { return store.Val(p) }

// fromValidation turns a domain validation failure into the 400 DLI.0001 answer.
func fromValidation(err *store.ValidationError) *apiError {
	if err == nil {
		return nil
	}
	return badRequest("%s", err.Msg)
}

func validName(field, name string) *apiError { return fromValidation(store.ValidName(field, name)) }

func validDatabaseName(name string) *apiError { return fromValidation(store.ValidDatabaseName(name)) }

func validTableName(name string) *apiError { return fromValidation(store.ValidTableName(name)) }

// Elastic resource pool constants (issue 14).
const (
	poolProvisionTime = store.PoolProvisionTime
	poolScaleTime     = store.PoolScaleTime
)
