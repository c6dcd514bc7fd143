// Package resources holds one file per managed resource type, named dli_<name>.go with its
// acceptance tests beside it (dli_<name>_test.go). A large resource is split by purpose:
// dli_<name>_model.go (the Terraform model and its API mapping), dli_<name>_validate.go or
// _plan.go (ValidateConfig, ConfigValidators, ModifyPlan). Everything shared — the resource
// base, CRUD tails, value helpers, validators and custom types — lives in
// internal/framework, never here.
package resources
