package client

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

const pkgsPath = "/v2.0/" + testProjectID + "/resources"

func pkgJSON(name, status string) map[string]any {
	return map[string]any{"resource_name": name, "resource_type": "jar", "status": status, "owner": "u1",
		"create_time": 1551334579654, "update_time": 1551334579654, "underlying_name": "uuid_" + name}
}

// A lost upload answer (408 after it took effect) is reconciled by showing the package:
// the upload is sent once.
func TestUploadPackageReconcilesAfter408(t *testing.T) {
	var mu sync.Mutex
	committed := false
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPost && r.URL.Path == pkgsPath:
			committed = true
			writeDLIError(w, http.StatusRequestTimeout, "APIGW.0201", "request timeout")
		case r.Method == http.MethodGet && r.URL.Path == pkgsPath+"/etl.jar" && committed:
			if g := r.URL.Query().Get("group"); g != "grp" {
				t.Errorf("show group = %q", g)
			}
			writeJSON(w, 200, pkgJSON("etl.jar", "UPLOADING"))
		default:
			writeDLIError(w, 404, "DLI.0002", "The resource etl.jar does not exist.")
		}
	})
	c := newTestClient(t, ts.URL)
	err := c.UploadPackage(testCtx(t), &model.UploadJobResourcesRequestBody{Paths: []string{"https://b.obs.x.com/etl.jar"}, Kind: "jar", Group: "grp"}, "etl.jar")
	if err != nil {
		t.Fatalf("UploadPackage: %v", err)
	}
	if got := ts.countWhere(http.MethodPost, pkgsPath); got != 1 {
		t.Errorf("uploads = %d, want 1", got)
	}
	var body map[string]any
	if err := json.Unmarshal(ts.requests()[0].Body, &body); err != nil || body["kind"] != "jar" || body["group"] != "grp" {
		t.Errorf("upload body %s (%v)", ts.requests()[0].Body, err)
	}
}

// The wait ends READY, stops at once on FAILED (case-insensitively), and a missing package
// is not visible yet within the consistency window.
func TestWaitForPackageReady(t *testing.T) {
	statuses := map[string][]string{"ok.jar": {"", "uploading", "UPLOADING", "READY"}, "bad.jar": {"UPLOADING", "failed"}}
	var mu sync.Mutex
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		mu.Lock()
		defer mu.Unlock()
		name := strings.TrimPrefix(r.URL.Path, pkgsPath+"/")
		seq := statuses[name]
		st := seq[0]
		if len(seq) > 1 {
			statuses[name] = seq[1:]
		}
		if st == "" {
			writeDLIError(w, 404, "DLI.0002", "not found")
			return
		}
		writeJSON(w, 200, pkgJSON(name, st))
	})
	c := newTestClient(t, ts.URL)
	c.noteWrite(kindPackage, PackageID("g", "ok.jar"))
	pkg, err := c.WaitForPackageReady(testCtx(t), "g", "ok.jar")
	if err != nil || *pkg.Status != "READY" {
		t.Fatalf("ok.jar: %v, %v", pkg, err)
	}
	_, err = c.WaitForPackageReady(testCtx(t), "g", "bad.jar")
	var failed *PackageUploadFailedError
	if !errors.As(err, &failed) || failed.Name != "bad.jar" || !strings.Contains(err.Error(), "g/bad.jar ended FAILED") {
		t.Fatalf("bad.jar: %v", err)
	}
}

// Deleting a missing package (404) is success; the owner change sends §8.8's body; a show
// answer without resource_name is malformed, never data.
func TestPackageDeleteOwnerAndStrictShow(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodDelete:
			writeDLIError(w, 404, "DLI.0002", "The resource x does not exist.")
		case r.Method == http.MethodPut && r.URL.Path == pkgsPath+"/owner":
			writeJSON(w, 200, map[string]any{"is_success": true, "message": ""})
		default:
			writeJSON(w, 200, map[string]any{"status": "READY"})
		}
	})
	c := newTestClient(t, ts.URL, func(cfg *Config) { cfg.MaxRetries = 0 })
	if err := c.DeletePackage(testCtx(t), "g", "x.jar"); err != nil {
		t.Errorf("deleting a missing package: %v", err)
	}
	if q := ts.requests()[0].Query; q != "group=g" {
		t.Errorf("delete query %q", q)
	}
	if err := c.UpdatePackageOwner(testCtx(t), "g", "x.jar", "new_owner"); err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal(ts.requests()[1].Body, &body); err != nil ||
		body["new_owner"] != "new_owner" || body["group_name"] != "g" || body["resource_name"] != "x.jar" {
		t.Errorf("owner body %s", ts.requests()[1].Body)
	}
	_, err := c.ShowPackage(testCtx(t), "g", "x.jar")
	var malformed *MalformedResponseError
	if !errors.As(err, &malformed) || IsNotFound(err) {
		t.Errorf("show without resource_name: %v", err)
	}
}
