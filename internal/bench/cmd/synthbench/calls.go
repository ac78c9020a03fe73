package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
)

// countCalls prints, for each variant, the jsii messages it exchanges per
// task: requests from Go ("> create …", "> invoke …", "> get …") and
// callbacks from JavaScript ("< callback …"), counted in JSII_DEBUG output
// at two sizes and divided by the tasks between them, so that what every
// run pays once (loading aws-cdk-lib, the state machine) cancels out. A
// round trip costs about the same whatever the machine's load, which makes
// these counts a steadier guide than times on a busy machine.
func countCalls() error {
	w, err := workflow()
	if err != nil {
		return err
	}
	variants := append(w.variants(), w.extras...)
	if v := strings.TrimSpace(os.Getenv("BENCH_VARIANTS")); v != "" {
		variants = w.variants()
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" && !contains(variants, x) {
				variants = append(variants, x)
			}
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "synthbench-calls-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	const small, large = 14, 28 // multiples of the mix's 7 kinds
	fmt.Printf("synthbench -calls: jsii messages per task (n=%d minus n=%d, divided by %d)\n", large, small, large-small)
	for _, v := range variants {
		a, err := messages(self, tmp, v, small)
		if err != nil {
			return err
		}
		b, err := messages(self, tmp, v, large)
		if err != nil {
			return err
		}
		type row struct {
			key string
			per float64
		}
		var rows []row
		total := 0.0
		for k := range union(a, b) {
			if d := b[k] - a[k]; d != 0 {
				per := float64(d) / (large - small)
				rows = append(rows, row{k, per})
				total += per
			}
		}
		sort.Slice(rows, func(i, j int) bool {
			if rows[i].per != rows[j].per {
				return rows[i].per > rows[j].per
			}
			return rows[i].key < rows[j].key
		})
		fmt.Printf("\n%s: %.2f messages per task\n", v, total)
		for _, r := range rows {
			fmt.Printf("  %6.3f  %s\n", r.per, r.key)
		}
	}
	return nil
}

func union(a, b map[string]int) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// messages runs one worker with JSII_DEBUG and counts its jsii messages.
func messages(self, tmp, variant string, n int) (map[string]int, error) {
	out, err := os.MkdirTemp(tmp, variant+"-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(out)
	cmd := exec.Command(self, "-worker", variant, "-n", strconv.Itoa(n), "-out", out)
	cmd.Env = append(os.Environ(), "JSII_DEBUG=1", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("worker %s n=%d: %v", variant, n, err)
	}
	counts := map[string]int{}
	sc := bufio.NewScanner(&stderr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "> {"):
			var req struct {
				API      string          `json:"api"`
				FQN      string          `json:"fqn"`
				Method   string          `json:"method"`
				Property string          `json:"property"`
				Complete json.RawMessage `json:"complete"`
			}
			if json.Unmarshal([]byte(line[2:]), &req) != nil {
				counts["> ?"]++
				continue
			}
			key := req.API
			switch req.API {
			case "create":
				key += " " + req.FQN
			case "invoke":
				key += " " + req.Method
			case "sinvoke":
				key += " " + req.FQN + "." + req.Method
			case "get", "set", "sget", "sset":
				key += " " + req.Property
			case "":
				if req.Complete != nil {
					key = "complete (callback result)"
				}
			}
			counts["> "+key]++
		case strings.HasPrefix(line, `< {"callback"`):
			var cb struct {
				Callback struct {
					Invoke *struct{ Method string }   `json:"invoke"`
					Get    *struct{ Property string } `json:"get"`
				} `json:"callback"`
			}
			key := "< callback"
			if json.Unmarshal([]byte(line[2:]), &cb) == nil {
				switch {
				case cb.Callback.Invoke != nil:
					key += " " + cb.Callback.Invoke.Method
				case cb.Callback.Get != nil:
					key += " get " + cb.Callback.Get.Property
				}
			}
			counts[key]++
		}
	}
	return counts, sc.Err()
}
