package integ

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// From a directory outside the repository, with no SFNKIT_NODE_MODULES, the
// tools are found next to the module's own package-lock.json.
func TestFindNodeModulesOutsideTheRepo(t *testing.T) {
	t.Setenv(NodeModulesEnv, "")
	t.Chdir(t.TempDir())
	root, err := moduleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(missingPackages(filepath.Join(root, "node_modules"))) > 0 {
		t.Skip("this checkout has no node_modules (make deps): TestInstallNodeModules covers the install")
	}
	nm, err := FindNodeModules()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "node_modules"); nm != want {
		t.Fatalf("FindNodeModules() = %s, want %s", nm, want)
	}
}

// Two installs at once into an empty cache: one npm ci, both get the same
// complete node_modules; a third call reuses it.
func TestInstallNodeModules(t *testing.T) {
	if testing.Short() || os.Getenv("SFNKIT_E2E") == "" {
		t.Skip("end to end (npm ci from the registry): runs with SFNKIT_E2E=1, as make test does")
	}
	root, err := moduleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	var wg sync.WaitGroup
	got := make([]string, 2)
	errs := make([]error, 2)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = installNodeModules(root, cache)
		}()
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
	}
	if got[0] != got[1] || len(missingPackages(got[0])) > 0 {
		t.Fatalf("installs: %v", got)
	}
	stamp := filepath.Join(filepath.Dir(got[0]), ".installed")
	before, err := os.Stat(stamp)
	if err != nil {
		t.Fatal(err)
	}
	again, err := installNodeModules(root, cache)
	if err != nil || again != got[0] {
		t.Fatalf("reinstall: %s, %v", again, err)
	}
	if after, _ := os.Stat(stamp); !after.ModTime().Equal(before.ModTime()) {
		t.Fatal("the second call installed again")
	}
}
