package main

import (
	"context"
	"errors"
	"io"
)

// runCrawl is the `govfig crawl` subcommand (not built yet).
func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("crawl: not implemented yet")
}
