package main

import "testing"

func TestQuietLogsUnlessAsked(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want map[string]string // expected values of the SDK level variables
	}{
		{"no logs asked for", map[string]string{},
			map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_HUAWEIDATA": "OFF"}},
		{"TF_LOG set", map[string]string{"TF_LOG": "trace"},
			map[string]string{"TF_LOG_SDK": "", "TF_LOG_SDK_PROTO": "", "TF_LOG_SDK_FRAMEWORK": "", "TF_LOG_PROVIDER_HUAWEIDATA": ""}},
		{"TF_LOG_PROVIDER set", map[string]string{"TF_LOG_PROVIDER": "debug"},
			map[string]string{"TF_LOG_SDK": "", "TF_LOG_PROVIDER_HUAWEIDATA": ""}},
		{"an explicit level is kept", map[string]string{"TF_LOG_SDK_PROTO": "trace"},
			map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "trace"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tc.env {
				env[k] = v
			}
			quietLogsUnlessAsked(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			for k, want := range tc.want {
				if env[k] != want {
					t.Errorf("%s = %q, want %q", k, env[k], want)
				}
			}
		})
	}
}
