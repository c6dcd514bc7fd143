// Package sparksql is a small Spark SQL reader for the emulator: a lexer, a parser and the
// statement AST. It knows nothing of the catalog.
//
// It is a small Spark SQL reader: enough to classify any statement by job type, to reject text that
// is not SQL (check-sql, submit-job) and to apply the catalog DDL that the provider and users
// run through SQL jobs (see README.md, "SQL jobs"). It is not a SQL engine: queries are
// accepted when they are lexically sound and start like a statement, and have no effect.
package sparksql
