package engine

// NagVisits is how many constructs the cdk-nag reasons aspect has visited.
func NagVisits() int64 { return nagVisits.Load() }
