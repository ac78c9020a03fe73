// Package tablefmt is the file format of apimodel's table: the shapes
// genapimodel writes and apimodel reads.
package tablefmt

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Kind is what JSON a shape takes. The table stores it as a byte: append
// kinds, never reorder them.
type Kind uint8

const (
	String    Kind = iota // a JSON string
	Enum                  // a string from a fixed set
	Integer               // a whole number
	Float                 // any number
	Boolean               // true or false
	Blob                  // bytes: Step Functions takes a string or any JSON
	Timestamp             // a string or a number
	Document              // any JSON
	List                  // an array
	Map                   // an object of user keys
	Structure             // an object of named members
	Union                 // a structure with exactly one member set
)

// File is the table as genapimodel builds it. It is stored (api.bin.gz)
// in a compact binary form, gzip'd: a string table, then the shapes, then
// the services, every number an unsigned varint. Shapes are numbered in
// one list shared by every service; a shape refers to another by number.
type File struct {
	// Models names where the models came from (the api-models-aws commit).
	Models   string
	Services []ServiceEntry
	Shapes   []ShapeEntry
}

// ServiceEntry is one service: its AWS SDK integration name and its operations.
type ServiceEntry struct {
	Name    string // as in arn:…:states:::aws-sdk:<name>:<action>: "emrserverless"
	Model   string // the model's directory in api-models-aws: "emr-serverless"
	SDKID   string // the model's sdkId: "EMR Serverless"
	Version string // the API version: "2021-07-13"
	// Ops maps each operation ("StartJobRun") to its input shape.
	Ops map[string]int
}

// ShapeEntry is one shape.
type ShapeEntry struct {
	Kind    Kind
	Name    string   // the model's name of a structure or union, for messages
	Enum    []string // enum values, sorted
	Min     *float64 // length (String, List, Map) or range (Integer, Float) minimum
	Max     *float64 // … maximum
	Pattern string   // an RE2 regular expression a string must match, unanchored
	Members []MemberEntry
	Item    int // list item or map value shape, -1 for none
	Key     int // map key shape, -1 for none
}

// MemberEntry is one member of a structure or union.
type MemberEntry struct {
	Name     string
	Shape    int
	Required bool
}

const magic = "sfnkit-apimodel 1\n"

const (
	hasMin = 1 << iota
	hasMax
	hasItem
	hasKey
)

