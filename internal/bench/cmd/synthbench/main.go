// Command synthbench compares the synth time of a chain of N tasks built
// with sfnkit (in a fragments.Workflow, rendered in Go) against the same
// chain built with the CDK's awsstepfunctionstasks. Each measurement is the wall time of a fresh
// process (this binary re-executed with -worker), so Node start-up, loading
// aws-cdk-lib, construction and app.Synth() are all counted, and compile
// time is not.
//
//	go run ./internal/bench/cmd/synthbench            # what make bench runs
//	BENCH_NS=1000 BENCH_RUNS=5 BENCH_WORKFLOW=lambda BENCH_VARIANTS=proto-RL,proto-chain go run ./internal/bench/cmd/synthbench
//
// Environment: BENCH_NS (default 10,100,1000,3000), BENCH_RUNS (default 3,
// at least 1), BENCH_WORKFLOW (mix, the default: Lambda, activity,
// StartExecution, ECS RunTask, SNS, SQS and DynamoDB tasks round robin; or
// lambda: Lambda tasks only), BENCH_VARIANTS (extra variants to time
// besides the four the bench line needs; by default, for the mix, the
// workflow with a Map and a Distributed Map, sfnkit's and the CDK's; -list
// prints them). Always timed: sfnkit's Workflow path, the CDK's tasks,
// sfnkit's tasks used as CDK states (the drop-in path) and the import-only
// baseline (the same resources imported, no task). The last lines, one per
// N, are
//
//	bench: n=<N> sfnkit=<s> cdk=<s> ratio=<sfnkit/cdk> cdkstates=<s> cdkstates_ratio=<cdkstates/cdk>
//	       baseline=<s> marginal_ratio=<(sfnkit-baseline)/(cdk-baseline), in-process>
//	       marginal_ratio_wall=<the same of whole-process times> [maps_ratio=<sfnkit maps/cdk maps>]
//	       def_bytes=<sfnkit>/<cdk> statements=<sfnkit>/<cdk>
//
// (one line each). Every time is a median of the runs. marginal_ratio compares what each variant
// adds to the baseline; it takes the in-process build+synth time of each run, which leaves out
// what every process pays alike (Node's start, loading aws-cdk-lib, the CDK's validation engine:
// see bench.PhasesPrefix) and, with it, most of the run-to-run noise; marginal_ratio_wall is the
// same ratio of whole-process times. -calls counts the jsii messages of each variant per task
// instead (JSII_DEBUG at two sizes, the difference divided by the tasks
// between them): where the per-task cost goes, on a machine of any load.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sfnkit/sfnkit/internal/bench"
)

func main() {
	worker := flag.String("worker", "", "worker mode: build and synthesize this variant, then exit")
	n := flag.Int("n", 10, "worker: number of tasks")
	out := flag.String("out", "", "worker: cloud assembly directory")
	list := flag.Bool("list", false, "list the variants")
	calls := flag.Bool("calls", false, "count the jsii messages per task of each variant instead of timing")
	cpuprofile := flag.String("cpuprofile", "", "worker: write the Go side's CPU profile to this file")
	flag.Parse()
	if *list {
		for _, name := range bench.VariantNames() {
			fmt.Printf("%-16s %s\n", name, bench.Doc(name))
		}
		return
	}
	if *worker != "" {
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err != nil {
				fmt.Fprintln(os.Stderr, "synthbench:", err)
				os.Exit(1)
			}
			_ = pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		bench.Worker(*worker, *n, *out)
		return
	}
	if *calls {
		if err := countCalls(); err != nil {
			fmt.Fprintln(os.Stderr, "synthbench:", err)
			os.Exit(1)
		}
		return
	}
	if err := drive(); err != nil {
		fmt.Fprintln(os.Stderr, "synthbench:", err)
		os.Exit(1)
	}
}

type result struct {
	times []time.Duration // wall
	cpu   []time.Duration // user+sys of the worker and its Node child
	boot  []time.Duration // in-process: Node, aws-cdk-lib, the CDK's validation engine
	build []time.Duration // in-process: constructs built (after boot)
	synth []time.Duration // in-process: app.Synth()
	work  []time.Duration // build + synth of the same run
	stats bench.Stats
}

func (r *result) median() time.Duration { return median(r.times) }

func median(ds []time.Duration) time.Duration {
	t := append([]time.Duration(nil), ds...)
	sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
	if len(t)%2 == 1 {
		return t[len(t)/2]
	}
	return (t[len(t)/2-1] + t[len(t)/2]) / 2
}

