package apimodel

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/sfnkit/sfnkit/internal/apimodel/tablefmt"
)

// The committed table is what genapimodel writes from the models, and
// writing it is deterministic. The models are not in the repository: set
// SFNKIT_API_MODELS to a checkout (or bare clone) of aws/api-models-aws at
// the commit the table names to run this; without it the test is skipped.
func TestGeneratedTableIsCurrent(t *testing.T) {
	models := os.Getenv("SFNKIT_API_MODELS")
	if models == "" {
		t.Skip("SFNKIT_API_MODELS not set: the API models are not here to regenerate the table from (see doc.go)")
	}
	dir := t.TempDir()
	var tables [2][]byte
	for i := range tables {
		out := filepath.Join(dir, "api.bin.gz")
		cmd := exec.Command("go", "run", "./genapimodel", "-models", models, "-out", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("genapimodel: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if tables[i], err = tablefmt.Uncompressed(data); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(tables[0], tables[1]) {
		t.Fatal("genapimodel wrote two different tables from the same models")
	}
	committed, err := tablefmt.Uncompressed(tableData)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, tables[0]) {
		f, _ := tablefmt.ReadFile(tableData)
		t.Fatalf("api.bin.gz (models %s) is not what these models give: run `SFNKIT_API_MODELS=%s go generate ./internal/apimodel`", f.Models, models)
	}
}
