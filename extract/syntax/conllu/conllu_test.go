package conllu

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
)

const sample = `# sent_id = 1
# text = I don't know.
1	I	I	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestRoundTrip(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample), "s.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || len(ss[0].Words) != 5 || len(ss[0].Extras) != 1 {
		t.Fatalf("got %d sentences, %+v", len(ss), ss)
	}
	s := ss[0]
	if s.Text() != "I don't know." || strings.Join(s.Forms(), " ") != "I do n't know ." {
		t.Errorf("text %q forms %q", s.Text(), s.Forms())
	}
	if s.Words[0].Head != 4 || s.Words[4].Deprel != "punct" {
		t.Errorf("words %+v", s.Words)
	}
	var b bytes.Buffer
	if err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	if b.String() != sample {
		t.Errorf("round trip:\n%s\nwant\n%s", b.String(), sample)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\n", "x.conllu:1: want 10 tab-separated columns, got 9"},
		{"1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3\ta\ta\tX\tX\t_\t1\tdep\t_\t_\n", "x.conllu:2: ID \"3\": want 2"},
		{"1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", "x.conllu:1: HEAD \"x\" is not a word id"},
		{"# a\n1\tI\tI\tPRON\tPRP\t_\t7\troot\t_\t_\n", "x.conllu:2: HEAD 7 is past the last word (1)"},
		{"1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n# late\n", "x.conllu:2: comment after the first word"},
		{"# only a comment\n\n", "x.conllu:1: sentence has no words"},
		{"1\t\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "x.conllu:1: empty FORM column"},
		{"1-x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", "x.conllu:1: ID \"1-x\""},
	} {
		_, err := ReadAll(strings.NewReader(tc.in), "x.conllu")
		var e *Error
		if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want prefix %q", tc.in, err, tc.want)
		}
	}
}

// TestTreebankRoundTrip reads the EWT dev set (when ../shared is there) and writes it back
// byte for byte.
func TestTreebankRoundTrip(t *testing.T) {
	dir := shared.Dir()
	if dir == "" {
		t.Skip("no ../shared beside the repository")
	}
	path := filepath.Join(dir, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no treebank: %v", err)
	}
	ss, err := ReadAll(bytes.NewReader(raw), path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2001 {
		t.Errorf("got %d sentences, want 2001", len(ss))
	}
	var b bytes.Buffer
	for _, s := range ss {
		Write(&b, s)
	}
	if !bytes.Equal(b.Bytes(), raw) {
		t.Errorf("dev set does not round-trip (%d bytes written, %d read)", b.Len(), len(raw))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n\n\n2\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := ReadAll(strings.NewReader(in), "f")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		var b bytes.Buffer
		for _, s := range ss {
			if err := Write(&b, s); err != nil {
				t.Fatal(err)
			}
		}
		again, err := ReadAll(&b, "again")
		if err != nil || len(again) != len(ss) {
			t.Fatalf("re-reading written output: %v (%d vs %d sentences)", err, len(again), len(ss))
		}
	})
}
