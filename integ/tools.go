package integ

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// modulePath is the import path of the module that holds this package.
const modulePath = "github.com/sfnkit/sfnkit"

// CacheDirEnv names the environment variable that moves the per-user cache
// into which integ installs its npm tools (default: os.UserCacheDir()/sfnkit).
const CacheDirEnv = "SFNKIT_CACHE_DIR"

// moduleNodeModules finds the npm tools when neither SFNKIT_NODE_MODULES nor
// a node_modules above the working directory has them: the node_modules next
// to the sfnkit module's own package-lock.json (a clone, or a replace
// directive pointing at one), else an install of exactly that lock file with
// `npm ci` into <cache>/sfnkit/node/<hash of the lock>, made once per user
// and lock file and shared by every later test binary.
func moduleNodeModules(wd string) (string, error) {
	root, err := moduleRoot(wd)
	if err != nil {
		return "", fmt.Errorf("no node_modules with %v in %s or above it, and the sfnkit module's package-lock.json was not found (%v): set %s to a node_modules that has them",
			requiredPackages, wd, err, NodeModulesEnv)
	}
	if nm := filepath.Join(root, "node_modules"); len(missingPackages(nm)) == 0 {
		return nm, nil
	}
	cache, err := cacheDir()
	if err != nil {
		return "", fmt.Errorf("no node_modules with %v, and no user cache directory to install them into (%v): set %s or %s",
			requiredPackages, err, NodeModulesEnv, CacheDirEnv)
	}
	return installNodeModules(root, cache)
}

// moduleRoot is the directory of the sfnkit module: where this source file
// was compiled from (its parent), or, when the binary was built with
// -trimpath, what `go list -m` says.
func moduleRoot(wd string) (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		root := filepath.Dir(filepath.Dir(file))
		if hasLock(root) {
			return root, nil
		}
	}
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", modulePath)
	cmd.Dir = wd
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %v", modulePath, err)
	}
	root := strings.TrimSpace(string(out))
	if root == "" || !hasLock(root) {
		return "", fmt.Errorf("no package-lock.json in %q", root)
	}
	return root, nil
}

func hasLock(dir string) bool {
	for _, f := range []string{"package.json", "package-lock.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return false
		}
	}
	return true
}

func cacheDir() (string, error) {
	if dir := os.Getenv(CacheDirEnv); dir != "" {
		return filepath.Abs(dir)
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "sfnkit"), nil
}

// installNodeModules runs `npm ci` for root's package.json and
// package-lock.json in cache/node/<hash>, under a lock so that parallel test
// binaries install once, and returns its node_modules. A finished install
// is marked by a stamp file; an interrupted one is redone.
func installNodeModules(root, cache string) (string, error) {
	pkg, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		return "", err
	}
	lock, err := os.ReadFile(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append(append(pkg, 0), lock...))
	dir := filepath.Join(cache, "node", hex.EncodeToString(sum[:8]))
	nm := filepath.Join(dir, "node_modules")
	stamp := filepath.Join(dir, ".installed")
	if _, err := os.Stat(stamp); err == nil && len(missingPackages(nm)) == 0 {
		return nm, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	unlock, err := lockFile(filepath.Join(dir, ".lock"))
	if err != nil {
		return "", fmt.Errorf("locking %s: %v", dir, err)
	}
	defer unlock()
	if _, err := os.Stat(stamp); err == nil && len(missingPackages(nm)) == 0 {
		return nm, nil // another process installed it while we waited
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("integ needs %v and npm is not on PATH (%v): install Node.js 20 or newer with npm, or set %s", requiredPackages, err, NodeModulesEnv)
	}
	if err := os.RemoveAll(nm); err != nil {
		return "", err
	}
	for name, b := range map[string][]byte{"package.json": pkg, "package-lock.json": lock} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.Command(npm, "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("installing %v with `npm ci` into %s failed after %s (is the npm registry reachable? set %s to a node_modules that has them to skip the install): %v\n%s",
			requiredPackages, dir, time.Since(start).Round(time.Second), NodeModulesEnv, err, tail(out.String(), 2000))
	}
	if missing := missingPackages(nm); len(missing) > 0 {
		return "", fmt.Errorf("`npm ci` in %s did not install %v", dir, missing)
	}
	// A go.mod makes node_modules its own module, so that ./... in the cache never sees aws-cdk's Go templates.
	_ = os.WriteFile(filepath.Join(nm, "go.mod"), []byte("module sfnkit.invalid/node_modules\n"), 0o644)
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		return "", err
	}
	return nm, nil
}

var errLockTimeout = errors.New("timed out waiting for another install")