func drive() error {
	os.Setenv("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
	ns, err := ints(env("BENCH_NS", "10,100,1000,3000"))
	if err != nil {
		return fmt.Errorf("BENCH_NS: %v", err)
	}
	runs, err := strconv.Atoi(env("BENCH_RUNS", "3"))
	if err != nil || runs < 1 {
		return fmt.Errorf("BENCH_RUNS: want a positive number, got %q", os.Getenv("BENCH_RUNS"))
	}
	w, err := workflow()
	if err != nil {
		return err
	}
	ours, theirs := w.ours, w.theirs
	variants := w.variants()
	for _, v := range strings.Split(env("BENCH_VARIANTS", strings.Join(w.extras, ",")), ",") {
		if v = strings.TrimSpace(v); v != "" && !contains(variants, v) {
			if bench.Doc(v) == "" {
				return fmt.Errorf("BENCH_VARIANTS: unknown variant %q; known: %s", v, strings.Join(bench.VariantNames(), ", "))
			}
			variants = append(variants, v)
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "synthbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// One untimed run of each (3 tasks: the maps variants need as many) to
	// warm the page cache and the jsii runtime.
	for _, v := range variants {
		if _, _, _, _, err := run(self, tmp, v, 3); err != nil {
			return err
		}
	}
	fmt.Printf("synthbench: %s against %s, %d runs per point, whole-process wall time (median), %s\n", ours, theirs, runs, time.Now().Format(time.RFC3339))
	fmt.Printf("  %s: %s\n  %s: %s\n", ours, bench.Doc(ours), theirs, bench.Doc(theirs))
	results := map[int]map[string]*result{}
	for _, n := range ns {
		results[n] = map[string]*result{}
		for _, v := range variants {
			results[n][v] = &result{}
		}
		for r := 0; r < runs; r++ {
			// Interleaved, so that drift hits every variant, and rotated, so
			// that no variant always follows the same one.
			for i := range variants {
				v := variants[(i+r)%len(variants)]
				d, cpu, ph, st, err := run(self, tmp, v, n)
				if err != nil {
					return err
				}
				res := results[n][v]
				res.times = append(res.times, d)
				res.cpu = append(res.cpu, cpu)
				res.boot = append(res.boot, ph.boot)
				res.build = append(res.build, ph.build)
				res.synth = append(res.synth, ph.synth)
				res.work = append(res.work, ph.build+ph.synth)
				res.stats = st
				fmt.Fprintf(os.Stderr, "  n=%d %s run %d: %.2fs wall, %.2fs cpu\n", n, v, r+1, d.Seconds(), cpu.Seconds())
			}
		}
		for _, v := range variants {
			res := results[n][v]
			fmt.Printf("n=%-5d %-15s wall %6.2fs (runs %s)  cpu %6.2fs (runs %s)  boot %5.2fs  build %5.2fs  synth %5.2fs  def_bytes %8d  statements %5d\n",
				n, v, res.median().Seconds(), secs(res.times), median(res.cpu).Seconds(), secs(res.cpu),
				median(res.boot).Seconds(), median(res.build).Seconds(), median(res.synth).Seconds(), res.stats.DefBytes, res.stats.Statements)
		}
	}
	fmt.Println()
	fmt.Printf("%6s %9s %9s %7s %9s %9s %9s %21s %13s\n", "N", "sfnkit s", "cdk s", "ratio", "sfnkit cpu", "cdk cpu", "cpu ratio", "def bytes sfnkit/cdk", "statements")
	for _, n := range ns {
		s, c := results[n][ours], results[n][theirs]
		sc, cc := median(s.cpu).Seconds(), median(c.cpu).Seconds()
		fmt.Printf("%6d %9.2f %9.2f %7.3f %10.2f %9.2f %9.3f %10d/%-10d %6d/%-6d\n", n, s.median().Seconds(), c.median().Seconds(),
			s.median().Seconds()/c.median().Seconds(), sc, cc, sc/cc, s.stats.DefBytes, c.stats.DefBytes, s.stats.Statements, c.stats.Statements)
	}
	fmt.Println()
	for _, n := range ns {
		r := results[n]
		s, c := r[ours].median().Seconds(), r[theirs].median().Seconds()
		drop, base := r[w.cdkstates].median().Seconds(), r[w.baseline].median().Seconds()
		sw, cw, bw := median(r[ours].work).Seconds(), median(r[theirs].work).Seconds(), median(r[w.baseline].work).Seconds()
		line := fmt.Sprintf("bench: n=%d sfnkit=%.3f cdk=%.3f ratio=%.3f cdkstates=%.3f cdkstates_ratio=%.3f baseline=%.3f marginal_ratio=%.3f marginal_ratio_wall=%.3f",
			n, s, c, s/c, drop, drop/c, base, (sw-bw)/(cw-bw), (s-base)/(c-base))
		if m, cm := r[w.maps], r[w.cdkMaps]; m != nil && cm != nil {
			line += fmt.Sprintf(" maps=%.3f cdk_maps=%.3f maps_ratio=%.3f", m.median().Seconds(), cm.median().Seconds(), m.median().Seconds()/cm.median().Seconds())
		}
		fmt.Printf("%s def_bytes=%d/%d statements=%d/%d\n", line, r[ours].stats.DefBytes, r[theirs].stats.DefBytes, r[ours].stats.Statements, r[theirs].stats.Statements)
	}
	return nil
}

// run times one worker process and analyzes what it synthesized.
type phases struct{ boot, build, synth time.Duration }

func run(self, tmp, variant string, n int) (wall, cpu time.Duration, ph phases, st bench.Stats, err error) {
	out, err := os.MkdirTemp(tmp, variant+"-")
	if err != nil {
		return 0, 0, ph, st, err
	}
	defer os.RemoveAll(out)
	cmd := exec.Command(self, "-worker", variant, "-n", strconv.Itoa(n), "-out", out)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = os.Stderr, &stderr
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	// jsii.Close races the Node child's exit and says so; it is harmless.
	for _, line := range strings.SplitAfter(stderr.String(), "\n") {
		var boot, build, synth float64
		switch {
		case line == "" || strings.HasPrefix(line, "Runtime process exited abnormally"):
		case strings.HasPrefix(line, bench.PhasesPrefix):
			if _, err := fmt.Sscanf(line, bench.PhasesPrefix+" boot=%g build=%g synth=%g", &boot, &build, &synth); err == nil {
				ph = phases{time.Duration(boot * float64(time.Second)), time.Duration(build * float64(time.Second)), time.Duration(synth * float64(time.Second))}
			}
		default:
			os.Stderr.WriteString(line)
		}
	}
	if err != nil {
		return 0, 0, ph, st, fmt.Errorf("worker %s n=%d: %v", variant, n, err)
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if st, err = bench.Analyze(out); err != nil {
		return 0, 0, ph, st, fmt.Errorf("worker %s n=%d: %v", variant, n, err)
	}
	if want := n + bench.ExtraStates(variant); st.States != want {
		return 0, 0, ph, st, fmt.Errorf("worker %s n=%d: %d states in the definition, want %d", variant, n, st.States, want)
	}
	return wall, cpu, ph, st, nil
}

func secs(ds []time.Duration) string {
	var s []string
	for _, d := range ds {
		s = append(s, fmt.Sprintf("%.2f", d.Seconds()))
	}
	return strings.Join(s, ",")
}

func env(k, def string) string {
	if v := strings.TrimSpace(os.Getenv(k)); v != "" {
		return v
	}
	return def
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("want positive numbers separated by commas, got %q", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// benchWorkflow names the variants of one workflow the bench line needs.
type benchWorkflow struct {
	ours, theirs, cdkstates, baseline string
	maps, cdkMaps                     string // optional
	extras                            []string
}

func (w benchWorkflow) variants() []string {
	return []string{w.ours, w.theirs, w.cdkstates, w.baseline}
}

// workflow is BENCH_WORKFLOW's variants: the mixed chain (the default) or
// Lambda tasks only.
func workflow() (benchWorkflow, error) {
	switch w := env("BENCH_WORKFLOW", "mix"); w {
	case "mix":
		return benchWorkflow{ours: "sfnkit-mix", theirs: "cdk-mix", cdkstates: "sfnkit-mix-cdkstates", baseline: "baseline-mix",
			maps: "sfnkit-mix-maps", cdkMaps: "cdk-mix-maps", extras: []string{"sfnkit-mix-maps", "cdk-mix-maps"}}, nil
	case "lambda":
		return benchWorkflow{ours: "sfnkit", theirs: "cdk", cdkstates: "sfnkit-cdkstates", baseline: "baseline"}, nil
	default:
		return benchWorkflow{}, fmt.Errorf("BENCH_WORKFLOW: want mix or lambda, got %q", w)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
