package main

import (
	"context"
	"errors"
	"io"
)

// runSearch is the `govfig search` subcommand (not built yet).
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("search: not implemented yet")
}
