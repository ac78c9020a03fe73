// Command gendropin writes tasks/zz_dropin.go: for every task whose CDK
// twin has the JSONPath and JSONata variants, the CDK's <Task>JsonPathProps
// and <Task>JsonataProps (the fields the CDK gives each, with the types
// sfnkit's <Task>Props gives them) and the <Task>_JsonPath and
// <Task>_Jsonata constructors. It reads both packages' sources, so it runs
// even when the generated file is stale: go generate ./tasks.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const cdkModule = "github.com/aws/aws-cdk-go/awscdk/v2"

func main() {
	dir := flag.String("dir", ".", "directory of package tasks")
	out := flag.String("out", "zz_dropin.go", "file to write in dir")
	lenient := flag.Bool("lenient", false, "skip CDK fields sfnkit lacks instead of failing")
	flag.Parse()
	cdkDir, err := moduleDir(cdkModule)
	if err != nil {
		log.Fatal(err)
	}
	ours, err := parseOurs(*dir, *out)
	if err != nil {
		log.Fatal(err)
	}
	src, err := generate(ours, filepath.Join(cdkDir, "awsstepfunctionstasks"), *lenient)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*dir, *out), src, 0o644); err != nil {
		log.Fatal(err)
	}
}

func moduleDir(mod string) (string, error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mod).Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %w", mod, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// field is one props field as sfnkit declares it.
type field struct {
	name, typ string
	pkgs      map[string]string // package names the type uses → import path
}

type ourTask struct {
	fields map[string]field
	hasNew bool
}

// parseOurs reads the props structs and constructors of package tasks.
func parseOurs(dir, skip string) (map[string]*ourTask, error) {
	fset := token.NewFileSet()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	tasks := map[string]*ourTask{}
	get := func(name string) *ourTask {
		if tasks[name] == nil {
			tasks[name] = &ourTask{fields: map[string]field{}}
		}
		return tasks[name]
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || filepath.Base(f) == skip {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			return nil, err
		}
		imports := map[string]string{}
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			name := filepath.Base(path)
			if imp.Name != nil {
				name = imp.Name.Name
			} else if strings.HasPrefix(name, "v") && strings.Contains(path, "/") {
				// github.com/aws/aws-cdk-go/awscdk/v2 is package awscdk.
				name = filepath.Base(filepath.Dir(path))
			}
			if name == "jsii-runtime-go" {
				name = "jsii"
			}
			imports[name] = path
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || !strings.HasSuffix(ts.Name.Name, "Props") {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					t := get(strings.TrimSuffix(ts.Name.Name, "Props"))
					for _, fl := range st.Fields.List {
						var b bytes.Buffer
						_ = printer.Fprint(&b, fset, fl.Type)
						used := map[string]string{}
						ast.Inspect(fl.Type, func(n ast.Node) bool {
							if sel, ok := n.(*ast.SelectorExpr); ok {
								if id, ok := sel.X.(*ast.Ident); ok {
									used[id.Name] = imports[id.Name]
								}
							}
							return true
						})
						for _, n := range fl.Names {
							t.fields[n.Name] = field{name: n.Name, typ: b.String(), pkgs: used}
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil && strings.HasPrefix(d.Name.Name, "New") {
					get(strings.TrimPrefix(d.Name.Name, "New")).hasNew = true
				}
			}
		}
	}
	return tasks, nil
}

// cdkFields lists the field names of a CDK props struct, in its order.
func cdkFields(path, typeName string) ([]string, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok && ts.Name.Name == typeName {
					for _, f := range ts.Type.(*ast.StructType).Fields.List {
						for _, n := range f.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names, nil
}

func generate(ours map[string]*ourTask, cdkDir string, lenient bool) ([]byte, error) {
	var names []string
	for name, t := range ours {
		if !t.hasNew {
			continue
		}
		if _, err := os.Stat(filepath.Join(cdkDir, name+"JsonPathProps.go")); err == nil {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	imports := map[string]string{
		"constructs": "github.com/aws/constructs-go/constructs/v10",
		"sfn":        cdkModule + "/awsstepfunctions",
	}
	var body bytes.Buffer
	var problems []string
	for _, name := range names {
		for _, variant := range []string{"JsonPath", "Jsonata"} {
			props := name + variant + "Props"
			fields, err := cdkFields(filepath.Join(cdkDir, props+".go"), props)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&body, "\n// %s are the props of %s_%s: the fields the CDK's %s has,\n// typed and documented as in %sProps.\ntype %s struct {\n", props, name, variant, props, name, props)
			var assign []string
			for _, f := range fields {
				of, ok := ours[name].fields[f]
				if !ok {
					problems = append(problems, fmt.Sprintf("%sProps has no field %s, which the CDK's %s has", name, f, props))
					continue
				}
				fmt.Fprintf(&body, "\t%s %s\n", f, of.typ)
				for pkg, path := range of.pkgs {
					imports[pkg] = path
				}
				if !(variant == "Jsonata" && f == "QueryLanguage") {
					assign = append(assign, fmt.Sprintf("%s: props.%s", f, f))
				}
			}
			fmt.Fprintf(&body, "}\n")
			lang := ""
			doc := "a JSONPath state, as the CDK's " + name + ".jsonPath"
			if variant == "Jsonata" {
				lang = "QueryLanguage: sfn.QueryLanguage_JSONATA, "
				doc = "a JSONata state, as the CDK's " + name + ".jsonata"
			}
			fmt.Fprintf(&body, "\n// %s_%s is New%s for %s.\nfunc %s_%s(scope constructs.Construct, id *string, props *%s) %s {\n\tcheckProps(scope, id, %q, props == nil)\n\treturn New%s(scope, id, &%sProps{\n%s%s,\n})\n}\n",
				name, variant, name, doc, name, variant, props, name, name, name, name, lang, strings.Join(assign, ",\n"))
		}
	}
	if len(problems) > 0 && !lenient {
		return nil, fmt.Errorf("not drop-in yet:\n  %s", strings.Join(problems, "\n  "))
	}
	var head bytes.Buffer
	head.WriteString("// Code generated by gendropin; DO NOT EDIT.\n\npackage tasks\n\nimport (\n")
	var pkgs []string
	for pkg := range imports {
		if pkg != "" {
			pkgs = append(pkgs, pkg)
		}
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		path := imports[pkg]
		if path == "" {
			continue
		}
		if filepath.Base(path) == pkg {
			fmt.Fprintf(&head, "\t%q\n", path)
		} else {
			fmt.Fprintf(&head, "\t%s %q\n", pkg, path)
		}
	}
	head.WriteString(")\n")
	head.Write(body.Bytes())
	src, err := format.Source(head.Bytes())
	if err != nil {
		return head.Bytes(), fmt.Errorf("formatting: %w", err)
	}
	return src, nil
}
