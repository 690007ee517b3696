package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/govfig/govfig/indicator"
	"github.com/govfig/govfig/schema"
)

// indicatorsFlag adds --indicators to a subcommand's flags.
func indicatorsFlag(fs *cmdFlags) *string {
	return fs.String("indicators", "", "indicator catalogue `file` adding to or overriding the built-in one (same tab-separated format as indicator/catalogue.tsv)")
}

// loadCatalogue returns the built-in catalogue with the rows of path added
// (path "" for none). A bad row is an error naming the file and line.
func loadCatalogue(command, path string) (*indicator.Catalogue, error) {
	if path == "" {
		return indicator.Default(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, withHint(fmt.Errorf("%s: read indicators: %w", command, err), "govfig "+command+" --indicators my-indicators.tsv …")
	}
	c, err := indicator.Load(b, path)
	if err != nil {
		return nil, withHint(fmt.Errorf("%s: indicators: %w", command, err),
			"each line: code, name, en, kind, unit, domain, of, patterns, not, example, note (tab-separated, with that header line)")
	}
	return c, nil
}

// remapStore maps the figures of st onto cat: all of them when the catalogue
// changed since the database was last mapped, else the new ones.
func remapStore(ctx context.Context, st *schema.Store, cat *indicator.Catalogue, all bool, out io.Writer) error {
	rs, err := st.Remap(ctx, cat, all)
	if err != nil {
		return err
	}
	if rs.Full && rs.Figures > 0 {
		fmt.Fprintf(out, "indicators: catalogue %s (%d indicators); mapped all %d figures again: %d with an indicator, %d changed\n",
			cat.Hash(), len(cat.Indicators()), rs.Figures, rs.Mapped, rs.Changed)
	} else if rs.Figures > 0 {
		fmt.Fprintf(out, "indicators: mapped %d new figures: %d with an indicator\n", rs.Figures, rs.Mapped)
	}
	return nil
}

// runRemap is `govfig remap --db FILE [--indicators FILE]`: map the stored
// figures onto the catalogue again, without extracting anything.
func runRemap(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("remap", "govfig remap --db FILE [--indicators FILE] [--all]",
		"Maps the stored figures onto the indicator catalogue: all figures when the catalogue changed\n"+
			"since the database was last mapped (or with --all), else the figures not mapped yet. Nothing\n"+
			"is extracted again. extract, run and merge do the same at their end.", stderr)
	dbPath := fs.String("db", "", "database `file`")
	file := indicatorsFlag(fs)
	all := fs.Bool("all", false, "map every figure again even when the catalogue is unchanged")
	rest, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	if *dbPath == "" || len(rest) > 0 {
		return withHint(errors.New("remap: --db is required and takes no other argument"), "govfig remap --db govfig.db")
	}
	cat, err := loadCatalogue("remap", *file)
	if err != nil {
		return err
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("remap: %w", err)
	}
	st, err := schema.Open(*dbPath)
	if err != nil {
		return fmt.Errorf("remap: %w", err)
	}
	defer st.Close()
	if err := remapStore(ctx, st, cat, *all, stdout); err != nil {
		return fmt.Errorf("remap: %w", err)
	}
	return nil
}

// runIndicators is `govfig indicators [--db FILE] [--indicators FILE]`: the
// catalogue, with how many figures each indicator has in the database and
// the most frequent labels no indicator takes (what to add next).
func runIndicators(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("indicators", "govfig indicators [--db FILE] [--indicators FILE] [-n N]",
		"Lists the indicator catalogue (code, name, unit, domain). With --db: the figures of each\n"+
			"indicator and the N most frequent labels of figures that map to none.", stderr)
	dbPath := fs.String("db", "", "database `file` (read-only)")
	file := indicatorsFlag(fs)
	n := fs.Int("n", 30, "unmapped labels to list")
	rest, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	if len(rest) > 0 {
		return withHint(fmt.Errorf("indicators: unexpected argument %q", rest[0]), "govfig indicators --db govfig.db")
	}
	cat, err := loadCatalogue("indicators", *file)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	levels := map[string]int{}
	unmapped := map[string]int{}
	var order []string
	if *dbPath != "" {
		st, err := schema.OpenReadOnly(*dbPath)
		if err != nil {
			return fmt.Errorf("indicators: %w", err)
		}
		defer st.Close()
		err = st.EachFigure(ctx, func(r *schema.FigureRow) error {
			code, _ := cat.MapFigure(&r.Figure) // the catalogue given, not the one stored
			if code != "" {
				counts[code]++
				if r.Role == schema.RoleLevel {
					levels[code]++
				}
				return nil
			}
			if r.Label != "" {
				if unmapped[r.Label] == 0 {
					order = append(order, r.Label)
				}
				unmapped[r.Label]++
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("indicators: %w", err)
		}
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	if *dbPath != "" {
		fmt.Fprintln(tw, "code\tname\tunit\tdomain\tfigures\tlevels")
	} else {
		fmt.Fprintln(tw, "code\tname\tunit\tdomain")
	}
	for _, in := range cat.Indicators() {
		if *dbPath != "" {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\n", in.Code, in.Name, in.Unit(), in.Domain, counts[in.Code], levels[in.Code])
		} else {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", in.Code, in.Name, in.Unit(), in.Domain)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if *dbPath == "" {
		return nil
	}
	sortByCount(order, unmapped)
	fmt.Fprintf(stdout, "\nmost frequent labels without an indicator (%d labels):\n", len(order))
	for i, l := range order {
		if i == *n {
			break
		}
		fmt.Fprintf(stdout, "%6d  %s\n", unmapped[l], l)
	}
	return nil
}

// sortByCount orders labels by count, most first, keeping first-seen order
// on ties.
func sortByCount(labels []string, count map[string]int) {
	sort.SliceStable(labels, func(i, j int) bool { return count[labels[i]] > count[labels[j]] })
}
