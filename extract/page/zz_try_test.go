package page

import (
	"fmt"
	"os"
	"testing"
)

func TestZZTry(t *testing.T) {
	name := os.Getenv("TRYPAGE")
	if name == "" {
		t.Skip()
	}
	g, body := loadGolden(t, name)
	doc, err := Read(body, g.URL, g.ContentType)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("type=%s title=%q pub=%q date=%q region=%q site=%q col=%q problem=%q\n---\n%s\n---\n", doc.PageType, doc.Title, doc.Publisher, doc.Published, doc.Region, doc.Site, doc.Column, doc.Problem, doc.Text)
	if doc.List != nil {
		for _, l := range doc.List.Articles {
			fmt.Println(l)
		}
	}
}
