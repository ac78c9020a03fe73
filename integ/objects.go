package integ

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/sfnkit/sfnkit/integ/internal/asl"
)

// isObjectKey reports whether a Mocks key is an S3 object ("s3://bucket/key")
// rather than a Task state.
func isObjectKey(name string) bool { return strings.HasPrefix(name, "s3://") }

func splitObjectKey(uri string) (bucket, key string, ok bool) {
	rest, ok := strings.CutPrefix(uri, "s3://")
	if !ok {
		return "", "", false
	}
	bucket, key, ok = strings.Cut(rest, "/")
	return bucket, key, ok && bucket != "" && key != ""
}

// objectStore is the S3 of a Run: the objects of the mocks, and what the
// workflow writes.
type objectStore struct {
	*asl.MemoryStore
	mu    sync.Mutex
	wrote map[string][]byte
}

func (s *objectStore) Put(bucket, key string, body []byte) {
	s.MemoryStore.Put(bucket, key, body)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wrote == nil {
		s.wrote = map[string][]byte{}
	}
	s.wrote["s3://"+bucket+"/"+key] = body
}

// written returns what the workflow wrote, by "s3://bucket/key".
func (s *objectStore) written() map[string][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.wrote
}

// objects builds the S3 of a Run from the "s3://bucket/key" entries of mocks.
func objects(t testing.TB, label string, mocks Mocks) *objectStore {
	t.Helper()
	store := &objectStore{MemoryStore: asl.NewMemoryStore()}
	var keys []string
	for k := range mocks {
		if isObjectKey(k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var problems []string
	for _, uri := range keys {
		bucket, key, ok := splitObjectKey(uri)
		if !ok {
			problems = append(problems, fmt.Sprintf("mock %q: an S3 object is named s3://bucket/key", uri))
			continue
		}
		body, err := objectBody(mocks[uri])
		if err != nil {
			problems = append(problems, fmt.Sprintf("mock %q: %v", uri, err))
			continue
		}
		store.MemoryStore.Put(bucket, key, body)
	}
	if len(problems) > 0 {
		t.Fatalf("integ.Run: state machine %s:\n\t%s", label, strings.Join(problems, "\n\t"))
	}
	return store
}

// objectBody is the content of an S3 object mock: []byte and string as
// they are (CSV, JSON Lines, …), anything else encoded as JSON.
func objectBody(v any) ([]byte, error) {
	switch b := v.(type) {
	case []byte:
		return b, nil
	case string:
		return []byte(b), nil
	}
	body, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("cannot be encoded as JSON: %v", err)
	}
	return body, nil
}

// normalizeJSON turns a mock's result into the JSON data model.
func normalizeJSON(v any) (any, error) {
	switch v.(type) {
	case nil, string, bool, float64:
		return v, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	err = json.Unmarshal(b, &out)
	return out, err
}
