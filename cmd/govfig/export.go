package main

import (
	"context"
	"errors"
	"io"
)

// runExport is the `govfig export` subcommand (not built yet).
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("export: not implemented yet")
}
