package resolve

import (
	"reflect"
	"testing"
)

// An article list gives back the ordinals added, in order, repeats once, whatever the gaps
// (one byte for a small one, more for a large one).
func TestArticleListRoundTrip(t *testing.T) {
	var l ArticleList
	in := []int{0, 0, 1, 2, 130, 130, 131, 70000, 1 << 30}
	for _, k := range in {
		l.Add(k)
	}
	var got []int
	l.Each(func(k int) { got = append(got, k) })
	want := []int{0, 1, 2, 130, 131, 70000, 1 << 30}
	if !reflect.DeepEqual(got, want) || l.Len() != len(want) {
		t.Fatalf("got %v (Len %d), want %v", got, l.Len(), want)
	}
	if len(l.buf) > 4+3+5+5 {
		t.Errorf("%d bytes for %d ordinals", len(l.buf), len(want))
	}
	ids := l.IDs(func(k int) string { return string(rune('a' + k%26)) })
	if len(ids) != len(want) || ids[1] != "b" {
		t.Errorf("IDs: %v", ids)
	}
	var empty ArticleList
	if empty.IDs(func(int) string { return "" }) != nil {
		t.Error("an empty list gives ids")
	}
}
