package tasks_test

import (
	"testing"

	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func TestMain(m *testing.M) { cdktest.MainSharded(m) }
