package pagecheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

type outcomesFile struct {
	Source   string `yaml:"source"`
	Outcomes []struct {
		Number int    `yaml:"number"`
		Title  string `yaml:"title"`
		Themes []int  `yaml:"themes"`
		Note   string `yaml:"note"`
	} `yaml:"outcomes"`
}

// TestOutcomesData checks data/outcomes.yaml: the framework's 10 outcomes in
// order, themes 1 to 6 only, and every theme mapped to at least one outcome.
func TestOutcomesData(t *testing.T) {
	var f outcomesFile
	if err := readYAML(filepath.Join("..", "data", "outcomes.yaml"), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Outcomes) != 10 {
		t.Fatalf("%d outcomes, want the framework's 10", len(f.Outcomes))
	}
	mapped := map[int]bool{}
	for i, o := range f.Outcomes {
		if o.Number != i+1 || o.Title == "" || o.Note == "" {
			t.Errorf("outcome %d: number %d, title %q, note %q", i+1, o.Number, o.Title, o.Note)
		}
		for _, n := range o.Themes {
			if n < 1 || n > 6 {
				t.Errorf("outcome %d: theme %d does not exist", o.Number, n)
			}
			mapped[n] = true
		}
	}
	for n := 1; n <= 6; n++ {
		if !mapped[n] {
			t.Errorf("theme %d is mapped to no outcome", n)
		}
	}
}

var themeLink = regexp.MustCompile(`Theme (\d)`)

// TestOutcomesTable checks the built themes page shows the table from the data:
// one row per outcome, linking exactly the themes the data names.
func TestOutcomesTable(t *testing.T) {
	var f outcomesFile
	if err := readYAML(filepath.Join("..", "data", "outcomes.yaml"), &f); err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(filepath.Join("..", "public", "themes", "index.html"))
	if err != nil {
		t.Fatal("no built themes page: run `make build` first")
	}
	defer file.Close()
	doc, err := html.Parse(file)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{} // data-outcome -> the themes linked in the row, as "2,6"
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && attr(n, "data-outcome") != "" {
			var links []string
			var inRow func(*html.Node)
			inRow = func(c *html.Node) {
				if c.Type == html.ElementNode && c.Data == "a" {
					if m := themeLink.FindStringSubmatch(textOf(c)); m != nil && strings.HasPrefix(attr(c, "href"), "/themes/") {
						links = append(links, m[1])
					}
				}
				for k := c.FirstChild; k != nil; k = k.NextSibling {
					inRow(k)
				}
			}
			inRow(n)
			rows[attr(n, "data-outcome")] = strings.Join(links, ",")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(rows) != len(f.Outcomes) {
		t.Fatalf("the table has %d outcome rows, want %d", len(rows), len(f.Outcomes))
	}
	for _, o := range f.Outcomes {
		want := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(o.Themes)), ","), "[]")
		if got := rows[fmt.Sprint(o.Number)]; got != want {
			t.Errorf("outcome %d links themes %q, want %q", o.Number, got, want)
		}
	}
}
