package integ

// SetPolyfill turns the Promise.withResolvers polyfill off or on for the
// harness's own tests, and returns a function restoring the previous setting.
func SetPolyfill(on bool) (restore func()) {
	old := usePolyfill
	usePolyfill = on
	return func() { usePolyfill = old }
}
