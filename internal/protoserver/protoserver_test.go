package protoserver

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"weak"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/provider"
)

type valueKey struct{}

// payload stands for the loggers terraform-plugin-go attaches to a request's context.
type payload struct{ _ [1 << 16]byte }

func TestServedRequestIsNotRetained(t *testing.T) {
	var kept []context.CancelFunc // what the framework's server does with every request
	register := func(ctx context.Context, _ int) (int, error) {
		ctx, cancel := context.WithCancel(ctx)
		kept = append(kept, cancel)
		if ctx.Value(valueKey{}) == nil {
			return 0, errors.New("the request's values are not visible while it is served")
		}
		return 1, nil
	}
	gone, err := serveOne(register)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	if gone.Value() != nil {
		t.Error("the request's context is still reachable from the registered cancel function")
	}
	if len(kept) != 1 {
		t.Fatalf("%d registered", len(kept))
	}
}

// serveOne serves one request whose context holds a payload, and ends the request as gRPC
// does once it is answered; the weak pointer tells whether the payload is still reachable.
func serveOne(f func(context.Context, int) (int, error)) (weak.Pointer[payload], error) {
	p := &payload{}
	request, end := context.WithCancel(context.WithValue(context.Background(), valueKey{}, p))
	defer end()
	_, err := serve(request, 0, f)
	return weak.Make(p), err
}

func TestDetachedContext(t *testing.T) {
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), valueKey{}, "v"))
	defer cancel()
	d := newDetachable(parent)
	if d.Value(valueKey{}) != "v" || d.Err() != nil || d.Done() != parent.Done() {
		t.Fatal("before detach, the context is not the request's")
	}
	child, stop := context.WithCancel(d)
	defer stop()
	d.detach()
	if d.Value(valueKey{}) != nil || !errors.Is(d.Err(), context.Canceled) {
		t.Error("after detach, the context still reads as the request's")
	}
	select {
	case <-d.Done():
	default:
		t.Error("a detached context is not done")
	}
	cancel()
	<-child.Done() // a child made while serving still ends with the request
}

func TestWrapKeepsOptionalInterfaces(t *testing.T) {
	s := New(provider.New("test"))()
	if _, ok := s.(server); !ok {
		t.Fatalf("New returned a %T, not the wrapper", s)
	}
	if _, ok := s.(tfprotov6.ListResourceServer); !ok {
		t.Error("list resources are lost")
	}
	if _, ok := s.(tfprotov6.ActionServer); !ok {
		t.Error("actions are lost")
	}
	if _, ok := s.(tfprotov6.StateStoreServer); !ok {
		t.Error("state stores are lost")
	}
	resp, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(resp.ResourceSchemas) == 0 {
		t.Fatalf("GetProviderSchema: %v, %d resource schemas", err, len(resp.ResourceSchemas))
	}
	v, err := s.ValidateResourceConfig(context.Background(), &tfprotov6.ValidateResourceConfigRequest{TypeName: "huaweidata_nope"})
	if err != nil || len(v.Diagnostics) == 0 {
		t.Errorf("ValidateResourceConfig of an unknown type: %v, %v", err, v)
	}
}
