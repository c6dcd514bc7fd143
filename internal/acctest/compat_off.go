//go:build nocompat

package acctest

import "github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"

// TRANSITIONAL: with -tags nocompat, Env has none of the transitional members, so a test
// file that still needs them does not compile.
type compatFields struct{}

func newCompatFields(*emulator.Emulator, string) compatFields { return compatFields{} }

func setCompatURL(*Env, string) {}
