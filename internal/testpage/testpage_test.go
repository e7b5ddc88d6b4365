package testpage

import (
	"strings"
	"testing"
)

func TestArticle(t *testing.T) {
	got := Article("Rutte meets Macron", "/news/a1", "First.", "Second.")
	for _, want := range []string{
		"<title>Rutte meets Macron</title>",
		`<link rel="canonical" href="/news/a1">`,
		"<h1>Rutte meets Macron</h1>",
		"<p>First.</p>\n<p>Second.</p>\n</article>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(Article("T", "", "x"), "canonical") {
		t.Error("a page without a canonical URL has a canonical link")
	}
}
