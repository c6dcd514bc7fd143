package actions_test

import (
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

func TestMain(m *testing.M) { acctest.Main(m) }
