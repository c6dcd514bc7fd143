//go:build !nocompat

package resources_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync/atomic"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// lostOnce is TRANSITIONAL (it needs acctest's compat.go, and goes with it): kept only
// while TestAccDLIElasticResourcePool_updateLostResponse calls it with a plain Env. Use
// lostOnceBehind (lost_create_test.go) with an EmulatedEnv instead.
//
// lostOnce serves env's emulator through a proxy that answers the next matching request
// (once armed) with a 408 after the emulator has carried it out.
func lostOnce(t *testing.T, env *acctest.Env, op, method string, path *regexp.Regexp) (*acctest.Env, *atomic.Bool) {
	t.Helper()
	armed := &atomic.Bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == method && path.MatchString(r.URL.Path) && armed.CompareAndSwap(true, false) {
			env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{op}})
			env.Emulator.ServeHTTP(w, r)
			env.SetFaults(emulator.Faults{})
			return
		}
		env.Emulator.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return env.BehindCompat(srv.URL), armed
}
