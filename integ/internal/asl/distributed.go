package asl

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// readerArgs evaluates an ItemReader's or ResultWriter's Parameters
// (JSONPath) or Arguments (JSONata).
func (l *lane) readerArgs(s *step, r map[string]any, in any, ctx map[string]any, states map[string]any) (map[string]any, *Failure) {
	var got any
	var f *Failure
	if s.jsonata {
		got, f = l.jsonataValue(r["Arguments"], states)
	} else {
		got, f = l.template(r["Parameters"], in, ctx)
	}
	m, _ := got.(map[string]any)
	return m, f
}

func (l *lane) readItems(s *step, r map[string]any, in any, ctx map[string]any, states map[string]any) ([]any, *Failure) {
	args, f := l.readerArgs(s, r, in, ctx, states)
	if f != nil {
		return nil, f
	}
	cfg, _ := r["ReaderConfig"].(map[string]any)
	bucket, _ := args["Bucket"].(string)
	resource, _ := r["Resource"].(string)
	readerFail := func(format string, a ...any) *Failure { return fail(ErrItemReaderFailed, format, a...) }
	var items []any
	switch {
	case strings.HasSuffix(resource, "s3:listObjectsV2"):
		prefix, _ := args["Prefix"].(string)
		for _, o := range l.ex.opts.S3.List(bucket, prefix) {
			items = append(items, map[string]any{
				"Etag": o.ETag, "Key": o.Key, "LastModified": o.LastModified.UTC().Format(time.RFC3339),
				"Size": float64(o.Size), "StorageClass": "STANDARD",
			})
		}
	case strings.HasSuffix(resource, "s3:getObject"):
		key, _ := args["Key"].(string)
		body, ok := l.ex.opts.S3.Get(bucket, key)
		if !ok {
			return nil, readerFail("The S3 object s3://%s/%s does not exist (add it to the mocks)", bucket, key)
		}
		var err error
		switch typ, _ := cfg["InputType"].(string); typ {
		case "", "JSON":
			items, err = jsonItems(body, cfg)
		case "JSONL":
			items, err = jsonlItems(body)
		case "CSV":
			items, err = csvItems(body, cfg)
		case "MANIFEST":
			items, err = l.manifestItems(body)
		default:
			err = fmt.Errorf("unknown ReaderConfig.InputType %q", typ)
		}
		if err != nil {
			return nil, readerFail("Reading s3://%s/%s: %v", bucket, key, err)
		}
	default:
		return nil, readerFail("unsupported ItemReader Resource %q", resource)
	}
	maxItems := numberOr(cfg["MaxItems"], 0)
	if p, ok := cfg["MaxItemsPath"].(string); ok && !s.jsonata {
		got, f := l.queryPath(p, in, ctx)
		if f != nil {
			return nil, f
		}
		maxItems = numberOr(got, 0)
	} else if v, ok := cfg["MaxItems"].(string); ok && s.jsonata {
		if maxItems, f = l.jsonataNumber(v, states, "MaxItems"); f != nil {
			return nil, f
		}
	}
	if maxItems > 0 && int(maxItems) < len(items) {
		items = items[:int(maxItems)]
	}
	if items == nil {
		items = []any{}
	}
	return items, nil
}

func jsonItems(body []byte, cfg map[string]any) ([]any, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, fmt.Errorf("not JSON: %v", err)
	}
	if ptr, ok := cfg["ItemsPointer"].(string); ok && ptr != "" {
		for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			switch x := v.(type) {
			case map[string]any:
				v = x[tok]
			case []any:
				i, err := strconv.Atoi(tok)
				if err != nil || i < 0 || i >= len(x) {
					return nil, fmt.Errorf("ItemsPointer %s selects nothing", ptr)
				}
				v = x[i]
			default:
				return nil, fmt.Errorf("ItemsPointer %s selects nothing", ptr)
			}
		}
	}
	a, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("the JSON is a %s, not an array", typeName(v))
	}
	return a, nil
}

