package store

import (
	"crypto/rand"
	"encoding/base64"
	"strings"
	"sync"
	"time"
)

// TemporaryCredential is a temporary AK/SK pair with its security token, valid until
// Expires on the emulated clock. Origin says who issued it ("ecs-metadata", "agency:<name>").
type TemporaryCredential struct {
	Access        string
	Secret        string
	SecurityToken string
	Expires       time.Time
	Origin        string
}

// TemporaryCredentials holds the temporary credentials issued by the metadata service and
// by IAM. They live in memory only: a restarted emulator has forgotten them, as a real
// client would find its old ones expired.
type TemporaryCredentials struct {
	mu       sync.Mutex
	byAccess map[string]TemporaryCredential
}

// NewTemporaryCredentials returns an empty set.
func NewTemporaryCredentials() *TemporaryCredentials {
	return &TemporaryCredentials{byAccess: map[string]TemporaryCredential{}}
}

// Issue creates credentials valid for life from now, and forgets those expired before now.
func (t *TemporaryCredentials) Issue(now time.Time, life time.Duration, origin string) TemporaryCredential {
	c := TemporaryCredential{
		Access:        strings.ToUpper(randomText(15))[:20],
		Secret:        randomText(30)[:40],
		SecurityToken: "gQ" + randomText(192),
		Expires:       now.Add(life),
		Origin:        origin,
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for ak, old := range t.byAccess {
		if !now.Before(old.Expires) {
			delete(t.byAccess, ak)
		}
	}
	t.byAccess[c.Access] = c
	return c
}

// Lookup returns the credentials issued with this access key, expired or not.
func (t *TemporaryCredentials) Lookup(access string) (TemporaryCredential, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c, ok := t.byAccess[access]
	return c, ok
}

// randomText is n random bytes in URL-safe base64 without padding (letters, digits, - and _).
func randomText(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return strings.NewReplacer("-", "A", "_", "B").Replace(base64.RawURLEncoding.EncodeToString(b))
}
