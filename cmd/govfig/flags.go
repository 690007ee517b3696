package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"time"
)

// cmdFlags is a subcommand's flag set. `-h` prints its usage line, what it
// does and its flags; a bad flag is one line of error and a hint, never the
// whole usage.
type cmdFlags struct {
	*flag.FlagSet
	usage, about string
	stderr       io.Writer
}

// newFlags returns the flag set of subcommand name. usage is its synopsis
// (`govfig export --db FILE --xlsx FILE`), about a paragraph on what it does.
func newFlags(name, usage, about string, stderr io.Writer) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse errors come back as one line from parse
	fs.Usage = func() {}
	return &cmdFlags{FlagSet: fs, usage: usage, about: about, stderr: stderr}
}

// parse parses args, with flags before, between or after the positional
// arguments (govfig search 经费 --db x.db), and returns the positional ones.
// help is true when -h was asked for (the usage is printed then); err is a
// usage error with a hint.
func (c *cmdFlags) parse(args []string) (rest []string, help bool, err error) {
	for {
		if err := c.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.printUsage()
				return nil, true, nil
			}
			return nil, false, withHint(fmt.Errorf("%s: %w", c.Name(), err), "govfig "+c.Name()+" -h")
		}
		if c.NArg() == 0 {
			if err := c.checkNegative(); err != nil {
				return nil, false, err
			}
			return rest, false, nil
		}
		rest = append(rest, c.Arg(0))
		args = c.Args()[1:]
	}
}

// checkNegative refuses a negative number or duration given to any flag: no
// govfig flag takes one (--delay -1s, -n -1 were accepted silently and meant
// nothing sensible).
func (c *cmdFlags) checkNegative() error {
	var err error
	c.Visit(func(f *flag.Flag) {
		g, ok := f.Value.(flag.Getter)
		if !ok || err != nil {
			return
		}
		neg := false
		switch v := g.Get().(type) {
		case int:
			neg = v < 0
		case int64:
			neg = v < 0
		case float64:
			neg = v < 0
		case time.Duration:
			neg = v < 0
		}
		if neg {
			err = withHint(fmt.Errorf("%s: -%s %s: must not be negative", c.Name(), f.Name, f.Value), "govfig "+c.Name()+" -h")
		}
	})
	return err
}

func (c *cmdFlags) printUsage() {
	fmt.Fprintf(c.stderr, "Usage: %s\n\n%s\n\nFlags:\n", c.usage, c.about)
	c.SetOutput(c.stderr)
	c.PrintDefaults()
	c.SetOutput(io.Discard)
}

// govfigBuildVersion is the module version of the binary ("devel" when built
// from a work tree), recorded in runs and on the workbook.
func govfigBuildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