func jsonlItems(body []byte) ([]any, error) {
	var out []any
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return nil, fmt.Errorf("line %d is not JSON: %v", n, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

var csvDelimiters = map[string]rune{"COMMA": ',', "PIPE": '|', "SEMICOLON": ';', "SPACE": ' ', "TAB": '\t'}

func csvItems(body []byte, cfg map[string]any) ([]any, error) {
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = -1
	if d, ok := cfg["CSVDelimiter"].(string); ok {
		r.Comma = csvDelimiters[d]
	}
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	var header []string
	if cfg["CSVHeaderLocation"] == "GIVEN" {
		hs, _ := cfg["CSVHeaders"].([]any)
		for _, h := range hs {
			s, _ := h.(string)
			header = append(header, s)
		}
	} else if len(rows) > 0 {
		header, rows = rows[0], rows[1:]
	}
	out := []any{}
	for n, row := range rows {
		if len(row) > len(header) {
			return nil, fmt.Errorf("row %d has %d fields but the header %d", n+1, len(row), len(header))
		}
		item := map[string]any{}
		for i, h := range header {
			if i < len(row) {
				item[h] = row[i]
			} else {
				item[h] = ""
			}
		}
		out = append(out, item)
	}
	return out, nil
}

// manifestItems reads an S3 Inventory manifest.json and the CSV files it lists.
func (l *lane) manifestItems(body []byte) ([]any, error) {
	var m struct {
		DestinationBucket string `json:"destinationBucket"`
		FileFormat        string `json:"fileFormat"`
		FileSchema        string `json:"fileSchema"`
		Files             []struct {
			Key string `json:"key"`
		} `json:"files"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("not an S3 Inventory manifest: %v", err)
	}
	if m.FileFormat != "" && m.FileFormat != "CSV" {
		return nil, fmt.Errorf("inventory format %s: only CSV is supported", m.FileFormat)
	}
	bucket := strings.TrimPrefix(m.DestinationBucket, "arn:aws:s3:::")
	var fields []string
	for _, f := range strings.Split(m.FileSchema, ",") {
		fields = append(fields, strings.TrimSpace(f))
	}
	out := []any{}
	for _, file := range m.Files {
		data, ok := l.ex.opts.S3.Get(bucket, file.Key)
		if !ok {
			return nil, fmt.Errorf("the inventory file s3://%s/%s does not exist", bucket, file.Key)
		}
		if strings.HasSuffix(file.Key, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, err
			}
			if data, err = io.ReadAll(zr); err != nil {
				return nil, err
			}
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			item := map[string]any{}
			for i, f := range fields {
				if i < len(row) {
					item[f] = row[i]
				}
			}
			out = append(out, item)
		}
	}
	return out, nil
}

// batch groups the items as ItemBatcher says: {"Items": [...], "BatchInput": ...}.
func (l *lane) batch(s *step, inputs []any, in any, ctx map[string]any, states map[string]any) ([]any, *Failure) {
	b, ok := s.st["ItemBatcher"].(map[string]any)
	if !ok {
		return inputs, nil
	}
	bs := &step{name: s.name, st: b, jsonata: s.jsonata, entered: s.entered}
	maxItems, f := l.mapNumber(bs, "MaxItemsPerBatch", in, ctx, states)
	if f != nil {
		return nil, f
	}
	maxBytes, f := l.mapNumber(bs, "MaxInputBytesPerBatch", in, ctx, states)
	if f != nil {
		return nil, f
	}
	var batchInput any
	bi, hasInput := b["BatchInput"]
	if hasInput {
		if s.jsonata {
			batchInput, f = l.jsonataValue(bi, states)
		} else {
			batchInput, f = l.template(bi, in, ctx)
		}
		if f != nil {
			return nil, f
		}
	}
	newBatch := func() map[string]any {
		m := map[string]any{"Items": []any{}}
		if hasInput {
			m["BatchInput"] = clone(batchInput)
		}
		return m
	}
	var out []any
	cur := newBatch()
	for _, item := range inputs {
		items := cur["Items"].([]any)
		full := maxItems > 0 && float64(len(items)) >= maxItems
		if !full && maxBytes > 0 && len(items) > 0 {
			cur["Items"] = append(items, item)
			full = float64(len(jsonText(cur))) > maxBytes
			cur["Items"] = items
		}
		if full {
			out = append(out, cur)
			cur = newBatch()
			items = nil
		}
		cur["Items"] = append(cur["Items"].([]any), item)
	}
	if len(cur["Items"].([]any)) > 0 {
		out = append(out, cur)
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

// writeResults writes the child executions' results to S3 as ResultWriter
// says and returns the Map's result: without a ResultWriter, the array of
// outputs (an {"Error", "Cause"} object for a failed item).
func (l *lane) writeResults(s *step, run *mapRun, in any, ctx map[string]any, states map[string]any) (any, *Failure) {
	w, ok := s.st["ResultWriter"].(map[string]any)
	if !ok {
		return run.outputs, nil
	}
	args, f := l.readerArgs(s, w, in, ctx, states)
	if f != nil {
		return nil, f
	}
	bucket, _ := args["Bucket"].(string)
	prefix, _ := args["Prefix"].(string)
	if bucket == "" {
		return nil, fail(ErrResultWriterFailed, "The ResultWriter names no Bucket")
	}
	smName := "StateMachine"
	if sm, ok := l.ex.opts.Context["StateMachine"].(map[string]any); ok {
		if n, ok := sm["Name"].(string); ok {
			smName = n
		}
	}
	runID := l.ex.uuid()
	mapRunArn := fmt.Sprintf("arn:aws:states:us-east-1:123456789012:mapRun:%s/%s:%s", smName, s.name, runID)
	if id, ok := execField(l.ex.opts.Context, "Id"); ok {
		if parts := strings.Split(id, ":"); len(parts) >= 5 {
			mapRunArn = fmt.Sprintf("arn:aws:states:%s:%s:mapRun:%s/%s:%s", parts[3], parts[4], smName, s.name, runID)
		}
	}
	dir := runID
	if prefix != "" {
		dir = strings.TrimSuffix(prefix, "/") + "/" + runID
	}
	var succeeded, failed []any
	for i, in := range run.inputs {
		rec := map[string]any{
			"ExecutionArn": fmt.Sprintf("%s:%d", mapRunArn, i),
			"Input":        jsonText(in),
			"InputDetails": map[string]any{"Included": true},
			"Name":         fmt.Sprintf("%d", i),
		}
		if f := run.failed[i]; f != nil {
			rec["Status"], rec["Error"], rec["Cause"] = "FAILED", f.Name, f.Cause
			failed = append(failed, rec)
			continue
		}
		if run.outputs[i] == nil && run.failed[i] == nil && l.group.cancelled() {
			continue
		}
		rec["Status"] = "SUCCEEDED"
		rec["Output"] = jsonText(run.outputs[i])
		rec["OutputDetails"] = map[string]any{"Included": true}
		succeeded = append(succeeded, rec)
	}
	files := map[string]any{"FAILED": []any{}, "PENDING": []any{}, "SUCCEEDED": []any{}}
	for _, part := range []struct {
		status string
		recs   []any
	}{{"SUCCEEDED", succeeded}, {"FAILED", failed}} {
		if len(part.recs) == 0 {
			continue
		}
		key := dir + "/" + part.status + "_0.json"
		body := []byte(jsonText(part.recs))
		l.ex.opts.S3.Put(bucket, key, body)
		files[part.status] = []any{map[string]any{"Key": key, "Size": float64(len(body))}}
	}
	manifestKey := dir + "/manifest.json"
	manifest := map[string]any{"DestinationBucket": bucket, "MapRunArn": mapRunArn, "ResultFiles": files}
	l.ex.opts.S3.Put(bucket, manifestKey, []byte(jsonText(manifest)))
	return map[string]any{
		"MapRunArn":           mapRunArn,
		"ResultWriterDetails": map[string]any{"Bucket": bucket, "Key": manifestKey},
	}, nil
}

func execField(ctx map[string]any, field string) (string, bool) {
	e, _ := ctx["Execution"].(map[string]any)
	s, ok := e[field].(string)
	return s, ok
}

// MemoryStore is an ObjectStore in memory.
type MemoryStore struct {
	mu      sync.Mutex
	objects map[string][]byte // "bucket/key"
	writes  []string
}

// NewMemoryStore makes an empty store.
func NewMemoryStore() *MemoryStore { return &MemoryStore{objects: map[string][]byte{}} }

func (m *MemoryStore) Get(bucket, key string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.objects[bucket+"/"+key]
	return b, ok
}

func (m *MemoryStore) Put(bucket, key string, body []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.objects[bucket+"/"+key] = body
	m.writes = append(m.writes, bucket+"/"+key)
}

func (m *MemoryStore) List(bucket, prefix string) []ObjectInfo {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []ObjectInfo
	for k, b := range m.objects {
		key, ok := strings.CutPrefix(k, bucket+"/")
		if !ok || !strings.HasPrefix(key, prefix) {
			continue
		}
		sum := md5.Sum(b)
		out = append(out, ObjectInfo{Key: key, Size: len(b), ETag: `"` + hex.EncodeToString(sum[:]) + `"`,
			LastModified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Written lists "bucket/key" of every object Put, in order.
func (m *MemoryStore) Written() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.writes...)
}
