// Package actions holds the provider's actions (Terraform >= 1.14): imperative operations on
// DLI that a configuration invokes from a lifecycle action_trigger or with
// `terraform apply -invoke=action.<type>.<name>`. Each action embeds framework.ActionBase,
// validates its configuration at plan time and streams progress messages while it waits.
// One file per action; actions import framework and client, never provider.
package actions
