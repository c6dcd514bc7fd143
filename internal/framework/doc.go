// Package framework is what every resource and data source of the provider shares: the
// embeddable bases (client, type name, Configure, default timeouts), the CRUD tails (read
// back after a write, remove on not-found with a warning, the consistency window) and API
// error diagnostics. Its sub-packages hold the value helpers (flex), the validators and the
// custom types (fwtypes).
package framework
