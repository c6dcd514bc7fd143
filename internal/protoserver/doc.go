// Package protoserver serves the provider over protocol 6 like providerserver does, but
// without the memory the framework keeps for every request it has served, and answering
// the plans of unchanged objects itself.
//
// The framework's protocol server registers a cancel function for the context of every
// request, to cancel them all on StopProvider, and only drops them then: each one keeps
// the request's whole context alive, with the loggers, logger options and gRPC metadata
// terraform-plugin-go attached to it (about 20 KiB a request, several requests per
// resource: some 500 MiB for a plan of 5,000 resources). Server hands the framework a
// context that forwards to the request's only while the request is being served, so that
// what the framework keeps afterwards is a few hundred bytes.
//
// A plan of an unchanged object (Terraform proposes the prior state as it is) is answered
// with the prior state, without the framework's planning, when the resource declares that
// its own plan logic changes nothing then (framework.UnchangedPlanner) and neither a default
// nor a write-only attribute would change it (see unchangedPlans). Every other plan is the
// framework's; a test plans generated objects of every resource type both ways.
package protoserver
