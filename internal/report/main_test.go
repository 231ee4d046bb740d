package report

import (
	"os"
	"testing"

	"dnn/internal/testutil/stepcheck"
)

// TestMain skips every test, in one line, while the steps the report draws
// with are exercise stubs.
func TestMain(m *testing.M) { os.Exit(stepcheck.Run(m)) }
