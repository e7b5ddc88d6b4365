package tsv

import (
	"fmt"
	"testing"
)

func TestRows(t *testing.T) {
	src := "# header\n\na\tb\r\n  \n#c\td\ne\n\tf"
	var got []string
	for n, f := range Rows(src) {
		got = append(got, fmt.Sprintf("%d:%q", n, f))
	}
	want := `[3:["a" "b"] 6:["e"] 7:["" "f"]]`
	if fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
	for n := range Rows("x\ny\n") { // stopping early must not panic
		if n == 1 {
			break
		}
	}
}
