//go:build unix

package crawl

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockArchive takes an exclusive lock on DIR/.lock so two crawls never
// write one archive at the same time. The lock goes with the process.
func lockArchive(dir string) (func(), error) {
	p := filepath.Join(dir, ".lock")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("archive %s is in use by another crawl", dir)
		}
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	return func() { f.Close() }, nil
}