// Encode writes the table, byte for byte the same for the same table (no
// time or name in the gzip header, strings and operations sorted).
func Encode(f *File) ([]byte, error) {
	var strs []string
	index := map[string]int{}
	str := func(s string) {
		if _, ok := index[s]; !ok {
			index[s] = -1
			strs = append(strs, s)
		}
	}
	str(f.Models)
	for _, s := range f.Shapes {
		str(s.Name)
		str(s.Pattern)
		for _, e := range s.Enum {
			str(e)
		}
		for _, m := range s.Members {
			str(m.Name)
		}
	}
	for _, svc := range f.Services {
		for _, x := range []string{svc.Name, svc.Model, svc.SDKID, svc.Version} {
			str(x)
		}
		for op := range svc.Ops {
			str(op)
		}
	}
	sort.Strings(strs)
	for i, s := range strs {
		index[s] = i
	}

	var b bytes.Buffer
	b.WriteString(magic)
	num := func(n int) { b.Write(binary.AppendUvarint(nil, uint64(n))) }
	float := func(x float64) { b.Write(binary.LittleEndian.AppendUint64(nil, math.Float64bits(x))) }
	num(len(strs))
	for _, s := range strs {
		num(len(s))
		b.WriteString(s)
	}
	num(index[f.Models])
	num(len(f.Shapes))
	for _, s := range f.Shapes {
		flags := 0
		if s.Min != nil {
			flags |= hasMin
		}
		if s.Max != nil {
			flags |= hasMax
		}
		if s.Item >= 0 {
			flags |= hasItem
		}
		if s.Key >= 0 {
			flags |= hasKey
		}
		b.WriteByte(byte(s.Kind))
		b.WriteByte(byte(flags))
		num(index[s.Name])
		num(index[s.Pattern])
		if s.Min != nil {
			float(*s.Min)
		}
		if s.Max != nil {
			float(*s.Max)
		}
		if s.Item >= 0 {
			num(s.Item)
		}
		if s.Key >= 0 {
			num(s.Key)
		}
		num(len(s.Enum))
		for _, e := range s.Enum {
			num(index[e])
		}
		num(len(s.Members))
		for _, m := range s.Members {
			num(index[m.Name])
			req := 0
			if m.Required {
				req = 1
			}
			num(m.Shape<<1 | req)
		}
	}
	num(len(f.Services))
	for _, svc := range f.Services {
		for _, x := range []string{svc.Name, svc.Model, svc.SDKID, svc.Version} {
			num(index[x])
		}
		ops := make([]string, 0, len(svc.Ops))
		for op := range svc.Ops {
			ops = append(ops, op)
		}
		sort.Strings(ops)
		num(len(ops))
		for _, op := range ops {
			num(index[op])
			num(svc.Ops[op])
		}
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if _, err := zw.Write(b.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

// Uncompressed returns the table's bytes before gzip, to compare two tables
// without depending on the compressor.
func Uncompressed(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// ReadFile decodes a table written by Encode.
func ReadFile(data []byte) (*File, error) {
	raw, err := Uncompressed(data)
	if err != nil {
		return nil, fmt.Errorf("tablefmt: %w", err)
	}
	r := &reader{r: bufio.NewReader(bytes.NewReader(raw))}
	f := r.file()
	if r.err != nil {
		return nil, fmt.Errorf("tablefmt: corrupt table: %w", r.err)
	}
	return f, nil
}

type reader struct {
	r    *bufio.Reader
	strs []string
	err  error
}

func (r *reader) num() int {
	if r.err != nil {
		return 0
	}
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.err = err
	}
	if n > math.MaxInt32 {
		r.err = errors.New("number out of range")
		return 0
	}
	return int(n)
}

func (r *reader) str() string {
	i := r.num()
	if i >= len(r.strs) {
		if r.err == nil {
			r.err = fmt.Errorf("string %d out of range", i)
		}
		return ""
	}
	return r.strs[i]
}

func (r *reader) float() *float64 {
	var buf [8]byte
	if _, err := io.ReadFull(r.r, buf[:]); err != nil && r.err == nil {
		r.err = err
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(buf[:]))
	return &f
}

func (r *reader) byte() byte {
	c, err := r.r.ReadByte()
	if err != nil && r.err == nil {
		r.err = err
	}
	return c
}

func (r *reader) file() *File {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r.r, head); err != nil || string(head) != magic {
		r.err = errors.New("not an sfnkit API table (version 1)")
		return nil
	}
	n := r.num()
	r.strs = make([]string, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		buf := make([]byte, r.num())
		if _, err := io.ReadFull(r.r, buf); err != nil {
			r.err = err
		}
		r.strs = append(r.strs, string(buf))
	}
	f := &File{Models: r.str()}
	n = r.num()
	f.Shapes = make([]ShapeEntry, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		s := ShapeEntry{Kind: Kind(r.byte()), Item: -1, Key: -1}
		flags := r.byte()
		s.Name, s.Pattern = r.str(), r.str()
		if flags&hasMin != 0 {
			s.Min = r.float()
		}
		if flags&hasMax != 0 {
			s.Max = r.float()
		}
		if flags&hasItem != 0 {
			s.Item = r.num()
		}
		if flags&hasKey != 0 {
			s.Key = r.num()
		}
		if k := r.num(); k > 0 {
			s.Enum = make([]string, k)
			for j := range s.Enum {
				s.Enum[j] = r.str()
			}
		}
		if k := r.num(); k > 0 {
			s.Members = make([]MemberEntry, k)
			for j := range s.Members {
				name := r.str()
				x := r.num()
				s.Members[j] = MemberEntry{Name: name, Shape: x >> 1, Required: x&1 == 1}
			}
		}
		f.Shapes = append(f.Shapes, s)
	}
	n = r.num()
	for i := 0; i < n && r.err == nil; i++ {
		svc := ServiceEntry{Name: r.str(), Model: r.str(), SDKID: r.str(), Version: r.str(), Ops: map[string]int{}}
		for k := r.num(); k > 0 && r.err == nil; k-- {
			op := r.str()
			svc.Ops[op] = r.num()
		}
		f.Services = append(f.Services, svc)
	}
	return f
}
