// Package chaos holds the chaos suite (make chaos, and two rounds of it in make test): the
// full-stack demo configuration applied, re-planned and destroyed through injected faults,
// latency and eventual consistency, with the emulator's inventory checked after every
// destroy for objects left behind or created twice.
package chaos
