// Command terraform-provider-huaweidata is the Terraform provider for Huawei
// Cloud Data Lake Insight (DLI) and DataArts Studio.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/protoserver"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=1.2.3"
// (see GNUmakefile and .goreleaser.yml).
var version = "dev"

// address is the provider's registry address.
const address = "registry.terraform.io/huaweidata/huaweidata"

// sdkLogLevels are the environment variables that set the log levels of the plugin SDK's
// own loggers (protocol, framework, SDK root) and of the provider's.
var sdkLogLevels = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_HUAWEIDATA"}

// quietLogsUnlessAsked switches the SDK's and the provider's logging off when Terraform was
// not asked for logs (TF_LOG and TF_LOG_PROVIDER unset). The SDK logs every request at
// trace level by default and Terraform discards those lines unless asked for them, but
// encoding them costs the provider about a third of its CPU time per plan. A level set
// explicitly is left alone.
func quietLogsUnlessAsked(getenv func(string) string, setenv func(string, string) error) {
	if getenv("TF_LOG") != "" || getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, v := range sdkLogLevels {
		if getenv(v) == "" {
			_ = setenv(v, "OFF")
		}
	}
}

func main() {
	var debug bool

	flag.BoolVar(&debug, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()
	if !debug {
		quietLogsUnlessAsked(os.Getenv, os.Setenv)
	}

	tuneGC(os.Getenv)

	stopProfiling, err := startProfiling(os.Getenv(profileDirEnv))
	if err != nil {
		log.Fatal("profiling: " + err.Error())
	}
	defer stopProfiling()

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// tf6server.Serve with protoserver.New is providerserver.Serve (protocol 6) without the
	// memory the framework keeps per request (see internal/protoserver).
	if err := tf6server.Serve(address, protoserver.New(provider.New(version)), opts...); err != nil {
		stopProfiling()
		log.Fatal(err.Error())
	}
}
