package httpapi

import (
	"testing"
	"time"
)

// TestPrivilegesConsistencyDelay: a grantee's first grant on an object is hidden from the
// object's user list for the consistency delay; a later change to it shows at once.
func TestPrivilegesConsistencyDelay(t *testing.T) {
	env, realClock := newEnvFakeReal(t, Options{Faults: Faults{ConsistencyDelay: time.Second}})
	env.must("POST", testPrefix+"/databases", nil, map[string]any{"database_name": "perm_db"}, nil)
	realClock.Add(time.Second)
	grant := func(action string, privileges ...string) {
		privileges = append([]string{}, privileges...) // never null: the API requires the list
		env.must("PUT", testPrefix+"/user-authorization", nil, map[string]any{"user_name": "analyst", "action": action,
			"privileges": []map[string]any{{"object": "databases.perm_db", "privileges": privileges}}}, nil)
	}
	users := func() []privilegeEntry {
		var out listDatabaseUsersResponse
		env.must("GET", testPrefix+"/databases/perm_db/users", nil, nil, &out)
		return out.Privileges
	}
	grant("grant", "SELECT")
	if got := users(); len(got) != 1 || !got[0].IsAdmin {
		t.Fatalf("a new grant is visible at once: %+v", got)
	}
	realClock.Add(time.Second)
	grant("grant", "CREATE_TABLE")
	if got := users(); len(got) != 2 || got[1].UserName != "analyst" || len(got[1].Privileges) != 2 {
		t.Fatalf("after the delay: %+v", got)
	}
	grant("update")
	if got := users(); len(got) != 1 {
		t.Fatalf("update with no privileges revokes all: %+v", got)
	}
}
