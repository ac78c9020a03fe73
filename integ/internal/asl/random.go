package asl

import (
	"fmt"
	"math/rand/v2"
)

func seededRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x5f0c1f))
}

// uuid returns a version 4 UUID from the execution's random source.
func (ex *execution) uuid() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(ex.rand.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
