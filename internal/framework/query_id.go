package framework

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// QueryID derives a stable id for a data source from its query arguments: the same
// arguments always give the same id, different ones (almost surely) different ids.
func QueryID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:8])
}
