package acctest

import (
	"crypto/rand"
	"strings"
)

// NamePrefix starts the name of every object an acceptance test creates: each test's Env
// adds a random part to it (Env.Name), and make sweep deletes what starts with it. It is
// valid at the start of every DLI name (lowercase letters, digits, underscores).
const NamePrefix = "tfacc"

// randomPartLen is the length of the random part of a test's prefix: 36^6 ≈ 2·10⁹ choices,
// so parallel tests (and parallel runs) on one account do not meet.
const randomPartLen = 6

const nameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// newNamePrefix returns NamePrefix, a random part and an underscore, e.g. "tfacc3k9x2a_".
func newNamePrefix() string {
	b := make([]byte, randomPartLen)
	if _, err := rand.Read(b); err != nil {
		panic("acctest: no randomness for a name prefix: " + err.Error())
	}
	var s strings.Builder
	s.WriteString(NamePrefix)
	for _, c := range b {
		s.WriteByte(nameAlphabet[int(c)%len(nameAlphabet)])
	}
	s.WriteByte('_')
	return s.String()
}

// Name returns the name for an object the test creates: the test's random prefix followed
// by base. Every object an acceptance test creates is named through it, against the
// emulator as against a real account, so that parallel tests on one account never meet
// and make sweep finds what an interrupted run left.
func (e *Env) Name(base string) string { return e.prefix + base }

// Prefix is the test's name prefix (NamePrefix, a random part and an underscore).
func (e *Env) Prefix() string { return e.prefix }
