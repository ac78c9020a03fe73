// Command synthsummary prints one line per Step Functions state machine found
// in the CloudFormation templates of a cloud assembly directory (what
// `cdk synth --output DIR` wrote): its states (nested ones included), the IAM
// statements attached to its execution role, and its definition size.
//
//	go run ./integ/cmd/synthsummary cdk.out/<example>
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/sfnkit/sfnkit/integ/cfn"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: synthsummary <cloud assembly dir, e.g. cdk.out/example>")
		os.Exit(2)
	}
	if err := run(os.Stdout, os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "synthsummary:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.template.json"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no *.template.json in %s: did cdk synth write there?", dir)
	}
	sort.Strings(files)
	total := 0
	for _, f := range files {
		tpl, err := cfn.Load(f)
		if err != nil {
			return err
		}
		sums, err := cfn.Summarize(tpl)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		for _, s := range sums {
			fmt.Fprintf(w, "    %s %s\n", filepath.Base(f), s)
		}
		total += len(sums)
	}
	if total == 0 {
		fmt.Fprintf(w, "    no state machines in %s\n", dir)
	}
	return nil
}
