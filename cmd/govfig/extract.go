package main

import (
	"context"
	"errors"
	"io"
)

// runExtract is the `govfig extract` subcommand (not built yet).
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("extract: not implemented yet")
}
