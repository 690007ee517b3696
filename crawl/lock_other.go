//go:build !unix

package crawl

// lockArchive does nothing where flock is unavailable.
func lockArchive(dir string) (func(), error) { return func() {}, nil }
