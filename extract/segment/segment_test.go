package segment

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
)

func sentences(text string) []string {
	d := &article.Doc{Text: text}
	Segment(d)
	var out []string
	for _, s := range d.Sentences {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Holm met Mrs. Berg and Dr. Ahn in Oslo. They spoke for an hour.",
			[]string{"Mr. Holm met Mrs. Berg and Dr. Ahn in Oslo.", "They spoke for an hour."}},
		{"The envoy landed on March 4. She will stay until Friday.",
			[]string{"The envoy landed on March 4.", "She will stay until Friday."}},
		{"The prime minister returned to No. 10 Downing Street after the vote. Nobody was surprised.",
			[]string{"The prime minister returned to No. 10 Downing Street after the vote.", "Nobody was surprised."}},
		{"Gen. Arvidsson and Sen. Okafor toured St. Gallen on Jan. 9 with Lt. Col. Brandt.",
			[]string{"Gen. Arvidsson and Sen. Okafor toured St. Gallen on Jan. 9 with Lt. Col. Brandt."}},
		{"U.S. and U.K. officials agreed. The E.U. did not.",
			[]string{"U.S. and U.K. officials agreed.", "The E.U. did not."}},
		{"Aid will keep flowing from the U.S. This was the message in Riga.",
			[]string{"Aid will keep flowing from the U.S.", "This was the message in Riga."}},
		{"The U.S. Navy sent a ship. It arrived at 6 a.m. The crew rested.",
			[]string{"The U.S. Navy sent a ship.", "It arrived at 6 a.m.", "The crew rested."}},
		{"“We will not back down.” The minister left the room.",
			[]string{"“We will not back down.”", "The minister left the room."}},
		{"\"It is over,\" she said. \"We lost.\" Then silence.",
			[]string{"\"It is over,\" she said.", "\"We lost.\"", "Then silence."}},
		{"Is this the end? “Why?” he asked. Nobody replied!",
			[]string{"Is this the end?", "“Why?” he asked.", "Nobody replied!"}},
		{"Exports rose 4.5 percent to $3.2 billion in 2023. Imports fell.",
			[]string{"Exports rose 4.5 percent to $3.2 billion in 2023.", "Imports fell."}},
		{"He named John F. Kennedy as his model... Others disagreed.",
			[]string{"He named John F. Kennedy as his model...", "Others disagreed."}},
		{"Shares of Nordwind Inc. rose. Acme Corp. said nothing, e.g. no comment.",
			[]string{"Shares of Nordwind Inc. rose.", "Acme Corp. said nothing, e.g. no comment."}},
		{"Headline without a stop\nThe first sentence follows. And a second.",
			[]string{"Headline without a stop", "The first sentence follows.", "And a second."}},
		{"See Art. 5 of the treaty. It is clear.",
			[]string{"See Art. 5 of the treaty.", "It is clear."}},
		{"Talks ended (without a deal.) A new round is planned.",
			[]string{"Talks ended (without a deal.)", "A new round is planned."}},
		{"  \u00a0Spaced out.   \t  Trailing space.  ", []string{"Spaced out.", "Trailing space."}},
		{"The site is example.com. Visit it.", []string{"The site is example.com.", "Visit it."}},
	}
	for _, tc := range tests {
		got := sentences(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestSoftNewlinesInWrappedBlock(t *testing.T) {
	text := "The ministers met\nin Oslo on Friday. They\nagreed.\nNext line."
	cut := strings.Index(text, "\nNext")
	d := &article.Doc{Text: text, Blocks: []article.Span{{Start: 0, End: cut}, {Start: cut + 1, End: len(text)}}}
	Segment(d)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"The ministers met\nin Oslo on Friday.", "They\nagreed.", "Next line."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Holm’s aides don't re-enter talks.", []string{"Mr.", "Holm", "’s", "aides", "do", "n't", "re-enter", "talks", "."}},
		{"The U.S.-led coalition (15 members) spent $4.2bn, or 2%.", []string{"The", "U.S.", "-", "led", "coalition", "(", "15", "members", ")", "spent", "$", "4.2bn", ",", "or", "2", "%", "."}},
		{"President-elect Ahn met the Secretary-General's team...", []string{"President-elect", "Ahn", "met", "the", "Secretary-General", "'s", "team", "..."}},
		{"“Never,” she said — twice.", []string{"“", "Never", ",", "”", "she", "said", "—", "twice", "."}},
		{"J. D. Okafor, 46, left.", []string{"J.", "D.", "Okafor", ",", "46", ",", "left", "."}},
		{"I'm sure they're right; we've won.", []string{"I", "'m", "sure", "they", "'re", "right", ";", "we", "'ve", "won", "."}},
	}
	for _, tc := range tests {
		toks := Tokens(tc.in, article.Span{Start: 0, End: len(tc.in)})
		var got []string
		for _, k := range toks {
			got = append(got, k.Text)
			if tc.in[k.Start:k.End] != k.Text {
				t.Errorf("token %q has span %v = %q", k.Text, k.Span, tc.in[k.Start:k.End])
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokens(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestSegmentUsesBlocks(t *testing.T) {
	text := "Junk line here\nKept one. Kept two.\nDropped junk.\nKept three."
	k1 := strings.Index(text, "Kept one")
	k3 := strings.Index(text, "Kept three")
	d := &article.Doc{Text: text, Blocks: []article.Span{{Start: k1, End: k1 + len("Kept one. Kept two.")}, {Start: k3, End: len(text)}}}
	Segment(d)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Kept one.", "Kept two.", "Kept three."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// no blocks kept: no sentences
	d = &article.Doc{Text: text, Blocks: []article.Span{}}
	Segment(d)
	if len(d.Sentences) != 0 {
		t.Errorf("sentences from an empty block list: %v", d.Sentences)
	}
}

// checkInvariants: sentences inside blocks, ordered, non-overlapping, trimmed, without
// a newline unless their block spans lines; tokens inside their sentence, ordered,
// non-overlapping, non-blank, Text equal to the span.
func checkInvariants(t testing.TB, d *article.Doc) {
	t.Helper()
	blocks := d.Blocks
	if blocks == nil {
		blocks = []article.Span{{Start: 0, End: len(d.Text)}}
	}
	bi, prev := 0, 0
	for _, s := range d.Sentences {
		if s.Start < prev || s.Start >= s.End || s.End > len(d.Text) {
			t.Fatalf("sentence %v out of order or bounds (prev end %d, len %d)", s.Span, prev, len(d.Text))
		}
		prev = s.End
		for bi < len(blocks) && blocks[bi].End <= s.Start {
			bi++
		}
		if bi == len(blocks) || s.Start < blocks[bi].Start || s.End > blocks[bi].End {
			t.Fatalf("sentence %v not inside a block", s.Span)
		}
		txt := d.Text[s.Start:s.End]
		if strings.TrimFunc(txt, isSpace) != txt {
			t.Errorf("sentence %q not trimmed", txt)
		}
		if d.Blocks == nil && strings.Contains(txt, "\n") {
			t.Errorf("sentence %q spans a newline", txt)
		}
		if len(s.Tokens) == 0 {
			t.Errorf("sentence %q without tokens", txt)
		}
		tp := s.Start
		for _, k := range s.Tokens {
			if k.Start < tp || k.Start >= k.End || k.End > s.End {
				t.Fatalf("token %v out of order or outside sentence %v", k.Span, s.Span)
			}
			tp = k.End
			if d.Text[k.Start:k.End] != k.Text {
				t.Errorf("token text %q != span text %q", k.Text, d.Text[k.Start:k.End])
			}
			if strings.TrimFunc(k.Text, isSpace) == "" {
				t.Errorf("blank token %q", k.Text)
			}
			if !utf8.ValidString(k.Text) && utf8.ValidString(d.Text) {
				t.Errorf("token %q cuts a character", k.Text)
			}
		}
	}
}

func FuzzSegment(f *testing.F) {
	f.Add("Mr. Holm met Dr. Ahn. They left on Jan. 5. “Why?” he asked.", 0, 0)
	f.Add("A\nB. C... D?! “E.” F. U.S. G", 2, 5)
	f.Add("x.\u00a0y. Trump's re-entry don't", 1, 3)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		d := &article.Doc{Text: text}
		if a != 0 || b != 0 {
			// two blocks derived from the inputs, clamped to the text
			n := len(text)
			if n == 0 {
				return
			}
			a, b = abs(a)%(n+1), abs(b)%(n+1)
			if a > b {
				a, b = b, a
			}
			for a < n && !utf8.RuneStart(text[a]) {
				a++
			}
			for b < n && !utf8.RuneStart(text[b]) {
				b++
			}
			b = max(a, b)
			d.Blocks = []article.Span{}
			if a < b {
				d.Blocks = append(d.Blocks, article.Span{Start: a, End: b})
			}
			if b < n {
				d.Blocks = append(d.Blocks, article.Span{Start: b, End: n})
			}
		}
		Segment(d)
		checkInvariants(t, d)
	})
}

func abs(x int) int {
	if x < 0 {
		if x == -x { // math.MinInt
			return 0
		}
		return -x
	}
	return x
}
