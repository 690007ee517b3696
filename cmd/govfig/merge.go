package main

import (
	"context"
	"errors"
	"io"
)

// runMerge is the `govfig merge` subcommand (not built yet).
func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("merge: not implemented yet")
}
