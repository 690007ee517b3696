package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// checkCreatable says why a file cannot be created at path, before SQLite
// tries: SQLite reports a directory it may not write to (read-only, or
// without write permission) as "unable to open database file: no such file
// or directory". An existing file is left to its opener. The error names the
// path and the real cause.
func checkCreatable(what, path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s %s: directory %s does not exist", what, path, dir)
	case err != nil:
		return fmt.Errorf("%s %s: %w", what, path, err)
	case !info.IsDir():
		return fmt.Errorf("%s %s: %s is not a directory", what, path, dir)
	}
	return checkWritableDir(what+" "+path, dir)
}

// checkWritableDir creates and removes a file in dir to learn whether files
// can be written there, and says why not.
func checkWritableDir(what, dir string) error {
	f, err := os.CreateTemp(dir, ".govfig-write-check-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, fs.ErrNotExist) {
			// What SQLite would say too: the directory exists but refuses
			// new files (sysfs, some FUSE file systems).
			err = errors.New("the file system refuses new files there")
		}
		return fmt.Errorf("%s: cannot create files in directory %s: %w", what, dir, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}
