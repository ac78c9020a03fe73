package asl

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"testing"
)

func TestItemReaders(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("inv,a.txt,10\ninv,b.txt,20\n"))
	zw.Close()
	store := NewMemoryStore()
	store.Put("in", "items.json", []byte(`{"data":{"rows":[{"id":1},{"id":2},{"id":3}]}}`))
	store.Put("in", "items.jsonl", []byte("{\"id\":1}\n\n{\"id\":2}\n"))
	store.Put("in", "items.csv", []byte("id,name\n1,a\n2,\"b, c\"\n"))
	store.Put("in", "noheader.csv", []byte("1|a\n2|b\n"))
	store.Put("in", "manifest.json", []byte(`{"sourceBucket":"src","destinationBucket":"arn:aws:s3:::in","fileFormat":"CSV","fileSchema":"Bucket, Key, Size","files":[{"key":"inv/data.csv.gz"}]}`))
	store.Put("in", "inv/data.csv.gz", gz.Bytes())
	store.Put("in", "logs/1.txt", []byte("x"))
	store.Put("in", "logs/2.txt", []byte("yy"))
	tests := []struct {
		name, reader, want string
	}{
		{"JSON with ItemsPointer and MaxItems", `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/data/rows","MaxItems":2},"Parameters":{"Bucket":"in","Key":"items.json"}}`,
			`[{"id":1},{"id":2}]`},
		{"JSONL", `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"in","Key":"items.jsonl"}}`,
			`[{"id":1},{"id":2}]`},
		{"CSV with its header", `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"in","Key":"items.csv"}}`,
			`[{"id":"1","name":"a"},{"id":"2","name":"b, c"}]`},
		{"CSV with given headers", `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["n","l"],"CSVDelimiter":"PIPE"},"Parameters":{"Bucket":"in","Key":"noheader.csv"}}`,
			`[{"n":"1","l":"a"},{"n":"2","l":"b"}]`},
		{"S3 Inventory manifest", `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST"},"Parameters":{"Bucket":"in","Key":"manifest.json"}}`,
			`[{"Bucket":"inv","Key":"a.txt","Size":"10"},{"Bucket":"inv","Key":"b.txt","Size":"20"}]`},
		{"listObjectsV2", `{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"in","Prefix":"logs/"}}`,
			`[{"Etag":"\"9dd4e461268c8034f5c8564e155c67a6\"","Key":"logs/1.txt","LastModified":"2024-01-01T00:00:00Z","Size":1,"StorageClass":"STANDARD"},{"Etag":"\"2fb1c5cf58867b5bbc9a1b145a86f3a0\"","Key":"logs/2.txt","LastModified":"2024-01-01T00:00:00Z","Size":2,"StorageClass":"STANDARD"}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := def(t, `{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemReader":`+tc.reader+`,
				"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}`)
			r, err := Run(d, nil, Options{S3: store})
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != "SUCCEEDED" || !reflect.DeepEqual(r.Output, js(t, tc.want)) {
				t.Fatalf("got %s %s %s %s, want %s", r.Status, r.Error, r.Cause, jsonText(r.Output), tc.want)
			}
		})
	}
}

func TestItemBatcherBytesAndToleratedCount(t *testing.T) {
	store := NewMemoryStore()
	store.Put("b", "k", []byte(`["aaaa","bbbb","cccc","dddd","eeee"]`))
	d := def(t, `{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ToleratedFailureCount":1,
		"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}},
		"ItemBatcher":{"MaxInputBytesPerBatch":30},
		"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}}}}`)
	var sizes []int
	failFirst := true
	r, err := Run(d, nil, Options{S3: store, Task: func(c TaskCall) (TaskResult, error) {
		sizes = append(sizes, len(c.Input.(map[string]any)["Items"].([]any)))
		if failFirst {
			failFirst = false
			return TaskResult{}, &Failure{Name: "X", Cause: "y"}
		}
		return TaskResult{Output: "ok"}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	// {"Items":["aaaa","bbbb"]} is 25 bytes, a third item makes 32.
	if !reflect.DeepEqual(sizes, []int{2, 2, 1}) {
		t.Errorf("batch sizes %v", sizes)
	}
	if r.Status != "SUCCEEDED" || !reflect.DeepEqual(r.Output, js(t, `[{"Error":"X","Cause":"y"},"ok","ok"]`)) {
		t.Errorf("got %s %s %s", r.Status, r.Error, jsonText(r.Output))
	}
}
