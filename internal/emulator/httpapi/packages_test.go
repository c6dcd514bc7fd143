package httpapi

import (
	"net/http"
	"testing"
	"time"
)

const pkgPrefix = "/v2.0/" + DemoProjectID + "/resources"

func pkgUpload(group, file string, async bool) map[string]any {
	return map[string]any{"paths": []string{"https://b-1.obs.cn-north-4.myhuaweicloud.com/dir/" + file}, "kind": "jar", "group": group, "is_async": async}
}

// A new package is hidden from show and list for the consistency delay; the delete and the
// owner change that name it see it at once.
func TestConsistencyDelayPackages(t *testing.T) {
	env, realClock := newEnvFakeReal(t, Options{Faults: Faults{ConsistencyDelay: time.Second}})
	if status, body := env.do("POST", pkgPrefix, nil, pkgUpload("g", "a.jar", false)); status != http.StatusCreated {
		t.Fatalf("upload: %d %s", status, body)
	}
	env.wantError("GET", pkgPrefix+"/a.jar", map[string]string{"group": "g"}, nil, http.StatusNotFound, "DLI.0002")
	var list struct {
		Total int `json:"total"`
	}
	env.must("GET", pkgPrefix, nil, nil, &list)
	if list.Total != 0 {
		t.Fatalf("a package not visible yet is listed: total %d", list.Total)
	}
	env.must("PUT", pkgPrefix+"/owner", nil, map[string]any{"new_owner": "other_user", "group_name": "g", "resource_name": "a.jar"}, nil)
	realClock.Add(time.Second)
	env.must("GET", pkgPrefix, nil, nil, &list)
	if list.Total != 1 {
		t.Fatalf("visible package not listed: total %d", list.Total)
	}
	env.must("DELETE", pkgPrefix+"/a.jar", map[string]string{"group": "g"}, nil, nil)
	if inv := env.emu.Inventory(); len(inv.Leftovers()) != 0 {
		t.Fatalf("left after delete: %v", inv.Leftovers())
	}
}

// An async upload is UPLOADING until the upload time passes; a same-name upload replaces the
// package in place; a group goes with its last package; the strings "true"/"false" are
// accepted for is_async; and every package is in the inventory until deleted.
func TestPackageUploadsAndInventory(t *testing.T) {
	env := newEnv(t, Options{})
	body := pkgUpload("g", "a.jar", true)
	body["is_async"] = "true"
	if status, data := env.do("POST", pkgPrefix, nil, body); status != http.StatusCreated {
		t.Fatalf("upload: %d %s", status, data)
	}
	var pkg struct {
		Status     string `json:"status"`
		CreateTime int64  `json:"create_time"`
	}
	env.must("GET", pkgPrefix+"/a.jar", map[string]string{"group": "g"}, nil, &pkg)
	if pkg.Status != "UPLOADING" {
		t.Fatalf("async upload status %q", pkg.Status)
	}
	created := pkg.CreateTime
	env.emu.Advance(30 * time.Second)
	env.must("GET", pkgPrefix+"/a.jar", map[string]string{"group": "g"}, nil, &pkg)
	if pkg.Status != "READY" {
		t.Fatalf("status after the upload time %q", pkg.Status)
	}
	if status, _ := env.do("POST", pkgPrefix+"/jars", nil, map[string]any{"paths": []string{"https://b-1.obs.cn-north-4.myhuaweicloud.com/v2/a.jar"}, "group": "g"}); status != http.StatusCreated {
		t.Fatalf("re-upload: %d", status)
	}
	env.must("GET", pkgPrefix+"/a.jar", map[string]string{"group": "g"}, nil, &pkg)
	if pkg.Status != "READY" || pkg.CreateTime != created {
		t.Fatalf("replaced package: %+v, created %d", pkg, created)
	}
	inv := env.emu.Inventory().Projects[DemoProjectID].ResourcePackages
	if len(inv) != 1 || inv[0].ID != "g/a.jar" || inv[0].Status != "READY" {
		t.Fatalf("inventory %+v", inv)
	}
	if l := env.emu.Inventory().Leftovers(); len(l) != 1 || l[0] != "resource_package g/a.jar (jar, READY)" {
		t.Fatalf("leftovers %v", l)
	}
	// The package is in group g: a show without ?group= (the ungrouped packages) does not find it.
	env.wantError("GET", pkgPrefix+"/a.jar", nil, nil, http.StatusNotFound, "DLI.0002")
	env.must("DELETE", pkgPrefix+"/a.jar", map[string]string{"group": "g"}, nil, nil)
	env.wantError("PUT", pkgPrefix+"/owner", nil, map[string]any{"new_owner": "other_user", "group_name": "g"}, http.StatusNotFound, "DLI.0002")
	env.wantError("POST", pkgPrefix, nil, map[string]any{"paths": []string{}, "kind": "jar", "group": "g"}, http.StatusBadRequest, "DLI.0001")
	env.wantError("POST", pkgPrefix, nil, pkgUpload("bad group", "a.jar", false), http.StatusBadRequest, "DLI.0001")
	env.wantError("POST", pkgPrefix, nil, pkgUpload("g", ".hidden", false), http.StatusBadRequest, "DLI.0001")
}

// The admin hook sets and clears an upload failure.
func TestAdminPackageFailure(t *testing.T) {
	env := newEnv(t, Options{})
	path := "https://b-1.obs.cn-north-4.myhuaweicloud.com/dir/x.jar"
	if st := env.admin("PUT", "/_emulator/package-failures", map[string]any{"path": path, "reason": "no such object"}, nil); st != http.StatusOK {
		t.Fatalf("set: %d", st)
	}
	e := env.wantError("POST", pkgPrefix, nil, pkgUpload("g", "x.jar", false), http.StatusBadRequest, "DLI.0001")
	if e.Msg != "Failed to upload "+path+": no such object" {
		t.Fatalf("message %q", e.Msg)
	}
	if st := env.admin("PUT", "/_emulator/package-failures", map[string]any{"path": path, "reason": ""}, nil); st != http.StatusOK {
		t.Fatalf("clear: %d", st)
	}
	if status, _ := env.do("POST", pkgPrefix, nil, pkgUpload("g", "x.jar", false)); status != http.StatusCreated {
		t.Fatalf("upload after clearing: %d", status)
	}
	if st := env.admin("PUT", "/_emulator/package-failures", map[string]any{"reason": "x"}, nil); st != http.StatusBadRequest {
		t.Fatalf("no path: %d", st)
	}
}
