// Command terraform-provider-huaweidata is the Terraform provider for Huawei
// Cloud Data Lake Insight (DLI) and DataArts Studio.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=1.2.3"
// (see GNUmakefile and .goreleaser.yml).
var version = "dev"

func main() {
	var debug bool

	flag.BoolVar(&debug, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()

	opts := providerserver.ServeOpts{
		Address: "registry.terraform.io/huaweidata/huaweidata",
		Debug:   debug,
	}

	if err := providerserver.Serve(context.Background(), provider.New(version), opts); err != nil {
		log.Fatal(err.Error())
	}
}
