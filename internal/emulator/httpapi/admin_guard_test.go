package httpapi

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The attack: a page posts text/plain cross-origin to /_emulator/reset. Browsers
// send that without a preflight, so the guard must refuse it by the missing header.
func TestAdminCrossOriginResetRefused(t *testing.T) {
	env := newEnv(t, Options{})
	env.createQueue("survivor", 16, "sql")

	req, _ := http.NewRequest("POST", env.srv.URL+"/_emulator/reset", strings.NewReader("x"))
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Content-Type", "text/plain")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), AdminHeader) {
		t.Fatalf("cross-origin reset: %d %s", resp.StatusCode, body)
	}
	for k := range resp.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			t.Fatalf("CORS header %s sent", k)
		}
	}
	env.must("GET", testPrefix+"/queues/survivor", nil, nil, nil) // state survived

	// A preflight is refused too, with no Access-Control-Allow-* header.
	pre, _ := http.NewRequest("OPTIONS", env.srv.URL+"/_emulator/reset", nil)
	pre.Header.Set("Origin", "http://evil.example")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", AdminHeader)
	resp, err = http.DefaultClient.Do(pre)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("preflight: %d", resp.StatusCode)
	}
	for k := range resp.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			t.Fatalf("CORS header %s sent on preflight", k)
		}
	}

	// With the header the same reset works; reads never need it.
	if env.admin("POST", "/_emulator/reset", nil, nil) != http.StatusOK {
		t.Fatal("reset with header refused")
	}
	env.wantError("GET", testPrefix+"/queues/survivor", nil, nil, 400, "DLI.0002")
	resp, err = http.Get(env.srv.URL + "/_emulator/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET health without header: %d", resp.StatusCode)
	}
}

func TestAdminGuardEveryStateChangingMethod(t *testing.T) {
	env := newEnv(t, Options{})
	for _, tc := range []struct{ method, path string }{
		{"PUT", "/_emulator/faults"}, {"DELETE", "/_emulator/requests"}, {"POST", "/_emulator/clock"},
		{"PUT", "/_emulator/responses"}, {"PUT", "/_emulator/unpublished"}, {"POST", "/_emulator/batches/fail-named"},
		{"PATCH", "/_emulator/anything"},
	} {
		req, _ := http.NewRequest(tc.method, env.srv.URL+tc.path, strings.NewReader(`{}`))
		req.Header.Set(AdminHeader, "yes") // only "1" counts
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s without the header: %d", tc.method, tc.path, resp.StatusCode)
		}
	}
}

// countingBody counts the bytes the server reads from a request body.
type countingBody struct {
	left, read int
}

func (b *countingBody) Read(p []byte) (int, error) {
	if b.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), b.left)
	for i := range p[:n] {
		p[i] = 'a'
	}
	b.left -= n
	b.read += n
	return n, nil
}

func (b *countingBody) Close() error { return nil }

func TestBigBodiesRefusedUnread(t *testing.T) {
	env := newEnv(t, Options{})
	const size = 12 << 20

	// Unsigned: refused by the headers alone, nothing read.
	body := &countingBody{left: size}
	req := httptest.NewRequest("POST", testPrefix+"/queues", nil)
	req.Body, req.ContentLength = body, size
	rec := httptest.NewRecorder()
	env.emu.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized || body.read != 0 {
		t.Fatalf("unsigned 12 MB: status %d, %d bytes read", rec.Code, body.read)
	}

	// Signed headers but a declared length over the cap: 413, nothing read.
	signed := env.signedRequest("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": "q"}, DemoAccessKey, DemoSecretKey)
	body = &countingBody{left: size}
	signed.Body, signed.ContentLength = body, size
	rec = httptest.NewRecorder()
	env.emu.ServeHTTP(rec, signed)
	if rec.Code != http.StatusRequestEntityTooLarge || body.read != 0 {
		t.Fatalf("declared 12 MB: status %d, %d bytes read", rec.Code, body.read)
	}

	// Signed headers, no declared length: reading stops at the cap.
	signed = env.signedRequest("POST", testPrefix+"/queues", nil, map[string]any{"queue_name": "q"}, DemoAccessKey, DemoSecretKey)
	body = &countingBody{left: size}
	signed.Body, signed.ContentLength = body, -1
	rec = httptest.NewRecorder()
	env.emu.ServeHTTP(rec, signed)
	if rec.Code != http.StatusRequestEntityTooLarge || body.read > maxBodyBytes+64<<10 {
		t.Fatalf("chunked 12 MB: status %d, %d bytes read", rec.Code, body.read)
	}
}
